"use client";

import { useEffect } from "react";

/** Asks the browser to confirm leaving while `warn` is true (unpushed commits, unsaved text). */
export function useLeaveWarning(warn: boolean) {
  useEffect(() => {
    if (!warn) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [warn]);
}
