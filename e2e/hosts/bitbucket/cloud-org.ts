// The workspace side of the Bitbucket Cloud emulator: accounts, workspace
// memberships (owner, collaborator, member), repositories created in a
// workspace, their update (PUT, which creates a missing one, as Cloud does),
// per-user repository permissions (permissions-config) and deletion.
// Bitbucket Cloud has no archiving.
import type http from "node:http";
import type { components } from "@coderabbitai/bitbucket/cloud/openapi";
import { readJsonObject } from "../shared/oauth-http";
import { cloudError, cloudPage, cloudRepository, type CloudRepoRecord } from "./cloud-payloads";
import { sendJson } from "./emulator-support";

type Schemas = components["schemas"];
export type CloudPermission = "admin" | "write" | "read";
export type WorkspaceRole = "owner" | "collaborator" | "member";
/** `email` is the Atlassian account's address, which signs an API token in (HTTP Basic) and which /user does not show. */
export type CloudAccount = { uuid: string; accountId: string; nickname: string; displayName: string; email: string; createdOn: string };
export type OrgRepo = CloudRepoRecord & { bare: string };

const rank: Record<CloudPermission, number> = { read: 1, write: 2, admin: 3 };
export const higherCloud = (a: CloudPermission | null, b: CloudPermission | null): CloudPermission | null => (!a ? b : !b ? a : rank[a] >= rank[b] ? a : b);

/** What the emulator hands this module: its repositories and how to make and remove their bare repositories. */
export type CloudOrgHost = {
  links(): { apiRoot: string; webRoot: string; gitRoot: string };
  workspaces: Set<string>;
  repos: Map<string, OrgRepo>;
  createRepo(options: { workspace: string; slug: string; isPrivate: boolean; description: string }): OrgRepo;
  /** Stores a repository's changed fields. */
  updateRepo(repo: OrgRepo, changes: Partial<Pick<OrgRepo, "description" | "isPrivate">>): OrgRepo;
  deleteRepo(repo: OrgRepo): void;
};

type Request = { req: http.IncomingMessage; res: http.ServerResponse; url: URL; rest: string; caller: string | undefined; headers: Record<string, string>; paginate: <T>(all: T[]) => ReturnType<typeof cloudPage<T>> };

