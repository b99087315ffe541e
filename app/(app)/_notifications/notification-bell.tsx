"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { NOTIFICATIONS_CHANGED } from "./notifications-changed";

const POLL_MS = 60_000;

/** "Notifications, 2 unread": the bell's name for screen readers and its tooltip. */
export const bellLabel = (unread: number) => (unread > 0 ? `Notifications, ${unread} unread` : "Notifications, none unread");

/**
 * The header's bell: the number of unread notifications, linking to the list.
 * It counts again when the page changes, when the window comes back into view,
 * once a minute while it is shown, and at once when this page reported a
 * failure or read notifications (NOTIFICATIONS_CHANGED). The server renders the
 * first count, so the bell is right before any script runs.
 */
export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const [unread, setUnread] = useState(initialUnread);
  const pathname = usePathname();
  const first = useRef(true);

  const recount = useCallback(async () => {
    try {
      const response = await fetch("/api/v1/notifications?unread=true&perPage=1", { cache: "no-store" });
      if (response.ok) setUnread(((await response.json()) as { unread: number }).unread);
    } catch {
      // Offline: the bell keeps its last count.
    }
  }, []);

  useEffect(() => {
    // The server counted for the first page; later pages count again.
    if (first.current) first.current = false;
    else void recount();
  }, [pathname, recount]);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === "visible") void recount();
    };
    const onChanged = () => void recount();
    const timer = setInterval(onVisible, POLL_MS);
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener(NOTIFICATIONS_CHANGED, onChanged);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener(NOTIFICATIONS_CHANGED, onChanged);
    };
  }, [recount]);

  const label = bellLabel(unread);
  return (
    <Link href="/notifications" aria-label={label} title={label} className="relative inline-flex items-center text-slate-700 hover:text-slate-900">
      <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 && (
        <span aria-hidden className="absolute -right-2 -top-1.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] font-semibold leading-4 text-white">
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
