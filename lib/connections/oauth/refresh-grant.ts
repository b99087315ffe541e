import * as oauth from "oauth4webapi";
import type { OAuthAppCredentials } from "../../oauth-apps";
import { oauthClientOf } from "./oauth-client";

export type RefreshOutcome = { ok: true; tokens: oauth.TokenEndpointResponse } | { ok: false; refused: boolean; reason: string };

/**
 * One refresh-token grant at the provider. `refused` tells a provider's "no"
 * (revoked, expired, already used: the user must connect again) from a
 * failure to reach it (worth retrying later).
 */
export async function refreshGrant({ app, refreshToken }: { app: OAuthAppCredentials; refreshToken: string }): Promise<RefreshOutcome> {
  const { as, client, clientAuth, options } = oauthClientOf(app);
  try {
    const response = await oauth.refreshTokenGrantRequest(as, client, clientAuth, refreshToken, options);
    return { ok: true, tokens: await oauth.processRefreshTokenResponse(as, client, response) };
  } catch (error) {
    if (error instanceof oauth.ResponseBodyError) {
      return { ok: false, refused: true, reason: `it refused to renew the token (${error.error})` };
    }
    if (error instanceof oauth.WWWAuthenticateChallengeError) {
      return { ok: false, refused: true, reason: "it refused Benchtop's application while renewing the token" };
    }
    return { ok: false, refused: false, reason: `${app.host} could not be reached to renew the token` };
  }
}
