// Moving time forward for OAuth tokens in browser tests: the host emulators'
// test controls (/_emulator/, e2e/hosts/shared/emulator-control.ts) and the one
// column of the app's database that says when Benchtop thinks a connection's
// token expires. Two hours cannot pass in a test; both sides are told instead.
import Database from "better-sqlite3";
import type { OAuthLog } from "./hosts/shared/oauth-log";
import { appDatabaseFile } from "./servers";

/** An emulator's test controls, over HTTP (the emulators run in their own processes). */
export class EmulatorControls {
  constructor(private readonly origin: string) {}

  private async post(action: string, login: string): Promise<number> {
    const response = await fetch(`${this.origin}/_emulator/${action}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ login }) });
    if (!response.ok) throw new Error(`POST /_emulator/${action}: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { count: number }).count;
  }

  /** Every OAuth access token of the account expires now; returns how many. */
  expireAccessTokens(login: string): Promise<number> {
    return this.post("expire-access-tokens", login);
  }

  /** Every refresh token of the account stops working; returns how many. */
  revokeRefreshTokens(login: string): Promise<number> {
    return this.post("revoke-refresh-tokens", login);
  }

  async oauthLog(): Promise<OAuthLog> {
    const response = await fetch(`${this.origin}/_emulator/oauth-log`);
    if (!response.ok) throw new Error(`GET /_emulator/oauth-log: ${response.status}`);
    return (await response.json()) as OAuthLog;
  }

  /** How many token requests of a grant type the emulator answered (ok) or refused. */
  async countTokenRequests(grantType: string, { ok = true }: { ok?: boolean } = {}): Promise<number> {
    return (await this.oauthLog()).tokenRequests.filter((r) => r.grantType === grantType && r.ok === ok).length;
  }
}

/**
 * Makes Benchtop believe a user's connection token expired a minute ago (the
 * connections.expires_at column, in ms), as the provider will once told so
 * with expireAccessTokens. Returns the number of connections changed.
 * The app keeps the database in WAL mode, so a second writer is fine.
 */
export function backdateConnectionExpiry({ userId, provider, at = Date.now() - 60_000 }: { userId: string; provider: string; at?: number }): number {
  const db = new Database(appDatabaseFile());
  try {
    db.pragma("busy_timeout = 5000");
    return db.prepare("UPDATE connections SET expires_at = ? WHERE user_id = ? AND provider = ?").run(at, userId, provider).changes;
  } finally {
    db.close();
  }
}
