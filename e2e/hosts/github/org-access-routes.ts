// The REST API, git and test controls of GitHub's organization access rules
// (org-access-state.ts), ahead of the emulator's other routes:
//
//   /repos/{owner}/{repo}[/...], /repositories/{id}[/...]   a private repository the token's app
//        is kept from answers 403 in GitHub's words (the other routes would say 404) to someone
//        whose role would otherwise reach it
//   GET /orgs/{org}/repos        the organization's repositories the token sees (minimal-repository);
//        403 for an OAuth App the organization has not approved, or a GitHub App not installed there
//   GET /user/orgs               organization-simple for each organization of the user; an OAuth or
//        classic token needs read:org or user (403), a fine-grained token gets [] (as documented), a
//        GitHub App's token only those where the app is installed (its tokens are limited to the app's access)
//   GET /users/{username}/orgs   the organizations where the user's membership is public, for any caller
//   GET /user/installations      the token's GitHub App's installations the user can reach; 403 for
//        any other token
//   git: 403 with the same words for a private repository the token's app is kept from
//
// Test-only controls (no provider has them):
//   POST /_emulator/restrict-oauth-apps  {"org"}                          the organization restricts OAuth Apps
//   POST /_emulator/approve-oauth-app    {"org","clientId"}               an owner grants the app access
//   POST /_emulator/install-github-app   {"clientId","account","repositories"?: [full names]}  an owner installs it
//   GET  /_emulator/access-requests      {"oauthApps":[{org,clientId}],"installations":[{account,clientId}]}  waiting for an owner
import type { IncomingMessage, ServerResponse } from "node:http";
import { CONTROL_PREFIX } from "../shared/emulator-control";
import { readJsonObject, sendJsonBody } from "../shared/oauth-http";
import type { Bodies, Site } from "./emulator-bodies";
import { type Auth, readAuth, sendApi } from "./emulator-http";
import type { EmulatorState, SeededRepo, SeededToken } from "./emulator-state";
import { paginate } from "./link-pagination";
import { createOrgAccessBodies, NOT_ACCESSIBLE_BY_INTEGRATION, oauthRestrictionMessage } from "./org-access-bodies";
import { handleOrgAccessPage } from "./org-access-pages";
import type { OrgAccess, Refusal } from "./org-access-state";
import { createOrgBodies } from "./org-bodies";
import type { GitHubOAuth } from "./oauth-apps";

const DOCS = "https://docs.github.com/enterprise-server@3.19/rest";

const wordsOf = (refusal: Refusal) => (refusal.kind === "oauth-app" ? oauthRestrictionMessage(refusal.organization) : NOT_ACCESSIBLE_BY_INTEGRATION);

