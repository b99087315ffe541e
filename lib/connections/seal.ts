import type { Connection } from "../db";
import { openSecret, sealSecret } from "../secrets";

const tokenContext = (id: string) => `connection:${id}:token`;
const refreshContext = (id: string) => `connection:${id}:refresh-token`;

export function sealConnectionToken(id: string, token: string): string {
  return sealSecret({ plaintext: token, context: tokenContext(id) });
}

export function openConnectionToken(connection: Pick<Connection, "id" | "sealedToken">): string {
  return openSecret({ sealed: connection.sealedToken, context: tokenContext(connection.id) });
}

export function sealRefreshToken(id: string, token: string): string {
  return sealSecret({ plaintext: token, context: refreshContext(id) });
}

export function openRefreshToken(connection: Pick<Connection, "id" | "sealedRefreshToken">): string | null {
  return connection.sealedRefreshToken ? openSecret({ sealed: connection.sealedRefreshToken, context: refreshContext(connection.id) }) : null;
}
