import { recordEvent } from "../audit";
import { findConnection, insertConnection, type Connection, type User } from "../db";
import { newId } from "../db/ids";
import { AppError } from "../errors";
import { getViewer, HostError, type GitProvider } from "../hosts";
import { resolveHost } from "./host";
import { sealConnectionToken } from "./seal";

/** Host answers about the token itself: the user fixes them in the token field. */
const TOKEN_FAILURES = new Set(["bad_credentials", "no_permission", "missing_scopes"]);

/**
 * Connects the user's account at a host with a personal access token: the host
 * is checked, the token is tried against it (whose account, which scopes, until
 * when), and only then sealed and stored. One connection per provider and host.
 * Bitbucket Cloud takes a person's Atlassian API token with the account's
 * `email`, which it signs in with and which is kept with the connection (plain:
 * it is not a secret, but it is left out of the audit trail and of the view).
 */
export async function createTokenConnection({ user, provider, host, token, email }: { user: User; provider: GitProvider; host: string; token: string; email?: string }): Promise<Connection> {
  const target = resolveHost({ provider, host });
  if (findConnection({ userId: user.id, provider, host: target.host })) {
    throw new AppError("conflict", `You are already connected to ${target.host}. Disconnect first to connect again with another token.`, {
      fields: { host: "Already connected: disconnect first." },
    });
  }
  let viewer;
  try {
    viewer = await getViewer({ provider, origin: target.origin, apiRoot: target.apiRoot, token, email });
  } catch (error) {
    if (error instanceof HostError && TOKEN_FAILURES.has(error.code)) {
      // With an email, Bitbucket's refusal may be of either: both fields show it.
      throw new AppError("invalid_input", error.message, { fields: { token: error.message, ...(email ? { email: error.message } : {}) }, cause: error });
    }
    if (error instanceof HostError && (error.code === "unreachable" || error.code === "not_found" || error.code === "tls")) {
      throw new AppError("invalid_input", error.message, { fields: { host: error.message }, cause: error });
    }
    throw error;
  }
  const id = newId();
  let connection: Connection;
  try {
    connection = insertConnection({
      id,
      userId: user.id,
      provider,
      host: target.host,
      login: viewer.login,
      accountId: viewer.accountId ?? null,
      email: email ?? null,
      method: "token",
      sealedToken: sealConnectionToken(id, token),
      sealedRefreshToken: null,
      scopes: viewer.scopes,
      expiresAt: viewer.expiresAt ? new Date(viewer.expiresAt) : null,
    });
  } catch (error) {
    // Two requests raced past the check above: the unique index decides.
    if (String((error as { code?: unknown }).code ?? "").startsWith("SQLITE_CONSTRAINT")) {
      throw new AppError("conflict", `You are already connected to ${target.host}. Disconnect first to connect again with another token.`, { fields: { host: "Already connected: disconnect first." } });
    }
    throw error;
  }
  recordEvent({ action: "connection.created", actor: user, detail: { connectionId: id, provider, host: target.host, login: viewer.login, method: "token" } });
  return connection;
}
