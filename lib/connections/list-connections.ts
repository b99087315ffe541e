import { getConnectionOfUser, listConnectionsOfUser, type Connection, type User } from "../db";
import { notFound } from "../errors";

export function listConnections({ user }: { user: User }): Connection[] {
  return listConnectionsOfUser({ userId: user.id });
}

/** The caller's connection, or not_found (other users' connections do not exist for them). */
export function loadConnection({ id, user }: { id: string; user: User }): Connection {
  const connection = getConnectionOfUser({ id, userId: user.id });
  if (!connection) throw notFound("That connection");
  return connection;
}
