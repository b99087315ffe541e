// The project side of the Bitbucket Server / Data Center emulator: users,
// project permissions (who administers a project), repositories created in a
// project, per-user repository permissions, archiving and deletion, with the
// permission each operation's description demands and Bitbucket's RestErrors.
import type http from "node:http";
import type { components, operations } from "@coderabbitai/bitbucket/server/openapi";
import { readJsonObject } from "../shared/oauth-http";
import { sendJson } from "./emulator-support";
import { serverErrors, serverPage, serverProject, type ServerProjectRecord, type ServerRepoRecord, serverRepository, serverUser, type ServerUserRecord } from "./server-payloads";

type Schemas = components["schemas"];
export type ProjectPermission = "PROJECT_READ" | "PROJECT_WRITE" | "PROJECT_ADMIN";
export type RepoPermission = "REPO_READ" | "REPO_WRITE" | "REPO_ADMIN";
type PermittedUser = Schemas["RestPermittedUser"];
type UsersPage = operations["getUsersWithAnyPermission_2"]["responses"][200]["content"]["application/json"];

const REPO_RANK: Record<RepoPermission, number> = { REPO_READ: 1, REPO_WRITE: 2, REPO_ADMIN: 3 };
/** A project permission implies the same level on each of its repositories. */
const IMPLIED: Record<ProjectPermission, RepoPermission> = { PROJECT_READ: "REPO_READ", PROJECT_WRITE: "REPO_WRITE", PROJECT_ADMIN: "REPO_ADMIN" };
const PROJECT_RANK: Record<ProjectPermission, number> = { PROJECT_READ: 1, PROJECT_WRITE: 2, PROJECT_ADMIN: 3 };

export const higher = (a: RepoPermission | null, b: RepoPermission | null): RepoPermission | null => (!a ? b : !b ? a : REPO_RANK[a] >= REPO_RANK[b] ? a : b);

export type OrgRepo = ServerRepoRecord & { bare: string };

/** What the emulator hands this module: its repositories and how to make and remove their bare repositories. */
export type ServerOrgHost = {
  origin(): string;
  projects: Map<string, ServerProjectRecord>;
  repos: Map<string, OrgRepo>;
  createRepo(project: ServerProjectRecord, slug: string, name: string): OrgRepo;
  deleteRepo(repo: OrgRepo): void;
  sendErrors(res: http.ServerResponse, status: number, body: Schemas["RestErrors"], headers?: Record<string, string>): void;
};

