"use client";

import { useEffect, useState } from "react";
import type { FileDiff } from "@/lib/workspace/types";
import { describeError } from "./error-text";

export type LoadedDiff = { diff?: FileDiff; error?: string } | null;

/** A file's diff, loaded when first shown and again whenever `loadKey` changes; null while loading. */
export function useLoadedDiff(loadKey: string, load: () => Promise<FileDiff>): LoadedDiff {
  const [result, setResult] = useState<{ key: string; diff?: FileDiff; error?: string } | null>(null);

  useEffect(() => {
    let cancelled = false;
    load().then(
      (diff) => !cancelled && setResult({ key: loadKey, diff }),
      (error: unknown) => !cancelled && setResult({ key: loadKey, error: describeError(error) }),
    );
    return () => {
      cancelled = true;
    };
    // `load` is a new function on every render; loadKey says when it loads something else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loadKey]);

  return result;
}
