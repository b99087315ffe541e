// GitLab as an OAuth 2.0 identity provider (Doorkeeper underneath): registered
// applications, authorization codes, access tokens that expire after 7200 s and
// the refresh tokens that renew them. One per emulator instance.
import { createAuthorizationCodes } from "../shared/authorization-codes";
import { randomHex, sameSecret } from "../shared/oauth-http";
import { createOAuthLog } from "../shared/oauth-log";
import type { EmulatorToken } from "./model";
import type { EmulatorState } from "./state";

export type OAuthApplication = {
  name: string;
  /** The client_id ("Application ID"). */
  uid: string;
  secret: string;
  /** What the application may ask for; a request for anything else is invalid_scope. */
  scopes: string[];
  /** Registered callback URLs; empty = any http(s) URL (tests do not know the client's port in advance). */
  redirectUris: string[];
};

export type SeedOAuthApplicationOptions = { name: string; uid?: string; secret?: string; scopes?: string[]; redirectUris?: string[] };

/** What a code grants once redeemed. */
export type GitLabGrant = { userId: number; scopes: string[] };

type RefreshToken = { value: string; applicationUid: string; userId: number; scopes: string[]; accessToken: string; revoked: boolean };

export const ACCESS_TOKEN_SECONDS = 7200;

/** Doorkeeper's token answer. */
export type TokenAnswer = { access_token: string; token_type: "Bearer"; expires_in: number; refresh_token: string; scope: string; created_at: number };

export function createGitLabOAuth({ state, nextId }: { state: EmulatorState; nextId: () => number }) {
  const applications = new Map<string, OAuthApplication>();
  const codes = createAuthorizationCodes<GitLabGrant>({ format: () => randomHex("", 32) });
  const refreshTokens = new Map<string, RefreshToken>();
  const log = createOAuthLog();
  const userByLogin = (login: string) => [...state.users.values()].find((u) => u.username.toLowerCase() === login.toLowerCase());

  function issueTokens(app: OAuthApplication, grant: GitLabGrant): TokenAnswer {
    const createdAt = Math.floor(Date.now() / 1000);
    const token: EmulatorToken = {
      id: nextId(),
      value: randomHex("", 32),
      name: app.name,
      userId: grant.userId,
      scopes: grant.scopes,
      expiresAt: null,
      revoked: false,
      rateLimited: false,
      createdAt: new Date(createdAt * 1000).toISOString(),
      oauth: { applicationUid: app.uid, expiresAtMs: (createdAt + ACCESS_TOKEN_SECONDS) * 1000 },
    };
    state.tokens.set(token.value, token);
    const refresh: RefreshToken = { value: randomHex("", 32), applicationUid: app.uid, userId: grant.userId, scopes: grant.scopes, accessToken: token.value, revoked: false };
    refreshTokens.set(refresh.value, refresh);
    return { access_token: token.value, token_type: "Bearer", expires_in: ACCESS_TOKEN_SECONDS, refresh_token: refresh.value, scope: grant.scopes.join(" "), created_at: createdAt };
  }

  /** Revokes an access token and the refresh token issued with it (Doorkeeper keeps them in one record). */
  function revokePair(accessToken: string): void {
    const token = state.tokens.get(accessToken);
    if (token) token.revoked = true;
    for (const r of refreshTokens.values()) if (r.accessToken === accessToken) r.revoked = true;
  }

  return {
    log,
    codes,
    issueTokens,

    /** Registers an application; returns its credentials (a 64-hex uid and a gloas- secret unless given). */
    addApplication({ name, uid, secret, scopes = ["api", "read_user", "read_repository", "write_repository"], redirectUris = [] }: SeedOAuthApplicationOptions): { clientId: string; clientSecret: string } {
      const app: OAuthApplication = { name, uid: uid ?? randomHex("", 32), secret: secret ?? randomHex("gloas-", 32), scopes, redirectUris };
      applications.set(app.uid, app);
      return { clientId: app.uid, clientSecret: app.secret };
    },

    findApplication: (uid: string | undefined) => (uid ? applications.get(uid) : undefined),

    authenticateClient(uid: string, secret: string): OAuthApplication | null {
      const app = applications.get(uid);
      return app && secret && sameSecret(app.secret, secret) ? app : null;
    },

    /** The refresh token's record when it may still be used. */
    findRefreshToken(value: string | undefined): RefreshToken | null {
      const record = value ? refreshTokens.get(value) : undefined;
      return record && !record.revoked ? record : null;
    },

    /** A new pair for a refresh token; the used refresh token and its access token are revoked. */
    refresh(app: OAuthApplication, record: RefreshToken): TokenAnswer {
      revokePair(record.accessToken);
      record.revoked = true;
      return issueTokens(app, { userId: record.userId, scopes: record.scopes });
    },

    /**
     * POST /oauth/revoke: an access or refresh token of `app`. "unknown" when
     * there is no such token (still a 200), "foreign" when another application issued it.
     */
    revoke(app: OAuthApplication, value: string): "revoked" | "unknown" | "foreign" {
      const access = state.tokens.get(value);
      const refresh = refreshTokens.get(value);
      const owner = access?.oauth?.applicationUid ?? refresh?.applicationUid;
      if (!owner) return "unknown";
      if (owner !== app.uid) return "foreign";
      revokePair(access ? value : refresh!.accessToken);
      if (refresh) refresh.revoked = true;
      return "revoked";
    },

    /** Test control: every OAuth access token of the user expires now (refresh tokens keep working). */
    expireAccessTokens(login: string): number | null {
      const user = userByLogin(login);
      if (!user) return null;
      const mine = [...state.tokens.values()].filter((t) => t.oauth && t.userId === user.id);
      for (const token of mine) token.oauth!.expiresAtMs = Date.now();
      return mine.length;
    },

    /** Test control: every refresh token of the user stops working. */
    revokeRefreshTokens(login: string): number | null {
      const user = userByLogin(login);
      if (!user) return null;
      const mine = [...refreshTokens.values()].filter((r) => !r.revoked && r.userId === user.id);
      for (const record of mine) record.revoked = true;
      return mine.length;
    },
  };
}

export type GitLabOAuth = ReturnType<typeof createGitLabOAuth>;
