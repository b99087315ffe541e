import crypto from "node:crypto";
import * as oauth from "oauth4webapi";
import { insertOAuthRequest, type User } from "../../db";
import { AppError } from "../../errors";
import { localPathOr } from "../../http/local-path";
import { callbackUrl, getOAuthAppCredentials, type OAuthAppProvider } from "../../oauth-apps";
import { sealSecret } from "../../secrets";
import { oauthClientOf } from "./oauth-client";

const REQUEST_LIFETIME_MS = 10 * 60 * 1000;

export const stateDigestOf = (state: string) => crypto.createHash("sha256").update(state).digest("hex");
export const verifierContext = (stateDigest: string) => `oauth-request:${stateDigest}:verifier`;

/**
 * Starts the authorization-code flow with state and PKCE (S256) for the app
 * registered for a provider and host, and returns the provider's consent page
 * to send the browser to. The state is stored as a digest with the user who
 * started it, so that only this user's callback can complete it.
 */
export async function startAuthorization({
  user,
  provider,
  host,
  origin,
  returnTo,
}: {
  user: Pick<User, "id">;
  provider: OAuthAppProvider;
  host: string;
  /** Benchtop's public origin, for the callback URL. */
  origin: string;
  returnTo?: string | null;
}): Promise<URL> {
  const app = getOAuthAppCredentials({ provider, host });
  if (!app) {
    throw new AppError("not_found", `No application is registered for ${host}. Ask an administrator to register one under Admin, OAuth apps, or connect with a personal access token.`);
  }
  const { as, client, scope } = oauthClientOf(app);
  const state = oauth.generateRandomState();
  const verifier = oauth.generateRandomCodeVerifier();
  const stateDigest = stateDigestOf(state);
  insertOAuthRequest({
    stateDigest,
    userId: user.id,
    provider,
    host: app.host,
    sealedCodeVerifier: sealSecret({ plaintext: verifier, context: verifierContext(stateDigest) }),
    returnTo: localPathOr(returnTo, "/settings/connections"),
    expiresAt: new Date(Date.now() + REQUEST_LIFETIME_MS),
  });
  const url = new URL(as.authorization_endpoint!);
  url.searchParams.set("client_id", client.client_id);
  url.searchParams.set("redirect_uri", callbackUrl(origin, provider));
  url.searchParams.set("response_type", "code");
  url.searchParams.set("state", state);
  url.searchParams.set("code_challenge", await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set("code_challenge_method", "S256");
  if (scope) url.searchParams.set("scope", scope);
  return url;
}
