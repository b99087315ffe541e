import type { Connection } from "../db";

export type ConnectionView = {
  id: string;
  provider: Connection["provider"];
  host: string;
  login: string;
  method: Connection["method"];
  expiresAt: string | null;
  scopes: string[] | null;
  /** An OAuth token Benchtop renews by itself (it has a refresh token). */
  renewable: boolean;
  /** Why the user must connect again; null while the connection works. */
  reconnectReason: string | null;
};

/** A connection as the API and pages show it: never the token. */
export function toConnectionView(connection: Connection): ConnectionView {
  return {
    id: connection.id,
    provider: connection.provider,
    host: connection.host,
    login: connection.login,
    method: connection.method,
    expiresAt: connection.expiresAt?.toISOString() ?? null,
    scopes: connection.scopes ?? null,
    renewable: connection.method === "oauth" && connection.sealedRefreshToken !== null,
    reconnectReason: connection.reconnectReason,
  };
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** True when the token expires within a week (or already has). */
export function expiresSoon(view: Pick<ConnectionView, "expiresAt">, now = new Date()): boolean {
  return view.expiresAt !== null && new Date(view.expiresAt).getTime() - now.getTime() < WEEK_MS;
}
