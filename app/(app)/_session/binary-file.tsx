"use client";

import { useEffect, useState } from "react";
import { nameOf } from "@/lib/workspace/paths";
import type { FileContent, Progress } from "@/lib/workspace/types";
import { describeError } from "./error-text";
import { formatSize } from "./format-size";
import { previewKindOf, previewTypeOf } from "./file-preview";
import { announceLfsStored } from "./lfs-stored-event";
import { ProgressBar } from "./progress-bar";
import { progressOptions } from "./progress-options";
import { useSession } from "./session-context";

type Prepared = { path: string; url: string } | { path: string; error: string } | { path: string; progress: Progress };

/**
 * A file the editor does not take (binary or too large): images and PDFs
 * shown, and a download link. The content comes as a Blob (a Git LFS file's
 * from this browser's copy), so a large file is never read into the page.
 */
export function BinaryFile({ file }: { file: FileContent }) {
  const { api } = useSession();
  const [prepared, setPrepared] = useState<Prepared | null>(null);

  useEffect(() => {
    let url: string | undefined;
    let cancelled = false;
    const onProgress = (progress: Progress) => !cancelled && setPrepared({ path: file.path, progress });
    api.readFileBlob(progressOptions(onProgress, { path: file.path })).then(
      (blob) => {
        if (cancelled) return;
        if (file.lfs) announceLfsStored();
        url = URL.createObjectURL(new Blob([blob], { type: previewTypeOf(file.path) }));
        setPrepared({ path: file.path, url });
      },
      (error: unknown) => !cancelled && setPrepared({ path: file.path, error: describeError(error) }),
    );
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [api, file.path, file.version, file.lfs]);

  const name = nameOf(file.path);
  const current = prepared?.path === file.path ? prepared : null;
  const preview = previewKindOf(file.path);
  return (
    <div className="flex h-full min-h-0 flex-col text-sm text-slate-700">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-slate-100 px-6 py-3">
        <p>
          {preview ? `${preview === "image" ? "Image" : "PDF"}, ${formatSize(file.size)}` : `${file.binary ? "This is a binary file" : "This file is too large for the editor"} (${formatSize(file.size)}).`}
        </p>
        {current && "url" in current ? (
          <a href={current.url} download={name} className="font-medium text-indigo-700 hover:underline">
            Download {name}
          </a>
        ) : current && "error" in current ? (
          <span className="text-red-800">Could not prepare the download. {current.error}</span>
        ) : current && "progress" in current ? (
          <ProgressBar label={`Preparing ${name}`} progress={current.progress} className="w-40" />
        ) : (
          "Preparing the download…"
        )}
      </div>
      {current && "url" in current && preview === "image" && (
        <div className="min-h-0 flex-1 overflow-auto bg-slate-50 p-4">
          {/* A Blob URL of this page: next/image cannot take it. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={current.url} alt={`Preview of ${name}`} className="max-w-full" />
        </div>
      )}
      {current && "url" in current && preview === "pdf" && (
        // The Blob is typed application/pdf: the browser's PDF viewer shows it, or offers it as a download.
        <iframe src={current.url} title={`Preview of ${name}`} className="min-h-0 w-full flex-1 border-0" />
      )}
    </div>
  );
}