export function createOrgAccessRoutes({ state, oauth, access, bodies, site }: { state: EmulatorState; oauth: GitHubOAuth; access: OrgAccess; bodies: Bodies; site: Site }) {
  const orgBodies = createOrgBodies(site, bodies);
  const accessBodies = createOrgAccessBodies(site, bodies);
  const refuse = (res: ServerResponse, auth: Auth, refusal: Refusal, docs: string) => sendApi(res, 403, bodies.error(403, wordsOf(refusal), docs), auth);

  /** Why the token's app is kept from a repository the user could otherwise reach, or null. */
  const refusalOf = (repo: SeededRepo, token: SeededToken) => (state.roleOf(repo, token.login) ? access.refusalFor(repo, token) : null);

  /** The app's refusal for an organization as a whole (GET /orgs/{org}/repos), or null. */
  function orgRefusal(org: string, token: SeededToken): Refusal | null {
    const app = token.issuedTo ? oauth.findApp(token.issuedTo) : undefined;
    if (!app) return null;
    if (app.kind === "oauth-app") {
      const restriction = access.restrictions(app.clientId).find((r) => r.org.toLowerCase() === org.toLowerCase());
      return restriction && !restriction.approved ? { kind: "oauth-app", organization: org } : null;
    }
    return access.hasInstallations(app.clientId) && !access.isInstalledOn(app.clientId, org) ? { kind: "github-app", organization: org } : null;
  }

  function listOrgRepos(res: ServerResponse, auth: Auth, org: string, search: URLSearchParams): void {
    const docs = `${DOCS}/repos/repos#list-organization-repositories`;
    const account = state.findAccount(org);
    if (account?.type !== "Organization") return sendApi(res, 404, bodies.error(404, "Not Found", docs), auth);
    const token = auth.kind === "token" ? auth.token : null;
    const refusal = token ? orgRefusal(account.login, token) : null;
    if (refusal) return refuse(res, auth, refusal, docs);
    const visible = state.listRepos().filter((repo) => repo.owner === account.login && state.accessTo(repo, token));
    const page = paginate({ all: visible, search, base: `${site.apiRoot}/orgs/${account.login}/repos` });
    sendApi(res, 200, page.items.map((repo) => bodies.repository(repo, account, state.accessTo(repo, token)!.permission)), auth, page.link ? { link: page.link } : {});
  }

  function listUserOrgs(res: ServerResponse, auth: Auth): void {
    const docs = `${DOCS}/orgs/orgs#list-organizations-for-the-authenticated-user`;
    if (auth.kind !== "token") return sendApi(res, 401, bodies.error(401, "Requires authentication", docs), auth);
    const { token } = auth;
    const app = token.issuedTo ? oauth.findApp(token.issuedTo) : undefined;
    if (token.scopes && !token.scopes.some((scope) => ["read:org", "write:org", "admin:org", "user"].includes(scope))) {
      return sendApi(res, 403, bodies.error(403, "You need at least read:org scope or user scope to list your organizations.", docs), auth);
    }
    // Fine-grained personal access tokens get an empty list, as documented.
    if (token.scopes === null && app?.kind !== "github-app") return sendApi(res, 200, [], auth);
    const orgs = state
      .listAccounts()
      .filter((account) => account.type === "Organization" && state.orgRole(account, token.login) !== null)
      .filter((org) => app?.kind !== "github-app" || !access.hasInstallations(app.clientId) || access.isInstalledOn(app.clientId, org.login));
    sendApi(res, 200, orgs.map((org) => orgBodies.organizationSimple(org)), auth);
  }

  function listPublicOrgs(res: ServerResponse, auth: Auth, username: string): void {
    const user = state.findAccount(username);
    if (user?.type !== "User") return sendApi(res, 404, bodies.error(404, "Not Found", `${DOCS}/orgs/orgs#list-organizations-for-a-user`), auth);
    const orgs = state.listAccounts().filter((account) => account.type === "Organization" && access.isPublicMember(account.login, user.login));
    sendApi(res, 200, orgs.map((org) => orgBodies.organizationSimple(org)), auth);
  }

  function listInstallations(res: ServerResponse, auth: Auth): void {
    const docs = `${DOCS}/apps/installations#list-app-installations-accessible-to-the-user-access-token`;
    if (auth.kind !== "token") return sendApi(res, 401, bodies.error(401, "Requires authentication", docs), auth);
    const app = auth.token.issuedTo ? oauth.findApp(auth.token.issuedTo) : undefined;
    if (app?.kind !== "github-app") return sendApi(res, 403, bodies.error(403, "You must authenticate with an access token authorized to a GitHub App in order to list installations", docs), auth);
    const installations = access.installationsFor(app.clientId, auth.token.login).map((installation) =>
      accessBodies.installation({ installation, app, appId: access.appIdOf(app.clientId), account: state.findAccount(installation.account)! }),
    );
    sendApi(res, 200, { total_count: installations.length, installations }, auth);
  }

  /** The REST routes above; false for any other route. */
  function api({ req, res, route, search, auth }: { req: IncomingMessage; res: ServerResponse; route: string; search: URLSearchParams; auth: Auth }): boolean {
    const method = req.method ?? "GET";
    if (method === "GET" && route === "/user/orgs") return listUserOrgs(res, auth), true;
    if (method === "GET" && route === "/user/installations") return listInstallations(res, auth), true;
    const userOrgs = /^\/users\/([^/]+)\/orgs$/.exec(route);
    if (method === "GET" && userOrgs) return listPublicOrgs(res, auth, decodeURIComponent(userOrgs[1]!)), true;
    const orgRepos = /^\/orgs\/([^/]+)\/repos$/.exec(route);
    if (method === "GET" && orgRepos) return listOrgRepos(res, auth, decodeURIComponent(orgRepos[1]!), search), true;
    if (auth.kind !== "token") return false;
    const byId = /^\/repositories\/(\d+)(?:\/.*)?$/.exec(route);
    const byName = /^\/repos\/([^/]+)\/([^/]+)(?:\/.*)?$/.exec(route);
    const repo = byId ? state.findRepoById(Number(byId[1])) : byName ? state.findRepo(`${byName[1]}/${byName[2]}`) : undefined;
    const refusal = repo ? refusalOf(repo, auth.token) : null;
    if (!refusal) return false;
    refuse(res, auth, refusal, `${DOCS}/repos/repos#get-a-repository`);
    return true;
  }

  /** Git smart HTTP on a repository the token's app is kept from: 403 with GitHub's words. */
  function git(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
    const match = /^\/([^/]+)\/([^/]+?)(?:\.git)?\/(?:info\/refs|git-upload-pack|git-receive-pack)$/.exec(pathname);
    const repo = match ? state.findRepo(`${match[1]}/${match[2]}`) : undefined;
    const auth = repo ? readAuth(state, req.headers.authorization) : null;
    const refusal = repo && auth?.kind === "token" ? refusalOf(repo, auth.token) : null;
    if (!refusal) return false;
    res.writeHead(403, { "content-type": "text/plain" }).end(`${wordsOf(refusal)}\n`);
    return true;
  }

  /** The test-only controls above; false for any other control. */
  async function control(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const action = url.pathname.slice(CONTROL_PREFIX.length);
    if (action === "access-requests" && req.method === "GET") return sendJsonBody(res, 200, access.pendingRequests()), true;
    if (req.method !== "POST" || !["restrict-oauth-apps", "approve-oauth-app", "install-github-app"].includes(action)) return false;
    const body = (await readJsonObject(req)) ?? {};
    const text = (name: string) => (typeof body[name] === "string" ? (body[name] as string) : "");
    try {
      if (action === "restrict-oauth-apps") access.seed.restrictOAuthApps({ org: text("org") });
      else if (action === "approve-oauth-app") access.seed.approveOAuthApp({ org: text("org"), clientId: text("clientId") });
      else {
        const repositories = Array.isArray(body.repositories) ? body.repositories.map(String) : "all";
        return sendJsonBody(res, 200, { id: access.seed.installGitHubApp({ clientId: text("clientId"), account: text("account"), repositories }) }), true;
      }
    } catch (error) {
      return sendJsonBody(res, 400, { error: (error as Error).message }), true;
    }
    sendJsonBody(res, 200, { ok: true });
    return true;
  }

  return { api, git, control, page: (req: IncomingMessage, res: ServerResponse, url: URL) => handleOrgAccessPage({ req, res, url, state, oauth, access }) };
}

export type OrgAccessRoutes = ReturnType<typeof createOrgAccessRoutes>;
