import { createHash, randomBytes } from "node:crypto";
import { deleteTokenOfUser, getTokenWithUserByDigest, insertToken, listTokensOfUser, touchToken, type ApiToken, type User } from "../db";
import { notFound } from "../errors";

// A recognisable prefix lets secret scanners spot leaked tokens.
const PREFIX = "btp_";
// lastUsedAt is refreshed at most this often, so that every git request does not write.
const TOUCH_INTERVAL_MS = 60 * 1000;

export function digestToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export type TokenView = { id: string; name: string; createdAt: string; lastUsedAt: string | null; expiresAt: string | null };

export function toTokenView(token: ApiToken): TokenView {
  return {
    id: token.id,
    name: token.name,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    expiresAt: token.expiresAt?.toISOString() ?? null,
  };
}

/** Creates a personal access token. The returned `token` is the only time the secret exists in clear. */
export function createApiToken({ userId, name, expiresAt = null }: { userId: string; name: string; expiresAt?: Date | null }): TokenView & { token: string } {
  const token = PREFIX + randomBytes(32).toString("base64url");
  const row = insertToken({ userId, name, digest: digestToken(token), expiresAt });
  return { ...toTokenView(row), token };
}

export function listApiTokens({ userId }: { userId: string }): TokenView[] {
  return listTokensOfUser({ userId }).map(toTokenView);
}

export function revokeApiToken({ userId, id }: { userId: string; id: string }): void {
  if (!deleteTokenOfUser({ id, userId })) throw notFound("That token");
}

/** The enabled user a presented token belongs to, or undefined for an unknown, expired or disabled one. */
export function resolveApiToken({ token, now = new Date() }: { token: string; now?: Date }): User | undefined {
  if (!token.startsWith(PREFIX)) return undefined;
  const found = getTokenWithUserByDigest({ digest: digestToken(token) });
  if (!found || found.user.disabled) return undefined;
  if (found.token.expiresAt && found.token.expiresAt <= now) return undefined;
  const last = found.token.lastUsedAt?.getTime() ?? 0;
  if (now.getTime() - last > TOUCH_INTERVAL_MS) touchToken({ id: found.token.id, at: now });
  return found.user;
}
