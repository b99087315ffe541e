import { listConnectionsToHost, type Connection, type User } from "../db";
import type { GitProvider } from "../hosts";

/** The user's connection to a host (of `provider`, when given), or undefined. */
export function connectionToHost({ user, provider, host }: { user: Pick<User, "id">; provider?: GitProvider; host: string }): Connection | undefined {
  return listConnectionsToHost({ userId: user.id, host: host.toLowerCase() }).find((c) => !provider || c.provider === provider);
}
