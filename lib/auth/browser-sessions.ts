import { randomBytes } from "node:crypto";
import {
  deleteBrowserSession,
  deleteBrowserSessionsOfUser,
  deleteBrowserSessionsSeenBefore,
  getBrowserSessionById,
  insertBrowserSession,
  touchBrowserSession,
  type BrowserSession,
} from "../db";
import { SESSION_MAX_AGE_SECONDS } from "./auth.config";

// lastSeenAt is refreshed at most this often, so that every page view does not write.
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;
const MAX_IDLE_MS = SESSION_MAX_AGE_SECONDS * 1000;

/** Starts a browser session at sign-in; its id goes into the session cookie. Long-idle rows are pruned on the way. */
export function startBrowserSession({ userId, userAgent, address, now = new Date() }: { userId: string; userAgent?: string | null; address?: string | null; now?: Date }): BrowserSession {
  deleteBrowserSessionsSeenBefore({ before: new Date(now.getTime() - MAX_IDLE_MS) });
  return insertBrowserSession({
    id: randomBytes(24).toString("base64url"),
    userId,
    lastSeenAt: now,
    userAgent: userAgent?.slice(0, 300) ?? null,
    address: address ?? null,
  });
}

/**
 * Whether the session in a cookie is still live: its row exists for this user and
 * was seen within the session lifetime. The cookie alone proves nothing once the
 * row is gone (signed out, or ended by a password, role or account change).
 */
export function isBrowserSessionLive({ id, userId, now = new Date() }: { id: string; userId: string; now?: Date }): boolean {
  const row = getBrowserSessionById({ id });
  if (!row || row.userId !== userId) return false;
  if (now.getTime() - row.lastSeenAt.getTime() > MAX_IDLE_MS) return false;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) touchBrowserSession({ id, at: now });
  return true;
}

export function endBrowserSession({ id }: { id: string }): boolean {
  return deleteBrowserSession({ id });
}

/** Ends every session of a user, or every one but `exceptId` (the caller's own); returns how many ended. */
export function endUserSessions({ userId, exceptId }: { userId: string; exceptId?: string }): number {
  return deleteBrowserSessionsOfUser({ userId, exceptId });
}
