// The organization side of the GitHub emulator: an organization and its
// memberships, repositories created in it, their collaborators, deletion and
// archiving, with GitHub's rules for who may do each (GHES 3.19 documents
// PUT .../collaborators/{username} as 204 only: the collaborator is added at
// once, no invitation to accept, so a test can push as them straight away).
import type { IncomingMessage, ServerResponse } from "node:http";
import { readJsonObject } from "../shared/oauth-http";
import type { Bodies } from "./emulator-bodies";
import { type Auth, sendApi } from "./emulator-http";
import type { Account, EmulatorState, Permission, SeededRepo } from "./emulator-state";
import type { OrgBodies } from "./org-bodies";

const DOCS = "https://docs.github.com/enterprise-server@3.19/rest";
const PERMISSIONS: Permission[] = ["pull", "triage", "push", "maintain", "admin"];
const rank = (p: Permission | null) => (p ? PERMISSIONS.indexOf(p) : -1);

type Context = { req: IncomingMessage; res: ServerResponse; auth: Auth; state: EmulatorState; bodies: Bodies; orgBodies: OrgBodies };

/** GitHub turns characters a repository name may not hold into "-". */
const normalizeName = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, "-");

function error(ctx: Context, status: number, message: string, docs = DOCS): void {
  sendApi(ctx.res, status, ctx.bodies.error(status, message, docs), ctx.auth);
}

/** The JSON body, or undefined after answering 400 "Problems parsing JSON". */
async function body(ctx: Context): Promise<Record<string, unknown> | undefined> {
  const parsed = await readJsonObject(ctx.req);
  if (!parsed) return void error(ctx, 400, "Problems parsing JSON");
  return parsed;
}

function getOrg(ctx: Context, org: Account): void {
  const login = ctx.auth.kind === "token" ? ctx.auth.token.login : null;
  const owned = ctx.state.listRepos().filter((repo) => repo.owner === org.login);
  const repos = { private: owned.filter((repo) => repo.private).length, public: owned.filter((repo) => !repo.private).length };
  sendApi(ctx.res, 200, ctx.orgBodies.organization(org, { owner: login !== null && ctx.state.orgRole(org, login) === "admin", repos }), ctx.auth);
}

/** Only the organization's members may read memberships (anyone may read their own). */
function getMembership(ctx: Context, org: Account, username: string): void {
  const docs = `${DOCS}/orgs/members#get-organization-membership-for-a-user`;
  if (ctx.auth.kind !== "token") return error(ctx, 401, "Requires authentication", docs);
  const caller = ctx.auth.token.login;
  const user = ctx.state.findAccount(username);
  const role = user ? ctx.state.orgRole(org, user.login) : null;
  const mayLook = ctx.state.orgRole(org, caller) !== null || caller.toLowerCase() === username.toLowerCase();
  if (!user || !role || !mayLook) return error(ctx, 404, "Not Found", docs);
  sendApi(ctx.res, 200, ctx.orgBodies.membership(org, user, role), ctx.auth);
}

/** POST /orgs/{org}/repos: owners always, members when the organization lets them; a classic token needs "repo" (or "public_repo" for a public one). */
async function createOrgRepo(ctx: Context, org: Account): Promise<void> {
  const docs = `${DOCS}/repos/repos#create-an-organization-repository`;
  if (ctx.auth.kind !== "token") return error(ctx, 401, "Requires authentication", docs);
  const { token } = ctx.auth;
  const params = await body(ctx);
  if (!params) return;
  const role = ctx.state.orgRole(org, token.login);
  const isPrivate = params.private === true || params.visibility === "private" || params.visibility === "internal";
  const scoped = token.scopes === null || token.scopes.includes("repo") || (!isPrivate && token.scopes.includes("public_repo"));
  if (!role || !scoped) return error(ctx, 404, "Not Found", docs);
  if (token.scopes === null) return error(ctx, 403, "Resource not accessible by personal access token", docs);
  if (role !== "admin" && !org.membersCanCreateRepos) return error(ctx, 403, "You need admin access to the organization before adding a repository to it.", docs);
  if (typeof params.name !== "string" || !params.name.trim()) {
    return sendApi(ctx.res, 422, ctx.orgBodies.validationFailed("Repository creation failed.", { resource: "Repository", code: "missing_field", field: "name" }, docs), ctx.auth);
  }
  const name = normalizeName(params.name.trim());
  if (ctx.state.findRepo(`${org.login}/${name}`)) {
    return sendApi(ctx.res, 422, ctx.orgBodies.validationFailed("Repository creation failed.", { resource: "Repository", code: "custom", field: "name", message: "name already exists on this account" }, docs), ctx.auth);
  }
  const description = typeof params.description === "string" ? params.description : null;
  const repo = ctx.state.createRepo({ owner: org, name, private: isPrivate, description, autoInit: params.auto_init === true });
  // A member who creates a repository administers it; owners do already.
  if (role !== "admin") repo.collaborators[token.login] = "admin";
  sendApi(ctx.res, 201, ctx.bodies.repository(repo, org, "admin"), ctx.auth, { location: `${ctx.bodies.repository(repo, org, null).url}` });
}

