"use client";

import { useCallback, useEffect, useRef } from "react";

/**
 * Asks the browser to confirm leaving while `warn` is true (unpushed commits,
 * unsaved text). `allowLeave()` lifts it for a navigation the session starts
 * itself once its work is saved (going to the provider to reconnect).
 */
export function useLeaveWarning(warn: boolean): { allowLeave: () => void } {
  const allowed = useRef(false);
  useEffect(() => {
    if (!warn) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (allowed.current) return;
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [warn]);
  return { allowLeave: useCallback(() => void (allowed.current = true), []) };
}
