// GitHub's OAuth: registered OAuth Apps and GitHub Apps, the codes of the web
// application flow, the tokens they turn into and GitHub App refresh tokens,
// as "Authorizing OAuth apps", "Generating a user access token for a GitHub
// App" and "Refreshing user access tokens" describe them. One per emulator.
import { createAuthorizationCodes } from "../shared/authorization-codes";
import { randomAlphanumeric, randomHex, sameSecret } from "../shared/oauth-http";
import { createOAuthLog } from "../shared/oauth-log";
import type { EmulatorState } from "./emulator-state";

export type OAuthAppKind = "oauth-app" | "github-app";

export type OAuthApp = {
  name: string;
  kind: OAuthAppKind;
  clientId: string;
  clientSecret: string;
  /** A GitHub App's "Contents" repository permission, which its user tokens carry. */
  contents: "read" | "write";
  /** Registered callback URLs; empty = any http(s) URL (tests do not know the client's port in advance). */
  redirectUris: string[];
};

export type AddOAuthAppOptions = {
  name: string;
  kind: OAuthAppKind;
  clientId?: string;
  clientSecret?: string;
  contents?: "read" | "write";
  redirectUris?: string[];
};

/** What a code grants once redeemed: the account that authorized and, for OAuth Apps, the scopes. */
export type GitHubGrant = { login: string; scopes: string[] };

type RefreshToken = { value: string; clientId: string; login: string; accessToken: string; expiresAt: number; revoked: boolean };

/** GitHub App user tokens: eight hours; their refresh tokens: six months (the documented, fixed values). */
export const ACCESS_TOKEN_SECONDS = 28800;
export const REFRESH_TOKEN_SECONDS = 15897600;

export type TokenAnswer =
  | { access_token: string; scope: string; token_type: "bearer" }
  | { access_token: string; expires_in: number; refresh_token: string; refresh_token_expires_in: number; scope: ""; token_type: "bearer" };

export function createGitHubOAuth({ state }: { state: EmulatorState }) {
  const apps = new Map<string, OAuthApp>();
  const codes = createAuthorizationCodes<GitHubGrant>();
  const refreshTokens = new Map<string, RefreshToken>();
  const log = createOAuthLog();

  /** Issues the tokens of one authorization: gho_ for an OAuth App, ghu_ + ghr_ for a GitHub App. */
  function issueTokens(app: OAuthApp, grant: GitHubGrant): TokenAnswer {
    if (app.kind === "oauth-app") {
      const token = state.seed.addToken({ login: grant.login, token: randomAlphanumeric("gho_", 36), scopes: grant.scopes, issuedTo: app.clientId });
      // In the order of GitHub's documented answer.
      return { access_token: token, scope: grant.scopes.join(","), token_type: "bearer" };
    }
    // A GitHub App's user token acts within the app's permissions, like a fine-grained token: no scopes.
    const accessToken = state.seed.addToken({
      login: grant.login,
      token: randomAlphanumeric("ghu_", 36),
      scopes: null,
      contents: app.contents,
      expiresAt: new Date(Date.now() + ACCESS_TOKEN_SECONDS * 1000),
      issuedTo: app.clientId,
    });
    const refresh: RefreshToken = { value: randomAlphanumeric("ghr_", 76), clientId: app.clientId, login: grant.login, accessToken, expiresAt: Date.now() + REFRESH_TOKEN_SECONDS * 1000, revoked: false };
    refreshTokens.set(refresh.value, refresh);
    return { access_token: accessToken, expires_in: ACCESS_TOKEN_SECONDS, refresh_token: refresh.value, refresh_token_expires_in: REFRESH_TOKEN_SECONDS, scope: "", token_type: "bearer" };
  }

  return {
    log,
    codes,
    issueTokens,

    /** Registers an app; returns its credentials (generated in GitHub's formats unless given). */
    addApp({ name, kind, clientId, clientSecret, contents = "write", redirectUris = [] }: AddOAuthAppOptions): { clientId: string; clientSecret: string } {
      const app: OAuthApp = {
        name,
        kind,
        clientId: clientId ?? randomAlphanumeric(kind === "oauth-app" ? "Ov23li" : "Iv23li", 14),
        clientSecret: clientSecret ?? randomHex("", 20),
        contents,
        redirectUris,
      };
      apps.set(app.clientId, app);
      return { clientId: app.clientId, clientSecret: app.clientSecret };
    },

    findApp: (clientId: string | undefined) => (clientId ? apps.get(clientId) : undefined),
    listApps: () => [...apps.values()],

    /** The app when the secret is its own. */
    authenticateClient(clientId: string, clientSecret: string): OAuthApp | null {
      const app = apps.get(clientId);
      return app && clientSecret && sameSecret(app.clientSecret, clientSecret) ? app : null;
    },

    /**
     * Exchanges a refresh token for a new pair. The used refresh token stops
     * working, and so does the access token it came with ("Once you use a
     * refresh token, that refresh token and the old user access token will no
     * longer work"). Null when the token is unknown, spent, expired or another app's.
     */
    refresh(app: OAuthApp, value: string | undefined): TokenAnswer | null {
      const record = value ? refreshTokens.get(value) : undefined;
      if (!record || record.revoked || record.expiresAt <= Date.now() || record.clientId !== app.clientId) return null;
      record.revoked = true;
      state.removeToken(record.accessToken);
      return issueTokens(app, { login: record.login, scopes: [] });
    },

    /** DELETE /applications/{client_id}/token: that token only. False when the app issued no such token. */
    revokeToken(app: OAuthApp, accessToken: string): boolean {
      const token = state.listTokens().find((t) => t.value === accessToken && t.issuedTo === app.clientId);
      if (!token) return false;
      state.removeToken(token.value);
      return true;
    },

    /** DELETE /applications/{client_id}/grant: every token of the token's account for this app, refresh tokens included. */
    revokeGrant(app: OAuthApp, accessToken: string): boolean {
      const token = state.listTokens().find((t) => t.value === accessToken && t.issuedTo === app.clientId);
      if (!token) return false;
      for (const t of state.listTokens()) if (t.issuedTo === app.clientId && t.login === token.login) state.removeToken(t.value);
      for (const r of refreshTokens.values()) if (r.clientId === app.clientId && r.login === token.login) r.revoked = true;
      return true;
    },

    /** Test control: every OAuth-issued access token of the account expires now (refresh tokens keep working). */
    expireAccessTokens(login: string): number | null {
      if (!state.findAccount(login)) return null;
      const mine = state.listTokens().filter((t) => t.issuedTo !== null && t.login.toLowerCase() === login.toLowerCase());
      for (const token of mine) token.expiresAt = new Date();
      return mine.length;
    },

    /** Test control: every refresh token of the account stops working. */
    revokeRefreshTokens(login: string): number | null {
      if (!state.findAccount(login)) return null;
      const mine = [...refreshTokens.values()].filter((r) => !r.revoked && r.login.toLowerCase() === login.toLowerCase());
      for (const record of mine) record.revoked = true;
      return mine.length;
    },
  };
}

export type GitHubOAuth = ReturnType<typeof createGitHubOAuth>;

/** Scopes as an OAuth App's authorization request names them: separated by spaces or commas. */
export const parseScopes = (scope: string | undefined) => [...new Set((scope ?? "").split(/[\s,]+/).filter(Boolean))];
