import type { User } from "../db";
import { recordEvent } from "../audit";
import { endUserSessions } from "../auth/browser-sessions";

export type SessionEndReason = "password_changed" | "password_reset" | "role_changed" | "disabled";

/**
 * Ends a user's browser sessions (all but `exceptId`, the caller's own) after a change
 * that must not be outlived by a copied or forgotten cookie, and audits how many ended.
 */
export function endSessionsAfterChange({ user, actor, reason, exceptId }: { user: User; actor: User; reason: SessionEndReason; exceptId?: string }): number {
  const ended = endUserSessions({ userId: user.id, exceptId });
  if (ended > 0) recordEvent({ action: "user.sessions_ended", actor, detail: { userId: user.id, email: user.email, count: ended, reason } });
  return ended;
}
