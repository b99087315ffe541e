// The answers of GitHub's organization access rules: its words for an
// organization's OAuth App access restrictions and for a GitHub App's token
// on what its installations do not cover, and an installation as
// GET /user/installations lists it (the example of GitHub's OpenAPI
// description, filled in; org-access.test.ts checks it against the schema).
import type { Account } from "./emulator-state";
import { type Bodies, OPENAPI_DESCRIPTION, readJson, retarget, type Site } from "./emulator-bodies";
import { type Installation, slugOf } from "./org-access-state";
import type { OAuthApp } from "./oauth-apps";

/** GitHub's 403 for an organization with OAuth App access restrictions that has not approved the token's app (its exact words). */
export const oauthRestrictionMessage = (org: string) =>
  `Although you appear to have the correct authorization credentials, the \`${org}\` organization has enabled OAuth App access restrictions, meaning that data access to third-parties is limited. For more information on these restrictions, including how to enable this app, visit https://docs.github.com/articles/restricting-access-to-your-organization-s-data/`;

/** GitHub's 403 for a GitHub App's token on a resource its installations do not cover. */
export const NOT_ACCESSIBLE_BY_INTEGRATION = "Resource not accessible by integration";

export function createOrgAccessBodies(site: Site, bodies: Bodies) {
  const template = readJson(OPENAPI_DESCRIPTION).components.examples["base-installation-for-auth-user-paginated"].value.installations[0];

  return {
    /** An installation of a GitHub App, as GET /user/installations lists it. */
    installation({ installation, app, appId, account }: { installation: Installation; app: OAuthApp; appId: number; account: Account }): any {
      const base = retarget(template, site, { owner: account.login, name: "" });
      const settings = account.type === "Organization" ? `${site.url}/organizations/${account.login}/settings/installations/${installation.id}` : `${site.url}/settings/installations/${installation.id}`;
      return {
        ...base,
        id: installation.id,
        account: bodies.simpleUser(account),
        access_tokens_url: `${site.apiRoot}/app/installations/${installation.id}/access_tokens`,
        repositories_url: `${site.apiRoot}/installation/repositories`,
        html_url: settings,
        app_id: appId,
        client_id: app.clientId,
        target_id: account.id,
        target_type: account.type,
        permissions: { contents: app.contents, metadata: "read" },
        events: [],
        repository_selection: installation.repositories === "all" ? "all" : "selected",
        app_slug: slugOf(app),
        single_file_name: null,
        has_multiple_single_files: false,
        single_file_paths: [],
        suspended_by: null,
        suspended_at: null,
      };
    },
  };
}

export type OrgAccessBodies = ReturnType<typeof createOrgAccessBodies>;
