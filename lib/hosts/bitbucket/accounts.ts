// Bitbucket's account lookups for connections: who the token is (Cloud: GET
// /user; Server and Data Center: the application-links servlet). Listing an
// account's repositories is not offered for Bitbucket.
import { accountNetworkError, accountStatusError, cancelBody, getAccountJson } from "../account-json";
import { HostError } from "../errors";
import { productNames } from "../labels";
import { createSafeFetch } from "../safe-fetch";
import type { HostAccounts } from "../types";

export const bitbucketAccounts: HostAccounts = {
  async getViewer({ provider, origin, apiRoot, token, fetch = createSafeFetch() }) {
    const host = new URL(origin).host;
    const init = { headers: { authorization: `Bearer ${token}`, accept: "application/json" }, redirect: "manual" as const };
    if (provider === "bitbucket") {
      const { body, headers } = await getAccountJson({ url: `${apiRoot.replace(/\/+$/, "")}/user`, init, fetch, name: productNames.bitbucket, host });
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