/** The caller's role on a repository they can already see, or null (the API answers 403 for lacking rights). */
const callerRole = (ctx: Context, repo: SeededRepo): Permission | null => (ctx.auth.kind === "token" ? ctx.state.roleOf(repo, ctx.auth.token.login) : null);

async function putCollaborator(ctx: Context, repo: SeededRepo, username: string): Promise<void> {
  const docs = `${DOCS}/collaborators/collaborators#add-a-repository-collaborator`;
  const params = await body(ctx);
  if (!params) return;
  if (callerRole(ctx, repo) !== "admin") return error(ctx, 403, "Must have admin rights to Repository.", docs);
  const user = ctx.state.findAccount(username);
  if (!user || user.type !== "User") return error(ctx, 404, "Not Found", docs);
  const permission = params.permission ?? "push";
  if (!PERMISSIONS.includes(permission as Permission)) {
    return sendApi(ctx.res, 422, ctx.orgBodies.validationFailed("Validation Failed", { resource: "Repository", code: "invalid", field: "permission" }, docs), ctx.auth);
  }
  repo.collaborators[user.login] = permission as Permission;
  sendApi(ctx.res, 204, null, ctx.auth);
}

function deleteCollaborator(ctx: Context, repo: SeededRepo, username: string): void {
  if (callerRole(ctx, repo) !== "admin") return error(ctx, 403, "Must have admin rights to Repository.", `${DOCS}/collaborators/collaborators#remove-a-repository-collaborator`);
  for (const name of Object.keys(repo.collaborators)) if (name.toLowerCase() === username.toLowerCase()) delete repo.collaborators[name];
  sendApi(ctx.res, 204, null, ctx.auth);
}

/** GET .../collaborators: ?affiliation=all (owners of the organization too), direct, or outside (not organization members). */
function listCollaborators(ctx: Context, repo: SeededRepo, search: URLSearchParams): void {
  const docs = `${DOCS}/collaborators/collaborators#list-repository-collaborators`;
  if (rank(callerRole(ctx, repo)) < rank("push")) return error(ctx, 403, "Must have push access to view repository collaborators.", docs);
  const affiliation = search.get("affiliation") ?? "all";
  const owner = ctx.state.findAccount(repo.owner)!;
  const orgAdmins = owner.type === "Organization" ? owner.admins : [owner.login];
  const direct = Object.keys(repo.collaborators).filter((name) => !orgAdmins.some((admin) => admin.toLowerCase() === name.toLowerCase()));
  const names = affiliation === "direct" ? direct : affiliation === "outside" ? direct.filter((name) => owner.type === "Organization" && !ctx.state.orgRole(owner, name)) : [...orgAdmins, ...direct];
  const items = names.flatMap((name) => {
    const user = ctx.state.findAccount(name);
    const role = ctx.state.roleOf(repo, name);
    return user && role ? [ctx.orgBodies.collaborator(user, role)] : [];
  });
  sendApi(ctx.res, 200, items, ctx.auth);
}

function getPermission(ctx: Context, repo: SeededRepo, username: string): void {
  const user = ctx.state.findAccount(username);
  if (!user || user.type !== "User") return error(ctx, 404, "Not Found", `${DOCS}/collaborators/collaborators#get-repository-permissions-for-a-user`);
  sendApi(ctx.res, 200, ctx.orgBodies.collaboratorPermission(user, ctx.state.roleOf(repo, user.login)), ctx.auth);
}

