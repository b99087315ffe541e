// Bitbucket's account lookups for connections: who the token is (Cloud: GET
// /user, as Basic {email}:{token} for a person's API token or Bearer for an
// access token, see cloud-auth.ts; Server and Data Center: the
// application-links servlet). Listing an account's repositories is not offered
// for Bitbucket.
import { accountNetworkError, accountStatusError, cancelBody, getAccountJson } from "../account-json";
import { HostError } from "../errors";
import { productNames } from "../labels";
import { createSafeFetch } from "../safe-fetch";
import type { HostAccounts } from "../types";
import { cloudApiAuthorization } from "./cloud-auth";

/** Cloud's refusal in words that fit what was given: an API token with its email, or a token alone. */
function cloudRefusal(error: unknown, host: string, withEmail: boolean): unknown {
  if (!(error instanceof HostError) || error.code !== "bad_credentials") return error;
  const message = withEmail
    ? `Bitbucket at ${host} did not accept this email with this API token. Give your Atlassian account's email and an API token of that account with Bitbucket scopes, not expired or revoked.`
    : `Bitbucket at ${host} refused the token. An API token of your Atlassian account signs in with the account's email: give the email too. A repository or workspace access token needs none; check that it is not expired or revoked.`;
  return new HostError("bad_credentials", message, { cause: error });
}

export const bitbucketAccounts: HostAccounts = {
  async getViewer({ provider, origin, apiRoot, token, email, fetch = createSafeFetch() }) {
    const host = new URL(origin).host;
    if (provider === "bitbucket") {
      const authorization = cloudApiAuthorization({ token, tokenType: email ? "api-token" : "personal", email });
      const init = { headers: { authorization, accept: "application/json" }, redirect: "manual" as const };
      const { body, headers } = await getAccountJson({ url: `${apiRoot.replace(/\/+$/, "")}/user`, init, fetch, name: productNames.bitbucket, host }).catch((error: unknown) => {
        throw cloudRefusal(error, host, Boolean(email));
      });
      const login = typeof body.username === "string" ? body.username : typeof body.nickname === "string" ? body.nickname : null;
      if (!login) throw new HostError("upstream", `${host} answered in a shape Benchtop does not understand. Check the host and the provider.`);
      const scopeHeader = headers.get("x-oauth-scopes");
      // Bitbucket Cloud grants repository permissions by the account's UUID (or Atlassian account id), never by nickname.
      const accountId = typeof body.uuid === "string" ? body.uuid : typeof body.account_id === "string" ? body.account_id : undefined;
      return { login, scopes: scopeHeader ? scopeHeader.split(",").map((s) => s.trim()).filter(Boolean) : null, expiresAt: null, ...(accountId ? { accountId } : {}) };
    }
    // Bitbucket Server and Data Center name the caller through the application-links servlet.
    let response: Response;
    try {
      response = await fetch(`${origin.replace(/\/+$/, "")}/plugins/servlet/applinks/whoami`, { headers: { authorization: `Bearer ${token}` }, redirect: "manual" });
    } catch (error) {
      throw accountNetworkError(error, host);
    }
    const login = response.ok ? (await response.text()).trim() : "";
    if (!response.ok) {
      await cancelBody(response);
      throw accountStatusError(productNames.bitbucket, host, response);
    }
    if (!login) throw new HostError("bad_credentials", `Bitbucket at ${host} did not accept the token (it answered as an anonymous caller). Create a new HTTP access token and give it here.`);
    return { login, scopes: null, expiresAt: null };
  },

  async listViewerRepositories() {
    throw new HostError("not_supported", "Listing your repositories works for GitHub and GitLab connections. Give the repository's address instead.");
  },
};
