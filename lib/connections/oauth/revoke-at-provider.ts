import * as oauth from "oauth4webapi";
import type { Connection } from "../../db";
import { createOctokit } from "../../hosts/github/octokit";
import { getOAuthAppCredentials, isGitHubProvider, isOAuthAppProvider } from "../../oauth-apps";
import { resolveHost } from "../host";
import { oauthClientOf } from "./oauth-client";
import { openConnectionToken } from "../seal";

export type Revocation = { revoked: true } | { revoked: false; reason: "no_app" | "unreachable"; message: string };

/** What the user reads when Benchtop could not withdraw its access (the connection is gone from Benchtop either way). */
export function describeRevocationFailure(reason: "no_app" | "unreachable", host: string): string {
  const manual = `Revoke Benchtop's access in your account settings at ${host}.`;
  return reason === "no_app"
    ? `Disconnected in Benchtop. The application is no longer registered, so Benchtop could not withdraw its access at ${host}. ${manual}`
    : `Disconnected in Benchtop, but ${host} could not be reached to withdraw Benchtop's access. ${manual}`;
}

/**
 * Withdraws an OAuth connection's authorization at the provider. GitHub:
 * deleting the app's grant for this user (every token it issued, refresh tokens
 * included; Basic auth with the app's client credentials). GitLab: the RFC 7009
 * revocation endpoint. Personal access tokens are the user's own and stay.
 */
export async function revokeAtProvider(connection: Connection): Promise<Revocation> {
  if (connection.method !== "oauth" || !isOAuthAppProvider(connection.provider)) return { revoked: true };
  const app = getOAuthAppCredentials({ provider: connection.provider, host: connection.host });
  if (!app) return { revoked: false, reason: "no_app", message: describeRevocationFailure("no_app", connection.host) };
  try {
    const token = openConnectionToken(connection);
    if (isGitHubProvider(app.provider)) {
      const { apiRoot } = resolveHost({ provider: connection.provider, host: connection.host });
      const basic = Buffer.from(`${app.clientId}:${app.clientSecret}`).toString("base64");
      await createOctokit({ apiRoot }).rest.apps.deleteAuthorization({ client_id: app.clientId, access_token: token, headers: { authorization: `basic ${basic}` } });
    } else {
      const { as, client, clientAuth, options } = oauthClientOf(app);
      await oauth.processRevocationResponse(await oauth.revocationRequest(as, client, clientAuth, token, options));
    }
    return { revoked: true };
  } catch (error) {
    // GitHub answers 404 for a token it no longer knows: already revoked.
    if ((error as { status?: unknown }).status === 404) return { revoked: true };
    return { revoked: false, reason: "unreachable", message: describeRevocationFailure("unreachable", connection.host) };
  }
}
