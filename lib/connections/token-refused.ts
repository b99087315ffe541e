import { markConnectionForReconnect, type Connection } from "../db";

/** The host refused a connection's token (revoked, or expired early): it is not used again until the user connects anew. */
export function markTokenRefused({ connection }: { connection: Pick<Connection, "id"> }): void {
  markConnectionForReconnect({ id: connection.id, reason: "it refused the token" });
}
