"use client";

import { useEffect } from "react";
import type { StatusMessage } from "./use-status";

type Announce = (message: StatusMessage | null | ((prev: StatusMessage | null) => StatusMessage | null)) => void;

/** A failure because the server could not be reached is not left standing once the browser is back online. */
export function useOfflineCleared(announce: Announce) {
  useEffect(() => {
    const online = () => announce((prev) => (prev?.cause === "offline" ? { text: "Back online. Try again; your work is kept in this browser.", tone: "info" } : prev));
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, [announce]);
}
