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
import { isGitRequest, isPush, serveGit } from "../shared/git-http";
import { seedBareRepo } from "../shared/seed-repo";
import { handleApi } from "./api-routes";
import { invalidToken, rateLimited, sendJson, sendText, unauthorized } from "./http-answers";
import { access, type EmulatorGroup, type EmulatorNamespace, type EmulatorProject, type EmulatorToken, type EmulatorUser } from "./model";
import { findProject, isExpired, mayPush, mayReadCode, maySee, type Caller, type EmulatorState } from "./state";

export { access } from "./model";

export type RecordedRequest = { method: string; path: string; auth: "private-token" | "bearer" | "basic" | "query" | "none" };

export type GitLabEmulator = {
  /** http://127.0.0.1:port: the web and git origin. */
  url: string;
  /** url + "/api/v4". */
  apiRoot: string;
  /** Every request, in order (method, path, how it authenticated). */
  requests: RecordedRequest[];
  seedUser(options: { username: string; name?: string }): EmulatorUser;
  /** Creates the group and any missing parents ("analytics/ml"). */
  seedGroup(options: { path: string; name?: string }): EmulatorGroup;
  /** A project in a group (full path) or a user's namespace, backed by a bare repository (seedBareRepo's defaults: README.md, src/app.py, branch feature). */
  seedProject(options: { namespace: string; path: string; name?: string; visibility?: EmulatorProject["visibility"]; description?: string | null; files?: Record<string, string | Buffer>; branches?: string[] }): EmulatorProject;
  /** A membership on a group (inherited by its subgroups and projects) or on a project. */
  addMember(options: { username: string; group?: string; project?: string; accessLevel: number }): void;
  /** A personal access token; returns its value. */
  seedToken(options: { username: string; scopes?: string[]; expiresAt?: string | null; revoked?: boolean; rateLimited?: boolean; name?: string; value?: string }): string;
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

  /** Resolves a token to its caller, or answers the refusal and returns undefined. */
  function authenticate(res: ServerResponse, value: string | null, kind: "api" | "git"): Caller | undefined {
    if (value === null) return null;
    const token = state.tokens.get(value);
    const user = token && state.users.get(token.userId);
    const refuse = kind === "git" ? () => sendText(res, 401, GIT_DENIED, { "www-authenticate": 'Basic realm="GitLab"' }) : null;
    if (!token || !user) return void (refuse ? refuse() : unauthorized(res));
    if (token.revoked || isExpired(token)) return void (refuse ? refuse() : invalidToken(res, token.revoked ? "revoked" : "expired"));
    if (token.rateLimited) return void rateLimited(res);
    return { user, token };
  }

  function serveApi(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const { value, auth } = apiToken(req, url);
    requests.push({ method: req.method ?? "GET", path: url.pathname, auth });
    const caller = authenticate(res, value, "api");
    if (caller === undefined) return;
    if (req.method !== "GET" && req.method !== "HEAD") return sendJson(res, 405, { error: "405 Not Allowed" });
    let segments: string[];
    try {
      // Split before decoding: a project path or file path arrives as one %2F-encoded segment.
      segments = url.pathname.slice("/api/v4/".length).split("/").map(decodeURIComponent);
    } catch {
      return sendJson(res, 400, { error: "400 Bad request" });
    }
    handleApi({ res, url, segments, caller, state, site });
  }

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
    if (!mayReadCode(state, caller, project)) return sendText(res, 403, "You are not allowed to download code from this project.\n");
    serveGit({ req, res, root: reposDir, repoPath: `${project.fullPath}.git`, suffix: match[2]!, user: caller?.user.username ?? "" });
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", site.url || "http://127.0.0.1");
    try {
      if (url.pathname.startsWith("/api/v4/")) return serveApi(req, res, url);
      if (isGitRequest(url.pathname, url.searchParams, req.method ?? "GET")) return serveGitRequest(req, res, url);
      sendText(res, 404, "Not Found\n");
    } catch {
      if (!res.headersSent) sendJson(res, 500, { message: "500 Internal Server Error" });
      else res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  site.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  site.apiRoot = `${site.url}/api/v4`;

  const userByName = (username: string) => [...state.users.values()].find((u) => u.username.toLowerCase() === username.toLowerCase());
  const groupByPath = (fullPath: string) => [...state.groups.values()].find((g) => g.fullPath.toLowerCase() === fullPath.toLowerCase());
  const created = () => new Date().toISOString();

  const emulator: GitLabEmulator = {
    url: site.url,
    apiRoot: site.apiRoot,
    requests,
    seedUser({ username, name = username }) {
      const user = { id: nextId++, username, name, createdAt: created() };
      state.users.set(user.id, user);
      return user;
    },
    seedGroup({ path: fullPath, name }) {
      let parent: EmulatorGroup | null = null;
      const parts = fullPath.split("/");
      parts.forEach((part, i) => {
        const at = parts.slice(0, i + 1).join("/");
        const existing = groupByPath(at);
        const group: EmulatorGroup = existing ?? { id: nextId++, path: part, fullPath: at, name: i === parts.length - 1 && name ? name : part, parentId: parent?.id ?? null, members: new Map() };
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
      const project: EmulatorProject = { id: nextId++, path: projectPath, name, description, visibility, namespace: ns, fullPath, bare, members: new Map(), creatorId, createdAt: created() };
      state.projects.set(project.id, project);
      return project;
    },
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
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(reposDir, { recursive: true, force: true });
    },
  };
  return emulator;
}

/** The tokens and projects of seedGitLabContract. */
export type GitLabContractSeed = {
  fullName: string;
  privateFullName: string;
  projectId: number;
  tokens: { admin: string; readOnly: string; bad: string; rateLimited: string; outsider: string; narrow: string; readUserOnly: string; expired: string; revoked: string; developer: string };
};

/**
 * What the adapter contract needs (lib/hosts/test-support/contract.ts), GitLab's
 * way: `{group}/{project}` (private) where alice is Maintainer through the group,
 * rita Reporter on the project, dev Developer with a read-only-scoped token;
 * `{group}/secret-models`, private, which otto (outsider) cannot see; `narrow`
 * (read_api only: it reaches the API but not git), `readUserOnly` (read_user:
 * the API refuses it with insufficient_scope), expired, revoked and rate-limited tokens.
 */
export function seedGitLabContract(emulator: GitLabEmulator, { group = "analytics", project = "forecast" }: { group?: string; project?: string } = {}): GitLabContractSeed {
  for (const username of ["alice", "rita", "otto", "nora", "dev"]) emulator.seedUser({ username, name: username[0]!.toUpperCase() + username.slice(1) });
  emulator.seedGroup({ path: group, name: group[0]!.toUpperCase() + group.slice(1) });
  const seeded = emulator.seedProject({ namespace: group, path: project, description: "Seeded for the adapter contract" });
  const hidden = emulator.seedProject({ namespace: group, path: "secret-models" });
  emulator.addMember({ username: "alice", group, accessLevel: access.maintainer });
  emulator.addMember({ username: "rita", project: seeded.fullPath, accessLevel: access.reporter });
  emulator.addMember({ username: "nora", project: seeded.fullPath, accessLevel: access.developer });
  emulator.addMember({ username: "dev", project: seeded.fullPath, accessLevel: access.developer });
  emulator.addMember({ username: "rita", project: hidden.fullPath, accessLevel: access.reporter });
  const tokens = {
    admin: emulator.seedToken({ username: "alice", scopes: ["api"], expiresAt: "2099-12-31" }),
    readOnly: emulator.seedToken({ username: "rita", scopes: ["read_api", "read_repository"] }),
    bad: "glpat-not-a-token-0000",
    rateLimited: emulator.seedToken({ username: "alice", scopes: ["api"], rateLimited: true }),
    outsider: emulator.seedToken({ username: "otto", scopes: ["api"] }),
    narrow: emulator.seedToken({ username: "nora", scopes: ["read_api"] }),
    readUserOnly: emulator.seedToken({ username: "nora", scopes: ["read_user"] }),
    expired: emulator.seedToken({ username: "alice", scopes: ["api"], expiresAt: "2020-01-01" }),
    revoked: emulator.seedToken({ username: "alice", scopes: ["api"], revoked: true }),
    developer: emulator.seedToken({ username: "dev", scopes: ["read_api", "read_repository"] }),
  };
  return { fullName: seeded.fullPath, privateFullName: hidden.fullPath, projectId: seeded.id, tokens };
}
