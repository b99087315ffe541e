"use client";

import { useCallback, useState } from "react";
import type { Progress } from "@/lib/workspace/types";

export type StatusTone = "info" | "success" | "error" | "progress";

export type StatusMessage = {
  text: string;
  tone: StatusTone;
  /** A follow-up the person can take from the message itself (e.g. pull after a rejected push). */
  action?: { label: string; run: () => void };
  progress?: Progress;
  /** What made it fail, when the message should go once that cause has gone (see useOfflineCleared). */
  cause?: "offline";
};

/** The one message the status region shows: the latest progress or result. */
export function useStatus() {
  const [status, announce] = useState<StatusMessage | null>(null);
  const reportProgress = useCallback((label: string, progress: Progress) => announce({ text: label, tone: "progress", progress }), []);
  return { status, announce, reportProgress };
}

/** "Receiving objects 42%": a progress report in words. */
export function progressText(progress: Progress | undefined): string {
  if (!progress) return "";
  const percent = progress.percent !== undefined ? ` ${Math.round(progress.percent)}%` : "";
  return `${progress.phase}${percent}`;
}
