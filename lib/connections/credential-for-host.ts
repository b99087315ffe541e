import { listConnectionsToHost, type Connection, type User } from "../db";
import { createGitAdapter } from "../hosts/create-adapter";
import type { GitProvider } from "../hosts";
import { tokenTypeOf } from "./token-type";
import { freshConnectionToken } from "./fresh-token";
import { resolveHost, samplePath } from "./host";

/** The user's connection to a host (of `provider`, when given), or undefined. */
export function connectionToHost({ user, provider, host }: { user: Pick<User, "id">; provider?: GitProvider; host: string }): Connection | undefined {
  return listConnectionsToHost({ userId: user.id, host: host.toLowerCase() }).find((c) => !provider || c.provider === provider);
}

/**
 * The Authorization header git needs for a host, from the user's own connection
 * to it (in the provider's convention, through the adapters' gitAuthHeader:
 * GitHub x-access-token Basic, GitLab oauth2 Basic, Bitbucket Cloud
 * x-token-auth Basic for an access token and x-bitbucket-api-token-auth Basic
 * for a person's API token, Bitbucket Server Bearer); null without a connection.
 * An OAuth token about to expire is renewed first (see freshConnectionToken,
 * which throws connection_required when the user must connect again).
 * `host` is host[:port] as connections store it; with `provider`, only a
 * connection of that provider counts.
 */
export async function credentialForHost({ user, provider, host }: { user: Pick<User, "id">; provider?: GitProvider; host: string }): Promise<{ authorization: string; connection: Connection } | null> {
  const connection = connectionToHost({ user, provider, host });
  if (!connection) return null;
  let origin: string;
  try {
    origin = resolveHost({ provider: connection.provider, host: connection.host }).origin;
  } catch {
    return null; // a host no longer allowed
  }
  const token = await freshConnectionToken(connection);
  const adapter = createGitAdapter({ provider: connection.provider, location: origin + samplePath(connection.provider), token, tokenType: tokenTypeOf(connection), email: connection.email });
  const authorization = adapter.gitAuthHeader();
  return authorization ? { authorization, connection } : null;
}
