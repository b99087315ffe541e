// GitLab's account lookups for connections: who the token is (GET /user, and
// for access tokens GET /personal_access_tokens/self for scopes and expiry)
// and the projects it reaches (GET /projects?membership=true).
import { Projects } from "@gitbeaker/rest";
import { getAccountJson } from "../account-json";
import { HostError } from "../errors";
import { productNames } from "../labels";
import { createSafeFetch } from "../safe-fetch";
import type { HostAccounts } from "../types";
import { createGitLabRequesterFn } from "./requester";
import { simpleProjectListSchema } from "./schemas";
import { toHostError } from "./to-host-error";
import { expiryToIso } from "./token-scopes";

/** Enough for an autocomplete; a user with more types a few letters to narrow the search. */
const LIMIT = 300;
const PER_PAGE = 100;

export const gitlabAccounts: HostAccounts = {
  async getViewer({ origin, apiRoot, token, fetch = createSafeFetch() }) {
    const host = new URL(origin).host;
    const root = apiRoot.replace(/\/+$/, "");
    const init = { headers: { authorization: `Bearer ${token}`, accept: "application/json" }, redirect: "manual" as const };
    const { body: user } = await getAccountJson({ url: `${root}/user`, init, fetch, name: productNames.gitlab, host });
    if (typeof user.username !== "string") throw new HostError("upstream", `${host} answered in a shape Benchtop does not understand. Check the host and the provider.`);
    // Personal, group and project access tokens describe themselves; OAuth tokens do not.
    let scopes: string[] | null = null;
    let expiresAt: string | null = null;
    try {
      const { body: self } = await getAccountJson({ url: `${root}/personal_access_tokens/self`, init, fetch, name: productNames.gitlab, host });
      if (Array.isArray(self.scopes)) scopes = self.scopes.map(String);
      expiresAt = expiryToIso(typeof self.expires_at === "string" ? self.expires_at : null);
    } catch {
      // not a personal access token, or an older GitLab: nothing more to report
    }
    return { login: user.username, scopes, expiresAt };
  },

  async listViewerRepositories({ apiRoot, token, tokenType = "personal", search, fetch = createSafeFetch() }) {
    const projects = new Projects({
      host: apiRoot.replace(/\/api\/v4\/?$/, ""),
      requesterFn: createGitLabRequesterFn({ apiRoot, fetch }),
      queryTimeout: 30_000,
      ...(tokenType === "oauth" ? { oauthToken: token } : { token }),
    });
    try {
      const answer = await projects.all({ membership: true, simple: true, orderBy: "last_activity_at", sort: "desc", search: search?.trim() || undefined, perPage: PER_PAGE, maxPages: LIMIT / PER_PAGE });
      return simpleProjectListSchema
        .parse(answer)
        .map((p) => ({ fullName: p.path_with_namespace, webUrl: p.web_url, defaultBranch: p.default_branch ?? null, private: null }));
    } catch (error) {
      throw toHostError(error, { fullName: "your projects", host: new URL(apiRoot).host });
    }
  },
};