export function createCloudOrg(host: CloudOrgHost) {
  const accounts = new Map<string, CloudAccount>();
  const memberships = new Map<string, Map<string, WorkspaceRole>>();
  const grants = new Map<string, Map<string, CloudPermission>>();
  let serial = 1;
  const byName = (nickname: string | undefined) => (nickname ? accounts.get(nickname.toLowerCase()) : undefined);
  /** A user named as Bitbucket takes it in a path: the UUID in braces, or the Atlassian account id. */
  const byId = (id: string) => [...accounts.values()].find((a) => a.uuid === id || a.accountId === id);
  const table = <V>(map: Map<string, Map<string, V>>, key: string) => map.get(key) ?? map.set(key, new Map()).get(key)!;
  const roleOf = (workspace: string, account: CloudAccount | undefined) => (account ? (memberships.get(workspace.toLowerCase())?.get(account.uuid) ?? null) : null);

  /** A user's own permission on a repository: workspace owners administer every repository; otherwise what was granted. */
  function userPermission(nickname: string | undefined, repo: CloudRepoRecord): CloudPermission | null {
    const account = byName(nickname);
    if (!account) return null;
    if (roleOf(repo.workspace, account) === "owner") return "admin";
    return grants.get(`${repo.workspace}/${repo.slug}`.toLowerCase())?.get(account.uuid) ?? null;
  }

  function account(a: CloudAccount): Schemas["user"] {
    const { apiRoot, webRoot } = host.links();
    return {
      type: "user",
      uuid: a.uuid,
      account_id: a.accountId,
      nickname: a.nickname,
      display_name: a.displayName,
      created_on: a.createdOn,
      links: { self: { href: `${apiRoot}/users/${encodeURIComponent(a.uuid)}` }, html: { href: `${webRoot}/${a.uuid}/` }, avatar: { href: `${webRoot}/account/${a.nickname}/avatar/` } },
    };
  }

  /** A workspace_membership; `permission` is in every real answer though the description leaves it to the open record. */
  function membership(workspace: string, a: CloudAccount, permission: WorkspaceRole): Schemas["workspace_membership"] {
    const { apiRoot, webRoot } = host.links();
    return {
      type: "workspace_membership",
      permission,
      user: { ...account(a), type: "account" },
      workspace: { type: "workspace", slug: workspace, name: workspace, uuid: `{${workspace}}`, links: { html: { href: `${webRoot}/${workspace}/` }, self: { href: `${apiRoot}/workspaces/${workspace}` } } },
      links: { self: { href: `${apiRoot}/workspaces/${workspace}/members/${encodeURIComponent(a.uuid)}` } },
    };
  }

  /** ?q=user.uuid="{...}" or workspace.slug="..." (the two filters Benchtop sends). */
  const filterOf = (url: URL, field: string) => new RegExp(`${field.replace(".", "\\.")}\\s*=\\s*"([^"]+)"`).exec(url.searchParams.get("q") ?? "")?.[1];

  function workspacePermissions({ res, url, caller, headers, paginate }: Request, workspace: string) {
    if (!host.workspaces.has(workspace)) return sendJson(res, 404, cloudError(`No workspace with identifier '${workspace}'.`), headers);
    // Only the workspace's members may list who belongs to it.
    const me = byName(caller);
    if (!roleOf(workspace, me) || roleOf(workspace, me) === "collaborator") return sendJson(res, 403, cloudError("You do not have access to this workspace."), headers);
    const uuid = filterOf(url, "user.uuid");
    const values = [...(memberships.get(workspace.toLowerCase()) ?? [])].flatMap(([id, role]) => (!uuid || uuid === id ? [membership(workspace, byId(id)!, role)] : []));
    const page: Schemas["paginated_workspace_memberships"] = paginate(values);
    sendJson(res, 200, page, headers);
  }

  /** POST creates (200); PUT on a missing repository creates it too (201). */
  async function createRepo({ req, res, caller, headers }: Request, workspace: string, slug: string, status = 200) {
    if (!host.workspaces.has(workspace)) return sendJson(res, 404, cloudError(`No workspace with identifier '${workspace}'.`), headers);
    const role = roleOf(workspace, byName(caller));
    if (role !== "owner" && role !== "member") return sendJson(res, 403, cloudError("You do not have permission to create a repository in this workspace."), headers);
    const body = await readJsonObject(req);
    if (!body) return sendJson(res, 400, cloudError("Bad request"), headers);
    if (body.scm !== undefined && body.scm !== "git") return sendJson(res, 400, cloudError("scm: Only git repositories are supported."), headers);
    if (host.repos.has(`${workspace}/${slug}`.toLowerCase())) return sendJson(res, 400, cloudError("Repository with this Slug and Owner already exists."), headers);
    const repo = host.createRepo({ workspace, slug, isPrivate: body.is_private !== false, description: typeof body.description === "string" ? body.description : "" });
    // A member who creates a repository administers it.
    if (role === "member") table(grants, `${workspace}/${slug}`.toLowerCase()).set(byName(caller)!.uuid, "admin");
    const answer: Schemas["repository"] = cloudRepository({ ...host.links(), repo });
    sendJson(res, status, answer, headers);
  }

  /** PUT on an existing repository: its description and privacy change (200); repository admins only. */
  async function updateRepo({ req, res, caller, headers }: Request, repo: OrgRepo) {
    if (userPermission(caller, repo) !== "admin") return sendJson(res, 403, cloudError("You do not have admin access to this repository."), headers);
    const body = await readJsonObject(req);
    if (!body) return sendJson(res, 400, cloudError("Bad request"), headers);
    const changes = { ...(typeof body.description === "string" ? { description: body.description } : {}), ...(typeof body.is_private === "boolean" ? { isPrivate: body.is_private } : {}) };
    const answer: Schemas["repository"] = cloudRepository({ ...host.links(), repo: host.updateRepo(repo, changes) });
    sendJson(res, 200, answer, headers);
  }

  function userGrant(a: CloudAccount, repo: OrgRepo, permission: CloudPermission): Schemas["repository_user_permission"] {
    const { apiRoot } = host.links();
    return {
      type: "repository_user_permission",
      permission,
      user: account(a),
      repository: { type: "repository", full_name: `${repo.workspace}/${repo.slug}`, name: repo.name, uuid: repo.uuid },
      links: { self: { href: `${apiRoot}/repositories/${repo.workspace}/${repo.slug}/permissions-config/users/${encodeURIComponent(a.uuid)}` } },
    };
  }

  /** GET lists, PUT {permission} sets (200), DELETE removes (204); repository admins only. */
  async function permissionsConfig({ req, res, headers, paginate, caller }: Request, repo: OrgRepo, selected: string | undefined) {
    if (userPermission(caller, repo) !== "admin") return sendJson(res, 403, cloudError("You do not have admin access to this repository."), headers);
    const table_ = table(grants, `${repo.workspace}/${repo.slug}`.toLowerCase());
    if (!selected) {
      const page: Schemas["paginated_repository_user_permissions"] = paginate([...table_].map(([id, p]) => userGrant(byId(id)!, repo, p)));
      return sendJson(res, 200, page, headers);
    }
    const target = byId(selected);
    if (!target) return sendJson(res, 404, cloudError(`User ${selected} not found.`), headers);
    if (req.method === "DELETE") {
      table_.delete(target.uuid);
      return void res.writeHead(204, headers).end();
    }
    if (req.method === "GET") return table_.has(target.uuid) ? sendJson(res, 200, userGrant(target, repo, table_.get(target.uuid)!), headers) : sendJson(res, 404, cloudError("No permission found for this user."), headers);
    const body = await readJsonObject(req);
    const permission = body?.permission;
    if (permission !== "read" && permission !== "write" && permission !== "admin") return sendJson(res, 400, cloudError("permission: Must be one of read, write or admin."), headers);
    table_.set(target.uuid, permission);
    sendJson(res, 200, userGrant(target, repo, permission), headers);
  }

  /** Routes the endpoints above (`rest` is the path after /2.0); false for anything else. */
  async function handle(request: Request): Promise<boolean> {
    const { req, res, url, rest, caller, headers, paginate } = request;
    const method = req.method ?? "GET";
    const me = byName(caller);
    if (rest === "/user" && method === "GET") return (me ? sendJson(res, 200, account(me), headers) : sendJson(res, 401, cloudError("Authentication required."), headers)), true;
    if (rest === "/user/permissions/workspaces" && method === "GET") {
      if (!me) return sendJson(res, 401, cloudError("Authentication required."), headers), true;
      const slug = filterOf(url, "workspace.slug");
      const values = [...memberships].flatMap(([ws, members]) => (members.has(me.uuid) && (!slug || slug.toLowerCase() === ws) ? [membership([...host.workspaces].find((w) => w.toLowerCase() === ws) ?? ws, me, members.get(me.uuid)!)] : []));
      const page: Schemas["paginated_workspace_memberships"] = paginate(values);
      return sendJson(res, 200, page, headers), true;
    }
    const workspaceMatch = /^\/workspaces\/([^/]+)\/permissions$/.exec(rest);
    if (workspaceMatch && method === "GET") return workspacePermissions(request, decodeURIComponent(workspaceMatch[1]!)), true;
    const repoMatch = /^\/repositories\/([^/]+)\/([^/]+)(?:\/permissions-config\/users(?:\/([^/]+))?)?$/.exec(rest);
    if (!repoMatch) return false;
    const [workspace, slug] = [decodeURIComponent(repoMatch[1]!), decodeURIComponent(repoMatch[2]!)];
    const isConfig = rest.includes("/permissions-config/users");
    if (!isConfig && method === "POST") return await createRepo(request, workspace, slug), true;
    const repo = host.repos.get(`${workspace}/${slug}`.toLowerCase());
    // A repository the caller cannot see answers 404, as GET does.
    if (!isConfig && method === "PUT" && repo && !userPermission(caller, repo)) return false;
    if (!isConfig && method === "PUT") return await (repo ? updateRepo(request, repo) : createRepo(request, workspace, slug, 201)), true;
    if (!isConfig && method !== "DELETE") return false;
    if (!repo || !userPermission(caller, repo)) return false;
    if (isConfig) return await permissionsConfig(request, repo, repoMatch[3] ? decodeURIComponent(repoMatch[3]) : undefined), true;
    if (userPermission(caller, repo) !== "admin") return sendJson(res, 403, cloudError("You do not have admin access to this repository."), headers), true;
    host.deleteRepo(repo);
    grants.delete(`${workspace}/${slug}`.toLowerCase());
    return res.writeHead(204, headers).end(), true;
  }

  return {
    handle,
    userPermission,
    /** An account; tokens seeded with `user` set to its nickname act as it. */
    seedUser({ nickname, displayName = nickname }: { nickname: string; displayName?: string }): CloudAccount {
      const id = String(serial++).padStart(12, "0");
      const created: CloudAccount = { uuid: `{00000000-0000-4000-8000-${id}}`, accountId: `712020:${id}`, nickname, displayName, email: `${nickname}@example.test`, createdOn: new Date().toISOString() };
      accounts.set(nickname.toLowerCase(), created);
      return created;
    },
    /** A workspace role: owner (administers every repository), member or collaborator. */
    setWorkspaceRole({ workspace, user, role }: { workspace: string; user: string; role: WorkspaceRole }): void {
      host.workspaces.add(workspace);
      table(memberships, workspace.toLowerCase()).set(byName(user)!.uuid, role);
    },
    /** The users granted a repository permission directly: nickname -> permission. */
    repoGrants: (repo: CloudRepoRecord) => Object.fromEntries([...(grants.get(`${repo.workspace}/${repo.slug}`.toLowerCase()) ?? [])].map(([id, p]) => [byId(id)!.nickname, p])),
    findAccount: byName,
  };
}
