import { setTimeout as sleep } from "node:timers/promises";
import { recordEvent } from "../audit";
import { claimConnectionRefresh, getConnection, getUserById, markConnectionForReconnect, releaseConnectionRefresh, updateConnectionTokens, type Connection } from "../db";
import { AppError } from "../errors";
import { HostError } from "../hosts";
import { productNames } from "../hosts/labels";
import { getOAuthAppCredentials, isOAuthAppProvider } from "../oauth-apps";
import { refreshGrant } from "./oauth/refresh-grant";
import { tokenColumns } from "./oauth/token-columns";
import { openConnectionToken, openRefreshToken } from "./seal";

/** Tokens are renewed this long before they expire, so that a clone or push started now does not outlive them. */
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;
/** How long one request may hold the refresh; others wait at most this long for its result. */
const CLAIM_MS = 30 * 1000;
const POLL_MS = 50;


/** The error every caller shows: the connection must be made again; nothing local is lost meanwhile. */
export function reconnectRequired(connection: Pick<Connection, "provider" | "host" | "reconnectReason">): AppError {
  const why = connection.reconnectReason ? ` (${connection.reconnectReason})` : "";
  return new AppError(
    "connection_required",
    `Connect again to ${productNames[connection.provider]} at ${connection.host}${why}. Work in open sessions is kept; try again once connected.`,
  );
}

const needsRefresh = (connection: Connection, now: number) =>
  connection.method === "oauth" && connection.expiresAt !== null && connection.expiresAt.getTime() - now < REFRESH_MARGIN_MS;

/**
 * The connection's access token, renewed first when it expires within five
 * minutes. Many requests may need it at the same moment (a clone fetches while
 * the page lists branches): the database decides which one refreshes (a claim
 * on the row, compare-and-set on the token seen), the others wait for the new
 * token, so the single-use refresh token is spent once and the rotated one is
 * stored. When the provider refuses, the connection is marked for reconnecting.
 */
export async function freshConnectionToken(connection: Connection): Promise<string> {
  let current = connection;
  const deadline = Date.now() + CLAIM_MS + 5_000;
  for (;;) {
    if (current.reconnectReason) throw reconnectRequired(current);
    if (!needsRefresh(current, Date.now())) return openConnectionToken(current);
    if (claimConnectionRefresh({ id: current.id, sealedToken: current.sealedToken, until: new Date(Date.now() + CLAIM_MS) })) {
      return refreshClaimed(current);
    }
    if (Date.now() > deadline) throw new HostError("unreachable", `Renewing the token for ${current.host} is taking too long. Try again in a minute.`);
    await sleep(POLL_MS);
    const reloaded = getConnection({ id: current.id });
    if (!reloaded) throw reconnectRequired({ ...current, reconnectReason: "it was disconnected" });
    current = reloaded;
  }
}

async function refreshClaimed(connection: Connection): Promise<string> {
  const refreshToken = openRefreshToken(connection);
  const app = isOAuthAppProvider(connection.provider) ? getOAuthAppCredentials({ provider: connection.provider, host: connection.host }) : undefined;
  if (!refreshToken || !app) {
    const expired = connection.expiresAt !== null && connection.expiresAt.getTime() <= Date.now();
    if (!expired) {
      // Nothing to renew it with, but it still works for a few minutes.
      releaseConnectionRefresh({ id: connection.id });
      return openConnectionToken(connection);
    }
    const reason = app ? "the token expired and cannot be renewed" : "the application it was authorized with is no longer registered";
    markConnectionForReconnect({ id: connection.id, reason });
    throw reconnectRequired({ ...connection, reconnectReason: reason });
  }
  const outcome = await refreshGrant({ app, refreshToken });
  if (!outcome.ok) {
    if (!outcome.refused) {
      releaseConnectionRefresh({ id: connection.id });
      throw new HostError("unreachable", `${outcome.reason}. Check that the host is up and try again.`);
    }
    markConnectionForReconnect({ id: connection.id, reason: outcome.reason });
    recordEvent({ action: "connection.refresh_failed", actor: getUserById({ id: connection.userId }) ?? null, detail: { connectionId: connection.id, provider: connection.provider, host: connection.host } });
    throw reconnectRequired({ ...connection, reconnectReason: outcome.reason });
  }
  const updated = updateConnectionTokens({ id: connection.id, values: tokenColumns({ connectionId: connection.id, tokens: outcome.tokens, previous: connection }) });
  if (!updated) throw reconnectRequired({ ...connection, reconnectReason: "it was disconnected" });
  recordEvent({ action: "connection.refreshed", actor: getUserById({ id: connection.userId }) ?? null, detail: { connectionId: connection.id, provider: connection.provider, host: connection.host } });
  return outcome.tokens.access_token;
}
