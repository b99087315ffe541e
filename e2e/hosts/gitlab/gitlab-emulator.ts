// A GitLab (gitlab.com or self-managed) for tests: the slice of REST v4 that
// Benchtop calls, GitLab's token authentication and refusals, and git smart
// HTTP over real bare repositories. Answers are built with @gitbeaker/core's
// response types (answers.ts) and checked against them in gitlab-emulator.test.ts.
import crypto from "node:crypto";
import fs from "node:fs";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { CONTROL_PREFIX, handleEmulatorControl } from "../shared/emulator-control";
import { isGitRequest, isPush, serveGit } from "../shared/git-http";
import { inspectControlFrom } from "../shared/inspect-control";
import { startLfsStorage } from "../shared/lfs-storage";
import { createOutage, type Outage } from "../shared/outage";
import { ensureBranch, installProtectedBranchHook } from "../shared/protected-branch";
import { createEmptyBareRepo, listAllRefs, seedBareRepo } from "../shared/seed-repo";
import { handleApi } from "./api-routes";
import { createGitLabLfs } from "./lfs-routes";
import { invalidToken, rateLimited, sendJson, sendText, unauthorized } from "./http-answers";
import type { EmulatorGroup, EmulatorNamespace, EmulatorProject, EmulatorToken, EmulatorUser } from "./model";
import { createGitLabOAuth, type SeedOAuthApplicationOptions } from "./oauth-applications";
import { AUTHORIZE_PATH, handleAuthorize } from "./oauth-authorize";
import { handleOrgGet, handleOrgWrite, type ProjectStore } from "./org-routes";
import { handleRevoke, handleToken, REVOKE_PATH, TOKEN_PATH } from "./oauth-token";
import { findProject, isExpired, mayPush, mayReadCode, maySee, type Caller, type EmulatorState } from "./state";

export { access } from "./model";
export { seedGitLabContract, type GitLabContractSeed } from "./contract-seed";

export type RecordedRequest = { method: string; path: string; auth: "private-token" | "bearer" | "basic" | "query" | "none" };

export type GitLabEmulator = {
  /** http://127.0.0.1:port: the web and git origin. */
  url: string;
  /** url + "/api/v4". */
  apiRoot: string;
  /** Every request, in order (method, path, how it authenticated). */
  requests: RecordedRequest[];
  /** The REST API's 503 switch (also POST/DELETE {url}/_emulator/outage). */
  outage: Outage;
  /** The object storage where Git LFS downloads go (shared/lfs-storage.ts; its /_storage/ controls read back what it holds). */
  lfsStorageUrl: string;
  /** A user; `password` (default "password") is only for the emulator's OAuth sign-in form. */
  seedUser(options: { username: string; name?: string; password?: string }): EmulatorUser;
  /** Creates the group and any missing parents ("analytics/ml"); private, Maintainers and up create projects, unless told otherwise. */
  seedGroup(options: { path: string; name?: string; visibility?: EmulatorGroup["visibility"]; projectCreationLevel?: EmulatorGroup["projectCreationLevel"] }): EmulatorGroup;
  /** A project in a group (full path) or a user's namespace, backed by a bare repository (seedBareRepo's defaults: README.md, src/app.py, branch feature). */
  seedProject(options: { namespace: string; path: string; name?: string; visibility?: EmulatorProject["visibility"]; description?: string | null; files?: Record<string, string | Buffer>; branches?: string[] }): EmulatorProject;
  /** A membership on a group (inherited by its subgroups and projects) or on a project. */
  addMember(options: { username: string; group?: string; project?: string; accessLevel: number }): void;
  /** A personal access token; returns its value. */
  seedToken(options: { username: string; scopes?: string[]; expiresAt?: string | null; revoked?: boolean; rateLimited?: boolean; name?: string; value?: string }): string;
  /** An OAuth application (instance-wide, as an admin registers it); returns its credentials. Default scopes: api, read_user, read_repository, write_repository. */
  seedOAuthApplication(options: SeedOAuthApplicationOptions): { clientId: string; clientSecret: string };
  /** Protects a branch (created at the default branch when missing): every push to it is refused, in GitLab's words. */
  protectBranch(options: { project: string; branch: string }): void;
  /** Read-back for tests: a group's projects, a project's direct members, archived or deleted, refs. */
  inspect: {
    /** Full paths of the projects directly in a group, in the order created. */
    listGroupProjects(groupPath: string): string[];
    /** Direct project members: username -> access level. */
    members(projectPath: string): Record<string, number>;
    isArchived(projectPath: string): boolean;
    isDeleted(projectPath: string): boolean;
    /** Every ref and its object, read with `git for-each-ref`. */
    refs(projectPath: string): Record<string, string>;
  };
  stop(): Promise<void>;
};