export function createServerOrg(host: ServerOrgHost) {
  const users = new Map<string, ServerUserRecord>();
  const projectPermissions = new Map<string, Map<string, ProjectPermission>>();
  const repoPermissions = new Map<string, Map<string, RepoPermission>>();
  let nextUserId = 1000;
  const repoKey = (repo: ServerRepoRecord) => `${repo.project.key}/${repo.slug}`.toUpperCase();
  const table = <V>(map: Map<string, Map<string, V>>, key: string) => map.get(key) ?? map.set(key, new Map()).get(key)!;

  function projectPermissionOf(user: string | undefined, key: string): ProjectPermission | null {
    return user ? (projectPermissions.get(key.toUpperCase())?.get(user.toLowerCase()) ?? null) : null;
  }

  /** A user's own permission on a repository: granted directly or implied by the project's. */
  function userPermission(user: string | undefined, repo: ServerRepoRecord): RepoPermission | null {
    if (!user) return null;
    const direct = repoPermissions.get(repoKey(repo))?.get(user.toLowerCase()) ?? null;
    const project = projectPermissionOf(user, repo.project.key);
    return higher(direct, project ? IMPLIED[project] : null);
  }

  const permitted = (user: ServerUserRecord, permission: PermittedUser["permission"]): PermittedUser => ({ user: serverUser({ origin: host.origin(), user }), permission });

  /** A page of permitted users, filtered by name as ?filter= does. */
  function usersPage(url: URL, entries: [string, PermittedUser["permission"]][]): UsersPage {
    const filter = url.searchParams.get("filter")?.toLowerCase() ?? "";
    const all = entries.flatMap(([slug, permission]) => {
      const user = users.get(slug);
      return user && (!filter || user.slug.includes(filter) || user.displayName.toLowerCase().includes(filter)) ? [permitted(user, permission)] : [];
    });
    const start = Math.max(0, Number(url.searchParams.get("start") ?? 0) || 0);
    const limit = Math.min(1000, Math.max(1, Number(url.searchParams.get("limit") ?? 25) || 25));
    return serverPage({ values: all.slice(start, start + limit), start, limit, total: all.length });
  }

  const notPermitted = (res: http.ServerResponse, headers: Record<string, string>) =>
    host.sendErrors(res, 401, serverErrors("You are not permitted to access this resource", "com.atlassian.bitbucket.AuthorisationException"), headers);
  const noUser = (res: http.ServerResponse, slug: string, headers: Record<string, string>) => host.sendErrors(res, 404, serverErrors(`User ${slug} does not exist.`, "com.atlassian.bitbucket.user.NoSuchUserException"), headers);

  async function createRepo(req: http.IncomingMessage, res: http.ServerResponse, project: ServerProjectRecord, caller: string | undefined, headers: Record<string, string>) {
    if (projectPermissionOf(caller, project.key) !== "PROJECT_ADMIN") return notPermitted(res, headers);
    const body = await readJsonObject(req);
    const name = typeof body?.name === "string" ? body.name.trim() : "";
    if (!name) return host.sendErrors(res, 400, { errors: [{ context: "name", message: "Name must not be blank." }] }, headers);
    if (body?.scmId !== undefined && body.scmId !== "git") return host.sendErrors(res, 400, { errors: [{ context: "scmId", message: `"${String(body.scmId)}" is not a supported SCM.` }] }, headers);
    const slug = name.toLowerCase().replace(/[^a-z0-9._-]+/g, "-");
    if (host.repos.has(`${project.key}/${slug}`.toUpperCase())) return host.sendErrors(res, 409, { errors: [{ context: "name", message: "This repository URL is already taken." }] }, headers);
    const repo = host.createRepo(project, slug, name);
    sendJson(res, 201, serverRepository({ origin: host.origin(), repo }) satisfies Schemas["RestRepository"], headers);
  }

  /** .../permissions/users on a repository: GET lists, PUT ?name=&permission= grants, DELETE ?name= revokes; repository admins only. */
  function repoUsers(req: http.IncomingMessage, res: http.ServerResponse, url: URL, repo: OrgRepo, caller: string | undefined, headers: Record<string, string>) {
    if (userPermission(caller, repo) !== "REPO_ADMIN") return notPermitted(res, headers);
    const grants = table(repoPermissions, repoKey(repo));
    if (req.method === "GET") return sendJson(res, 200, usersPage(url, [...grants]), headers);
    const names = url.searchParams.getAll("name").map((n) => n.toLowerCase());
    if (!names.length) return host.sendErrors(res, 400, { errors: [{ context: "name", message: "At least one user name is required." }] }, headers);
    const unknown = names.find((n) => !users.has(n));
    if (unknown) return noUser(res, unknown, headers);
    if (req.method === "DELETE") names.forEach((n) => grants.delete(n));
    else {
      const permission = url.searchParams.get("permission") as RepoPermission | null;
      if (!permission || !(permission in REPO_RANK)) return host.sendErrors(res, 400, serverErrors(`The permission "${permission ?? ""}" is not a repository permission.`, "com.atlassian.bitbucket.permission.IllegalPermissionException"), headers);
      names.forEach((n) => grants.set(n, permission));
    }
    res.writeHead(204, headers).end();
  }

  async function updateRepo(req: http.IncomingMessage, res: http.ServerResponse, repo: OrgRepo, caller: string | undefined, headers: Record<string, string>) {
    if (userPermission(caller, repo) !== "REPO_ADMIN") return notPermitted(res, headers);
    const body = await readJsonObject(req);
    if (!body) return host.sendErrors(res, 400, serverErrors("The request body is not valid JSON.", "com.atlassian.bitbucket.rest.exception.UnmarshalException"), headers);
    if (typeof body.archived === "boolean") repo.archived = body.archived;
    sendJson(res, 201, serverRepository({ origin: host.origin(), repo }) satisfies Schemas["RestRepository"], headers);
  }

  /**
   * Routes the endpoints above (`rest` is the path after /rest/api/1.0); false
   * for anything else, which the emulator's read-only routes answer.
   */
  async function handle({ req, res, url, rest, caller, headers }: { req: http.IncomingMessage; res: http.ServerResponse; url: URL; rest: string; caller: string | undefined; headers: Record<string, string> }): Promise<boolean> {
    const method = req.method ?? "GET";
    const userMatch = /^\/users\/([^/]+)$/.exec(rest);
    if (userMatch && method === "GET") {
      const user = users.get(decodeURIComponent(userMatch[1]!).toLowerCase());
      if (!caller) return notPermitted(res, headers), true;
      return (user ? sendJson(res, 200, serverUser({ origin: host.origin(), user }) satisfies Schemas["RestApplicationUser"], headers) : noUser(res, userMatch[1]!, headers)), true;
    }
    if (rest === "/projects" && method === "GET") {
      const wanted = url.searchParams.get("permission") as ProjectPermission | null;
      if (wanted && !(wanted in PROJECT_RANK)) return host.sendErrors(res, 400, serverErrors(`The permission "${wanted}" is not a project permission.`, "com.atlassian.bitbucket.permission.IllegalPermissionException"), headers), true;
      const visible = [...host.projects.values()].filter((p) => {
        const own = projectPermissionOf(caller, p.key);
        return own && PROJECT_RANK[own] >= PROJECT_RANK[wanted ?? "PROJECT_READ"];
      });
      return sendJson(res, 200, serverPage({ values: visible.map((project) => serverProject({ origin: host.origin(), project })), start: 0, limit: 25, total: visible.length }), headers), true;
    }
    const projectMatch = /^\/projects\/([^/]+)(\/permissions\/users|\/repos)?$/.exec(rest);
    const repoMatch = projectMatch ? null : /^\/projects\/([^/]+)\/repos\/([^/]+)(\/permissions\/users)?$/.exec(rest);
    const handled = projectMatch ? (projectMatch[2] === "/repos" ? method === "POST" : method === "GET") : repoMatch ? (repoMatch[3] ? ["GET", "PUT", "DELETE"].includes(method) : method === "PUT" || method === "DELETE") : false;
    if (!handled) return false;
    const key = decodeURIComponent((projectMatch ?? repoMatch)![1]!).toUpperCase();
    const project = host.projects.get(key);
    if (!project) return host.sendErrors(res, 404, serverErrors(`Project ${key} does not exist.`, "com.atlassian.bitbucket.project.NoSuchProjectException"), headers), true;
    if (projectMatch) {
      const own = projectPermissionOf(caller, key);
      if (projectMatch[2] === "/repos") return await createRepo(req, res, project, caller, headers), true;
      if (projectMatch[2]) return (own === "PROJECT_ADMIN" ? sendJson(res, 200, usersPage(url, [...table(projectPermissions, key)]), headers) : notPermitted(res, headers)), true;
      return (own ? sendJson(res, 200, serverProject({ origin: host.origin(), project }), headers) : notPermitted(res, headers)), true;
    }
    const repo = host.repos.get(`${key}/${decodeURIComponent(repoMatch![2]!)}`.toUpperCase());
    // Deleting what does not exist is 204, as documented; anything else is 404.
    if (!repo) return (method === "DELETE" && !repoMatch![3] ? void res.writeHead(204, headers).end() : host.sendErrors(res, 404, serverErrors(`Repository ${key}/${repoMatch![2]} does not exist.`, "com.atlassian.bitbucket.repository.NoSuchRepositoryException"), headers)), true;
    if (repoMatch![3]) return repoUsers(req, res, url, repo, caller, headers), true;
    if (method === "PUT") return await updateRepo(req, res, repo, caller, headers), true;
    if (userPermission(caller, repo) !== "REPO_ADMIN") return notPermitted(res, headers), true;
    host.deleteRepo(repo);
    repoPermissions.delete(repoKey(repo));
    // Scheduled for deletion: 202 with no body (the description documents none).
    return res.writeHead(202, { ...headers, "content-length": "0" }).end(), true;
  }

  return {
    handle,
    userPermission,
    /** A user (slug = name, lower case) for permissions and HTTP access tokens. */
    seedUser({ name, displayName = name }: { name: string; displayName?: string }): ServerUserRecord {
      const user = { slug: name.toLowerCase(), name, displayName, id: nextUserId++ };
      users.set(user.slug, user);
      return user;
    },
    /** Grants a user a project permission (PROJECT_ADMIN administers it and creates repositories). */
    grantProject({ key, user, permission }: { key: string; user: string; permission: ProjectPermission }): void {
      table(projectPermissions, key.toUpperCase()).set(user.toLowerCase(), permission);
    },
    /** The users granted a repository permission directly: name -> permission. */
    repoGrants: (repo: ServerRepoRecord) => Object.fromEntries(repoPermissions.get(repoKey(repo)) ?? []),
  };
}
