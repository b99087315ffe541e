import type * as oauth from "oauth4webapi";
import type { Connection } from "../../db";
import { sealConnectionToken, sealRefreshToken } from "../seal";

/** GitHub lists granted scopes with commas, GitLab with spaces. */
export function scopesOf(scope: string | undefined): string[] | null {
  if (scope === undefined) return null;
  const scopes = scope.split(/[\s,]+/).filter(Boolean);
  return scopes.length ? scopes : null;
}

/**
 * A token endpoint's answer as a connection's columns, sealed to the row.
 * `expires_in` is counted from when the answer arrived. A provider that sends
 * no new refresh token keeps the old one working (RFC 6749 section 6), so the
 * stored one stays.
 */
export function tokenColumns({
  connectionId,
  tokens,
  previous,
  receivedAt = Date.now(),
}: {
  connectionId: string;
  tokens: oauth.TokenEndpointResponse;
  previous?: Pick<Connection, "sealedRefreshToken" | "scopes">;
  receivedAt?: number;
}): Pick<Connection, "sealedToken" | "sealedRefreshToken" | "expiresAt" | "scopes"> {
  return {
    sealedToken: sealConnectionToken(connectionId, tokens.access_token),
    sealedRefreshToken: tokens.refresh_token ? sealRefreshToken(connectionId, tokens.refresh_token) : (previous?.sealedRefreshToken ?? null),
    expiresAt: typeof tokens.expires_in === "number" ? new Date(receivedAt + tokens.expires_in * 1000) : null,
    scopes: scopesOf(tokens.scope) ?? previous?.scopes ?? null,
  };
}
