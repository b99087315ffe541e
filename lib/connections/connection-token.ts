import type { Connection, User } from "../db";
import type { Provider } from "../hosts";
import { connectionToHost } from "./credential-for-host";
import { freshConnectionToken } from "./fresh-token";
import { connectionHostOfLocation } from "./host";

/** GitLab takes OAuth tokens as Bearer and access tokens as PRIVATE-TOKEN. */
export const tokenTypeOf = (connection: Pick<Connection, "method">) => (connection.method === "oauth" ? ("oauth" as const) : ("personal" as const));

/**
 * The user's connection to a repository's host with its (renewed when needed)
 * token: the credential used for a repository that has none of its own, such
 * as one added after authorizing Benchtop's GitHub or GitLab app. Null when the
 * user has no connection there.
 */
export async function connectionTokenFor({ user, provider, location }: { user: Pick<User, "id">; provider: Provider; location: string }): Promise<{ token: string; tokenType: "personal" | "oauth"; connection: Connection } | null> {
  if (provider === "s3") return null;
  const host = connectionHostOfLocation({ provider, location });
  const connection = host ? connectionToHost({ user, provider, host }) : undefined;
  return connection ? { token: await freshConnectionToken(connection), tokenType: tokenTypeOf(connection), connection } : null;
}
