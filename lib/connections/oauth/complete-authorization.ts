import * as oauth from "oauth4webapi";
import { recordEvent } from "../../audit";
import { findConnection, insertConnection, takeOAuthRequest, updateConnectionTokens, type Connection, type User } from "../../db";
import { newId } from "../../db/ids";
import { getViewer, HostError } from "../../hosts";
import { callbackUrl, getOAuthAppCredentials, type OAuthAppProvider } from "../../oauth-apps";
import { openSecret } from "../../secrets";
import { resolveHost } from "../host";
import { oauthClientOf } from "./oauth-client";
import { OAuthFlowError, type OAuthFailure } from "./oauth-failure";
import { stateDigestOf, verifierContext } from "./start-authorization";
import { tokenColumns } from "./token-columns";

/** What went wrong talking to the provider, as one of the failures the page explains. */
function failureOf(error: unknown): OAuthFailure {
  if (error instanceof oauth.AuthorizationResponseError) {
    if (error.error === "access_denied") return "denied";
    // The provider refused the request itself: an app without the scopes asked for, or another callback URL.
    return ["invalid_scope", "unauthorized_client", "invalid_client", "redirect_uri_mismatch"].includes(error.error) ? "app_refused" : "failed";
  }
  if (error instanceof oauth.ResponseBodyError) {
    // GitHub: incorrect_client_credentials, redirect_uri_mismatch; OAuth 2.0: invalid_client, unauthorized_client.
    if (/client|redirect_uri/.test(error.error)) return "app_refused";
    return "expired";
  }
  if (error instanceof HostError) return error.code === "unreachable" || error.code === "tls" ? "unreachable" : "failed";
  if (error instanceof TypeError || (error as { code?: unknown })?.code === "UND_ERR_CONNECT_TIMEOUT") return "unreachable";
  return "failed";
}

/**
 * The callback of the authorization-code flow: checks the state against the
 * request this user started (one use), exchanges the code with the PKCE
 * verifier, asks the host whose account it is, and stores the access and
 * refresh tokens sealed as the user's connection to that host (replacing the
 * tokens of an existing one: connecting again is how a user renews).
 */
export async function completeAuthorization({
  user,
  provider,
  callback,
  origin,
}: {
  user: User;
  provider: OAuthAppProvider;
  /** The URL the provider redirected to, with its query. */
  callback: URL;
  origin: string;
}): Promise<{ connection: Connection; returnTo: string }> {
  const state = callback.searchParams.get("state");
  const request = state ? takeOAuthRequest({ stateDigest: stateDigestOf(state) }) : undefined;
  const host = request?.host ?? provider;
  if (!state || !request || request.userId !== user.id || request.provider !== provider || request.expiresAt.getTime() < Date.now()) {
    throw new OAuthFlowError("expired", host);
  }
  const app = getOAuthAppCredentials({ provider, host: request.host });
  if (!app) throw new OAuthFlowError("no_app", host);
  const { as, client, clientAuth, options } = oauthClientOf(app);
  const verifier = openSecret({ sealed: request.sealedCodeVerifier, context: verifierContext(request.stateDigest) });

  let tokens: oauth.TokenEndpointResponse;
  let viewer;
  const target = resolveHost({ provider, host: request.host });
  try {
    const parameters = oauth.validateAuthResponse(as, client, callback, state);
    const response = await oauth.authorizationCodeGrantRequest(as, client, clientAuth, parameters, callbackUrl(origin, provider), verifier, options);
    tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
    viewer = await getViewer({ provider, origin: target.origin, apiRoot: target.apiRoot, token: tokens.access_token });
  } catch (error) {
    throw new OAuthFlowError(failureOf(error), host, { cause: error });
  }

  const receivedAt = Date.now();
  const existing = findConnection({ userId: user.id, provider, host: target.host });
  const id = existing?.id ?? newId();
  const columns = tokenColumns({ connectionId: id, tokens, receivedAt });
  // A GitHub OAuth App token reports its scopes on every answer; trust those over the token response.
  const scopes = viewer.scopes ?? columns.scopes;
  const connection = existing
    ? updateConnectionTokens({ id, values: { ...columns, scopes, login: viewer.login, method: "oauth" } })!
    : insertConnection({ id, userId: user.id, provider, host: target.host, login: viewer.login, accountId: viewer.accountId ?? null, email: null, method: "oauth", ...columns, scopes });
  recordEvent({
    action: existing ? "connection.renewed" : "connection.created",
    actor: user,
    detail: { connectionId: id, provider, host: target.host, login: viewer.login, method: "oauth", app: app.kind },
  });
  return { connection, returnTo: request.returnTo };
}
