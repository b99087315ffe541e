"use client";

import type { Remote } from "comlink";
import { useCallback, useEffect, useRef, useState } from "react";
import { MAX_REPOSITORY_IMAGE_BYTES, repositoryImagePath, repositoryImageType } from "@/lib/render";
import type { WorkspaceApi } from "@/lib/workspace/api";

function toDataUrl(bytes: Uint8Array, type: string): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${type};base64,${btoa(binary)}`;
}

/**
 * Relative images in Markdown cells (`![plot](figures/plot.png)`), read from the
 * session's working tree. lib/render asks synchronously; the first ask starts
 * the read and answers null, and `version` rises when an image arrives so the
 * cells render again. SVG files are not taken (an image in a page, but a file
 * anyone could have pushed: raster types only).
 */
export function useRepositoryImages(api: Remote<WorkspaceApi>, notebookPath: string) {
  const cache = useRef(new Map<string, string | null>());
  const [version, setVersion] = useState(0);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const resolveImage = useCallback(
    (relative: string): string | null => {
      const path = repositoryImagePath(notebookPath, relative);
      const type = path && repositoryImageType(path);
      if (!path || !type) return null;
      if (cache.current.has(path)) return cache.current.get(path)!;
      cache.current.set(path, null);
      api.readFileBytes({ path }).then(
        (bytes) => {
          if (bytes.length > MAX_REPOSITORY_IMAGE_BYTES) return;
          cache.current.set(path, toDataUrl(bytes, type));
          if (alive.current) setVersion((value) => value + 1);
        },
        () => {},
      );
      return null;
    },
    [api, notebookPath],
  );
  return { resolveImage, version };
}
