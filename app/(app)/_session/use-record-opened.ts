"use client";

import { useEffect, useRef } from "react";

/**
 * Tells the server once, when the session has opened (its copy is ready), so
 * that `session.opened` is recorded by a deliberate call rather than by showing
 * the page. A failure costs only the audit line, never the session.
 */
export function useRecordOpened(url: string, opened: boolean): void {
  const sent = useRef(false);
  useEffect(() => {
    if (!opened || sent.current) return;
    sent.current = true;
    void fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }).catch(() => {});
  }, [url, opened]);
}