const GIT_DENIED =
  "HTTP Basic: Access denied. If a password was provided for Git authentication, the password was incorrect or you're required to use a token instead of a password. If a token was provided, it was either incorrect, expired, or improperly scoped.\n";
const GIT_NOT_FOUND = "The project you were looking for could not be found or you don't have permission to view it.\n";

/** The token a REST request carries: PRIVATE-TOKEN, Authorization: Bearer, or ?private_token= / ?access_token=. */
function apiToken(req: IncomingMessage, url: URL): { value: string | null; auth: RecordedRequest["auth"] } {
  const header = req.headers["private-token"];
  if (typeof header === "string" && header) return { value: header, auth: "private-token" };
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "")?.[1];
  if (bearer) return { value: bearer.trim(), auth: "bearer" };
  const query = url.searchParams.get("private_token") ?? url.searchParams.get("access_token");
  return query ? { value: query, auth: "query" } : { value: null, auth: "none" };
}

/** The password of HTTP Basic: GitLab takes any user name with a token (`oauth2` by convention). */
function basicPassword(req: IncomingMessage): string | null {
  const encoded = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? "")?.[1];
  if (!encoded) return null;
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon > 0 && decoded.slice(colon + 1) ? decoded.slice(colon + 1) : null;
}

/** Starts the emulator on 127.0.0.1 (a free port unless one is given). */
export async function startGitLabEmulator({ port = 0 }: { port?: number } = {}): Promise<GitLabEmulator> {
  const reposDir = fs.mkdtempSync(path.join(os.tmpdir(), "gitlab-emulator-"));
  const state: EmulatorState = { users: new Map(), groups: new Map(), projects: new Map(), tokens: new Map() };
  const requests: RecordedRequest[] = [];
  let nextId = 1;
  const site = { url: "", apiRoot: "" };
  const oauth = createGitLabOAuth({ state, nextId: () => nextId++ });
  const outage = createOutage();
  const storage = await startLfsStorage();

  /** Resolves a token to its caller, or answers the refusal and returns undefined. */
  function authenticate(res: ServerResponse, value: string | null, kind: "api" | "git"): Caller | undefined {
    if (value === null) return null;
    const token = state.tokens.get(value);
    const user = token && state.users.get(token.userId);
    const refuse = kind === "git" ? () => sendText(res, 401, GIT_DENIED, { "www-authenticate": 'Basic realm="GitLab"' }) : null;
    if (!token || !user) return void (refuse ? refuse() : unauthorized(res));
    if (token.revoked || isExpired(token)) return void (refuse ? refuse() : invalidToken(res, token.revoked ? "revoked" : token.oauth ? "oauth-expired" : "expired"));
    if (token.rateLimited) return void rateLimited(res);
    return { user, token };
  }

  const deleted = new Set<string>();
  const store: ProjectStore = {
    create({ namespace, path: projectPath, name, visibility, description, initializeWithReadme, creatorId }) {
      const group = "fullPath" in namespace ? namespace : null;
      const fullPath = `${group ? group.fullPath : (namespace as EmulatorUser).username}/${projectPath}`;
      const repoPath = `${fullPath}.git`;
      const bare = initializeWithReadme ? seedBareRepo({ root: reposDir, repoPath, files: { "README.md": `# ${name}\n` }, branches: [] }) : createEmptyBareRepo({ root: reposDir, repoPath });
      const ns: EmulatorNamespace = group ? { kind: "group", group } : { kind: "user", user: namespace as EmulatorUser };
      const project: EmulatorProject = { id: nextId++, path: projectPath, name, description, visibility, namespace: ns, fullPath, bare, members: new Map(), creatorId, createdAt: created(), protectedBranches: [], archived: false };
      state.projects.set(project.id, project);
      deleted.delete(fullPath.toLowerCase());
      return project;
    },
    remove(project) {
      state.projects.delete(project.id);
      deleted.add(project.fullPath.toLowerCase());
      fs.rmSync(project.bare, { recursive: true, force: true });
    },
  };

  async function serveApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const { value, auth } = apiToken(req, url);
    requests.push({ method: req.method ?? "GET", path: url.pathname, auth });
    if (outage.take()) return sendJson(res, 503, { message: "503 Service Unavailable" });
    const caller = authenticate(res, value, "api");
    if (caller === undefined) return;
    let segments: string[];
    try {
      // Split before decoding: a project path or file path arrives as one %2F-encoded segment.
      segments = url.pathname.slice("/api/v4/".length).split("/").map(decodeURIComponent);
    } catch {
      return sendJson(res, 400, { error: "400 Bad request" });
    }
    const request = { res, url, segments, caller, state, site };
    if (req.method !== "GET" && req.method !== "HEAD") return handleOrgWrite({ ...request, req, store });
    if (!handleOrgGet(request)) handleApi(request);
  }

  const lfs = createGitLabLfs({ state, storage, siteUrl: () => site.url, authenticate: (res, password) => authenticate(res, password, "git") });

  function serveGitRequest(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const password = basicPassword(req);
    requests.push({ method: req.method ?? "GET", path: url.pathname, auth: password ? "basic" : "none" });
    const match = /^\/(.+?)\.git\/(info\/refs|git-upload-pack|git-receive-pack)$/.exec(decodeURIComponent(url.pathname));
    if (!match) return sendText(res, 404, GIT_NOT_FOUND);
    const caller = authenticate(res, password, "git");
    if (caller === undefined) return;
    const push = isPush(url.pathname, url.searchParams);
    // A token must carry a git scope to be accepted by git at all.
    const gitScopes = push ? ["api", "write_repository"] : ["api", "read_repository", "write_repository"];
    if (caller && !caller.token.scopes.some((s) => gitScopes.includes(s))) return sendText(res, 401, GIT_DENIED, { "www-authenticate": 'Basic realm="GitLab"' });
    const project = findProject(state, match[1]!);
    const visible = project && maySee(state, caller, project);
    // Anonymous callers are asked to sign in rather than told what exists.
    if (!visible) return caller ? sendText(res, 404, GIT_NOT_FOUND) : sendText(res, 401, GIT_DENIED, { "www-authenticate": 'Basic realm="GitLab"' });
    if (push && !caller) return sendText(res, 401, GIT_DENIED, { "www-authenticate": 'Basic realm="GitLab"' });
    if (push && !mayPush(state, caller, project)) return sendText(res, 403, "You are not allowed to push code to this project.\n");
    if (push && project.archived) return sendText(res, 403, "You are not allowed to push code to an archived project.\n");
    if (!mayReadCode(state, caller, project)) return sendText(res, 403, "You are not allowed to download code from this project.\n");
    serveGit({ req, res, root: reposDir, repoPath: `${project.fullPath}.git`, suffix: match[2]!, user: caller?.user.username ?? "" });
  }

  /** OAuth (web side), the test-only controls, the REST API, then git. */
  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (url.pathname === AUTHORIZE_PATH) return handleAuthorize({ req, res, url, oauth, state });
    if (url.pathname === TOKEN_PATH) return handleToken({ req, res, url, oauth });
    if (url.pathname === REVOKE_PATH) return handleRevoke({ req, res, url, oauth });
    if (url.pathname.startsWith(CONTROL_PREFIX)) {
      const controls = { expireAccessTokens: oauth.expireAccessTokens, revokeRefreshTokens: oauth.revokeRefreshTokens, readOAuthLog: oauth.log.read, outage, inspect: inspectControl };
      return url.pathname === `${CONTROL_PREFIX}lfs` ? lfs.control(req, res) : handleEmulatorControl(req, res, url, controls);
    }
    if (url.pathname.startsWith("/api/v4/")) return serveApi(req, res, url);
    if (await lfs.handle(req, res, url, basicPassword(req))) return;
    if (isGitRequest(url.pathname, url.searchParams, req.method ?? "GET")) return serveGitRequest(req, res, url);
    sendText(res, 404, "Not Found\n");
  }

  const server = http.createServer((req, res) => {
    route(req, res, new URL(req.url ?? "/", site.url || "http://127.0.0.1")).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { message: "500 Internal Server Error" });
      else res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  site.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  site.apiRoot = `${site.url}/api/v4`;

  const userByName = (username: string) => [...state.users.values()].find((u) => u.username.toLowerCase() === username.toLowerCase());
  const groupByPath = (fullPath: string) => [...state.groups.values()].find((g) => g.fullPath.toLowerCase() === fullPath.toLowerCase());
  const created = () => new Date().toISOString();
  const mustFind = (projectPath: string) => {
    const project = findProject(state, projectPath);
    if (!project) throw new Error(`no project ${projectPath}${deleted.has(projectPath.toLowerCase()) ? " (deleted)" : ""}`);
    return project;
  };

  const inspect: GitLabEmulator["inspect"] = {
    listGroupProjects: (groupPath) => [...state.projects.values()].filter((p) => p.namespace.kind === "group" && p.namespace.group.fullPath.toLowerCase() === groupPath.toLowerCase()).map((p) => p.fullPath),
    members(projectPath) {
      const project = mustFind(projectPath);
      return Object.fromEntries([...project.members].map(([id, level]) => [state.users.get(id)!.username, level]));
    },
    isArchived: (projectPath) => mustFind(projectPath).archived,
    isDeleted: (projectPath) => deleted.has(projectPath.toLowerCase()) && !findProject(state, projectPath),
    refs: (projectPath) => listAllRefs({ bare: mustFind(projectPath).bare }),
  };

  const inspectControl = inspectControlFrom({ list: inspect.listGroupProjects, permissions: inspect.members, archived: inspect.isArchived, isDeleted: inspect.isDeleted, refs: inspect.refs });

  const emulator: GitLabEmulator = {
    url: site.url,
    apiRoot: site.apiRoot,
    requests,
    outage,
    lfsStorageUrl: storage.url,
    seedUser({ username, name = username, password = "password" }) {
      const user = { id: nextId++, username, name, createdAt: created(), password };
      state.users.set(user.id, user);
      return user;
    },
    seedGroup({ path: fullPath, name, visibility = "private", projectCreationLevel = "maintainer" }) {
      let parent: EmulatorGroup | null = null;
      const parts = fullPath.split("/");
      parts.forEach((part, i) => {
        const at = parts.slice(0, i + 1).join("/");
        const existing = groupByPath(at);
        const group: EmulatorGroup = existing ?? { id: nextId++, path: part, fullPath: at, name: i === parts.length - 1 && name ? name : part, parentId: parent?.id ?? null, members: new Map(), visibility, projectCreationLevel };
        state.groups.set(group.id, group);
        parent = group;
      });
      return parent!;
    },
    seedProject({ namespace, path: projectPath, name = projectPath, visibility = "private", description = null, files, branches }) {
      const group = groupByPath(namespace);
      const user = group ? undefined : userByName(namespace);
      if (!group && !user) throw new Error(`seed the group or user ${namespace} first`);
      const ns: EmulatorNamespace = group ? { kind: "group", group } : { kind: "user", user: user! };
      const fullPath = `${group ? group.fullPath : user!.username}/${projectPath}`;
      const bare = seedBareRepo({ root: reposDir, repoPath: `${fullPath}.git`, files, branches });
      const creatorId = user?.id ?? [...state.users.values()][0]?.id ?? 1;
      const project: EmulatorProject = { id: nextId++, path: projectPath, name, description, visibility, namespace: ns, fullPath, bare, members: new Map(), creatorId, createdAt: created(), protectedBranches: [], archived: false };
      state.projects.set(project.id, project);
      return project;
    },
    inspect,
    addMember({ username, group, project, accessLevel }) {
      const user = userByName(username);
      if (!user) throw new Error(`seed the user ${username} first`);
      const target = group ? groupByPath(group) : project ? findProject(state, project) : undefined;
      if (!target) throw new Error(`seed the group or project ${group ?? project} first`);
      target.members.set(user.id, accessLevel);
    },
    seedToken({ username, scopes = ["api"], expiresAt = null, revoked = false, rateLimited: limited = false, name = "benchtop", value }) {
      const user = userByName(username);
      if (!user) throw new Error(`seed the user ${username} first`);
      const token: EmulatorToken = { id: nextId++, value: value ?? `glpat-${crypto.randomBytes(10).toString("hex")}`, name, userId: user.id, scopes, expiresAt, revoked, rateLimited: limited, createdAt: created() };
      state.tokens.set(token.value, token);
      return token.value;
    },
    seedOAuthApplication: oauth.addApplication,
    protectBranch({ project: idOrPath, branch }) {
      const project = findProject(state, idOrPath);
      if (!project) throw new Error(`seed the project ${idOrPath} first`);
      ensureBranch({ bare: project.bare, branch });
      if (!project.protectedBranches.includes(branch)) project.protectedBranches.push(branch);
      installProtectedBranchHook({ bare: project.bare, branches: project.protectedBranches, refusal: () => ["GitLab: You are not allowed to push code to protected branches on this project."] });
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await storage.stop();
      fs.rmSync(reposDir, { recursive: true, force: true });
    },
  };
  return emulator;
}
