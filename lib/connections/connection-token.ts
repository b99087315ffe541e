import type { Connection, User } from "../db";
import type { HostApp, Provider, TokenType } from "../hosts";
import { connectionAppOf } from "./connection-app";
import { connectionToHost } from "./connection-to-host";
import { freshConnectionToken } from "./fresh-token";
import { connectionHostOfLocation } from "./host";
import { tokenTypeOf } from "./token-type";

/**
 * The user's connection to a repository's host with its (renewed when needed)
 * token: the credential used for a repository that has none of its own, such
 * as one added after authorizing Benchtop's GitHub or GitLab app, with what
 * the adapter needs to send it (its type, and a Bitbucket Cloud API token's
 * email) and the app that issued it (see connectionAppOf). Null when the user
 * has no connection there.
 */
export async function connectionTokenFor({
  user,
  provider,
  location,
}: {
  user: Pick<User, "id">;
  provider: Provider;
  location: string;
}): Promise<{ token: string; tokenType: TokenType; email: string | null; app: HostApp | null; connection: Connection } | null> {
  if (provider === "s3") return null;
  const host = connectionHostOfLocation({ provider, location });
  const connection = host ? connectionToHost({ user, provider, host }) : undefined;
  return connection ? { token: await freshConnectionToken(connection), tokenType: tokenTypeOf(connection), email: connection.email, app: connectionAppOf(connection), connection } : null;
}
