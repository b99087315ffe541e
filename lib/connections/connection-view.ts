import type { Connection } from "../db";

export type ConnectionView = {
  id: string;
  provider: Connection["provider"];
  host: string;
  login: string;
  method: Connection["method"];
  expiresAt: string | null;
  scopes: string[] | null;
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
  };
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** True when the token expires within a week (or already has). */
export function expiresSoon(view: Pick<ConnectionView, "expiresAt">, now = new Date()): boolean {
  return view.expiresAt !== null && new Date(view.expiresAt).getTime() - now.getTime() < WEEK_MS;
}
