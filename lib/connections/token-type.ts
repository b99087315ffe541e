import type { Connection } from "../db";
import type { TokenType } from "../hosts";

/**
 * What a connection's token is, for the adapters (the one rule): an OAuth
 * token (GitLab sends it as Bearer, not PRIVATE-TOKEN), a person's Bitbucket
 * Cloud API token (it came with the account's email, which it signs in with),
 * or an access token.
 */
export function tokenTypeOf(connection: Pick<Connection, "method" | "email">): TokenType {
  if (connection.method === "oauth") return "oauth";
  return connection.email ? "api-token" : "personal";
}
