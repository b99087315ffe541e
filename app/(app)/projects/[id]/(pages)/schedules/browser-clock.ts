"use client";

import { useSyncExternalStore } from "react";

const never = () => () => {};

/** The browser's time zone once the page runs in it; null while rendered on the server (which cannot know it). */
export function useBrowserTimeZone(): string | null {
  return useSyncExternalStore(never, () => Intl.DateTimeFormat().resolvedOptions().timeZone, () => null);
}

let zones: string[] | undefined;

/** Every IANA zone the browser knows, with UTC, sorted (the same array each time, as useSyncExternalStore wants). */
function browserZones(): string[] {
  zones ??= [...new Set(["UTC", ...Intl.supportedValuesOf("timeZone")])].sort();
  return zones;
}

const none: string[] = [];

/** The zones to suggest in a time-zone field; none on the server, whose list may differ from the browser's. */
export function useTimeZones(): string[] {
  return useSyncExternalStore(never, browserZones, () => none);
}
