import { listConnectionsToHost, type Connection, type User } from "../db";
import { createGitAdapter } from "../hosts/create-adapter";
import type { GitProvider } from "../hosts";
import { resolveHost } from "./host";
import { openConnectionToken } from "./seal";

const samplePath = (provider: GitProvider) => (provider === "bitbucket-server" ? "/projects/BENCHTOP/repos/connection" : "/benchtop/connection");

/**
 * The Authorization header git needs for a host, from the user's own connection
 * to it (in the provider's convention, through the adapters' gitAuthHeader:
 * GitHub x-access-token Basic, GitLab oauth2 Basic, Bitbucket Cloud
 * x-token-auth Basic, Bitbucket Server Bearer); null without a connection.
 * `host` is host[:port] as connections store it; with `provider`, only a
 * connection of that provider counts.
 */
export function credentialForHost({ user, provider, host }: { user: Pick<User, "id">; provider?: GitProvider; host: string }): { authorization: string; connection: Connection } | null {
  const candidates = listConnectionsToHost({ userId: user.id, host: host.toLowerCase() }).filter((c) => !provider || c.provider === provider);
  for (const connection of candidates) {
    try {
      const { origin } = resolveHost({ provider: connection.provider, host: connection.host });
      const adapter = createGitAdapter({ provider: connection.provider, location: origin + samplePath(connection.provider), token: openConnectionToken(connection) });
      const authorization = adapter.gitAuthHeader();
      if (authorization) return { authorization, connection };
    } catch {
      // a host no longer allowed, or a token sealed under another key: not usable
    }
  }
  return null;
}
