import { recordEvent } from "../audit";
import { deleteConnectionRow, type User } from "../db";
import { loadConnection } from "./list-connections";

/**
 * Forgets one of the caller's connections. A personal access token stays valid
 * at the host (Benchtop did not create it; the user revokes it there); OAuth
 * tokens will be revoked at the provider once OAuth connections exist.
 */
export function deleteConnection({ id, user }: { id: string; user: User }): void {
  const connection = loadConnection({ id, user });
  deleteConnectionRow({ id: connection.id });
  recordEvent({ action: "connection.deleted", actor: user, detail: { connectionId: connection.id, provider: connection.provider, host: connection.host, method: connection.method } });
}
