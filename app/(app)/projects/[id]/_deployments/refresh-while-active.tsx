"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Every two seconds while a run is queued or running, the page is rendered again from the server, so it shows the run end. */
export function RefreshWhileActive({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [active, router]);
  return null;
}
