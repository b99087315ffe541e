"use client";

import { useEffect, useState } from "react";
import { nameOf } from "@/lib/workspace/paths";
import type { FileContent } from "@/lib/workspace/types";
import { describeError } from "./error-text";
import { useSession } from "./session-context";

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** A file the editor does not take (binary or too large): its size and a download link. */
export function BinaryFile({ file }: { file: FileContent }) {
  const { api } = useSession();
  const [download, setDownload] = useState<{ path: string; url: string } | { path: string; error: string } | null>(null);

  useEffect(() => {
    let url: string | undefined;
    let cancelled = false;
    api.readFileBytes({ path: file.path }).then(
      (bytes) => {
        if (cancelled) return;
        url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>]));
        setDownload({ path: file.path, url });
      },
      (error: unknown) => !cancelled && setDownload({ path: file.path, error: describeError(error) }),
    );
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [api, file.path, file.version]);

  const name = nameOf(file.path);
  const current = download?.path === file.path ? download : null;
  return (
    <div className="p-6 text-sm text-slate-700">
      <p>
        {file.binary ? "This is a binary file" : "This file is too large for the editor"} ({formatSize(file.size)}).
      </p>
      <p className="mt-3">
        {current && "url" in current ? (
          <a href={current.url} download={name} className="font-medium text-indigo-700 hover:underline">
            Download {name}
          </a>
        ) : current && "error" in current ? (
          <span className="text-red-800">Could not prepare the download. {current.error}</span>
        ) : (
          "Preparing the download…"
        )}
      </p>
    </div>
  );
}