/** DELETE /repos/{owner}/{repo}: admins only, and a classic token needs "delete_repo". */
function deleteRepo(ctx: Context, repo: SeededRepo): void {
  const scopes = ctx.auth.kind === "token" ? ctx.auth.token.scopes : null;
  if (callerRole(ctx, repo) !== "admin" || (scopes && !scopes.includes("delete_repo"))) return error(ctx, 403, "Must have admin rights to Repository.", `${DOCS}/repos/repos#delete-a-repository`);
  ctx.state.deleteRepo(repo);
  sendApi(ctx.res, 204, null, ctx.auth);
}

/** PATCH /repos/{owner}/{repo}: admins change archived, private and description; an archived repository takes nothing but unarchiving. */
async function updateRepo(ctx: Context, repo: SeededRepo): Promise<void> {
  const docs = `${DOCS}/repos/repos#update-a-repository`;
  const params = await body(ctx);
  if (!params) return;
  if (callerRole(ctx, repo) !== "admin") return error(ctx, 403, "Must have admin rights to Repository.", docs);
  if (repo.archived && params.archived !== false) return error(ctx, 403, "Repository was archived so is read-only.", docs);
  if (typeof params.archived === "boolean") repo.archived = params.archived;
  if (typeof params.private === "boolean") repo.private = params.private;
  if (typeof params.description === "string" || params.description === null) repo.description = params.description;
  sendApi(ctx.res, 200, ctx.bodies.repository(repo, ctx.state.findAccount(repo.owner)!, "admin"), ctx.auth);
}

/** Routes the organization endpoints; false when `route` is none of them. */
export async function handleOrgApi(ctx: Context & { route: string; search: URLSearchParams }): Promise<boolean> {
  const method = ctx.req.method ?? "GET";
  const orgMatch = /^\/orgs\/([^/]+)(\/.*)?$/.exec(ctx.route);
  if (orgMatch) {
    const org = ctx.state.findAccount(decodeURIComponent(orgMatch[1]!));
    const rest = orgMatch[2] ?? "";
    const membership = /^\/memberships\/([^/]+)$/.exec(rest);
    const known = (rest === "" && method === "GET") || (membership && method === "GET") || (rest === "/repos" && method === "POST");
    if (!known) return false;
    if (org?.type !== "Organization") return error(ctx, 404, "Not Found"), true;
    if (rest === "") getOrg(ctx, org);
    else if (membership) getMembership(ctx, org, decodeURIComponent(membership[1]!));
    else await createOrgRepo(ctx, org);
    return true;
  }
  const repoMatch = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(ctx.route);
  if (!repoMatch) return false;
  const rest = repoMatch[3] ?? "";
  const collaborator = /^\/collaborators\/([^/]+)(\/permission)?$/.exec(rest);
  const handled =
    (rest === "" && (method === "DELETE" || method === "PATCH")) ||
    (rest === "/collaborators" && method === "GET") ||
    (collaborator && !collaborator[2] && (method === "PUT" || method === "DELETE")) ||
    (collaborator?.[2] && method === "GET");
  if (!handled) return false;
  const repo = ctx.state.findRepo(`${repoMatch[1]}/${repoMatch[2]}`);
  if (!repo || !ctx.state.accessTo(repo, ctx.auth.kind === "token" ? ctx.auth.token : null)) return error(ctx, 404, "Not Found"), true;
  if (ctx.auth.kind !== "token") return error(ctx, 401, "Requires authentication"), true;
  const username = collaborator ? decodeURIComponent(collaborator[1]!) : "";
  if (rest === "") await (method === "DELETE" ? deleteRepo(ctx, repo) : updateRepo(ctx, repo));
  else if (rest === "/collaborators") listCollaborators(ctx, repo, ctx.search);
  else if (collaborator?.[2]) getPermission(ctx, repo, username);
  else await (method === "PUT" ? putCollaborator(ctx, repo, username) : Promise.resolve(deleteCollaborator(ctx, repo, username)));
  return true;
}
