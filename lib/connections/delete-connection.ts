import { recordEvent } from "../audit";
import { deleteConnectionRow, type User } from "../db";
import { loadConnection } from "./list-connections";
import { revokeAtProvider, type Revocation } from "./oauth/revoke-at-provider";

/**
 * Forgets one of the caller's connections. An OAuth authorization is withdrawn
 * at the provider first (where the provider allows it); the connection is
 * forgotten even when the provider cannot be reached, and the result says so.
 * A personal access token stays valid at the host: Benchtop did not create
 * it, and the user revokes it there.
 */
export async function deleteConnection({ id, user }: { id: string; user: User }): Promise<Revocation> {
  const connection = loadConnection({ id, user });
  const revocation = await revokeAtProvider(connection);
  deleteConnectionRow({ id: connection.id });
  recordEvent({
    action: "connection.deleted",
    actor: user,
    detail: { connectionId: connection.id, provider: connection.provider, host: connection.host, method: connection.method, revokedAtProvider: connection.method === "oauth" ? revocation.revoked : null },
  });
  return revocation;
}
