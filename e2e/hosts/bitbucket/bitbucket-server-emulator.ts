// A Bitbucket Server / Data Center emulator: the slice of REST 1.0 Benchtop
// calls, under /rest/api/1.0 (and its alias /rest/api/latest), and git smart
// HTTP at /scm/{key}/{slug}.git taking HTTP access tokens as bearer tokens or
// as the password of any user, as Bitbucket Data Center does.
import fs from "node:fs";
import type http from "node:http";
import os from "node:os";
import path from "node:path";
import type { components } from "@coderabbitai/bitbucket/server/openapi";
import { CONTROL_PREFIX, handleEmulatorControl } from "../shared/emulator-control";
import { isGitRequest, isPush, serveGit } from "../shared/git-http";
import { inspectControlFrom } from "../shared/inspect-control";
import { createOutage, type Outage } from "../shared/outage";
import { createEmptyBareRepo, listAllRefs, listBranchRefs, listTree, readBlob, seedBareRepo } from "../shared/seed-repo";
import { credentialsOf, listen, objectTypeAt, resolveCommit, sendBytes, sendJson } from "./emulator-support";
import { createServerOrg, higher, type ProjectPermission } from "./server-org";
import {
  type ServerBrowseChild,
  serverBranch,
  serverErrors,
  serverMinimalRef,
  serverPage,
  serverPath,
  type ServerProjectRecord,
  type ServerRepoRecord,
  serverRepository,
} from "./server-payloads";

type Schemas = components["schemas"];
export type ServerPermission = "REPO_READ" | "REPO_WRITE" | "REPO_ADMIN";

/** A token the emulator knows; `access` grants per project ("DS") or repository ("DS/models"). Public repositories are readable by anyone. */
export type ServerTokenSeed = { token: string; user?: string; access?: Record<string, ServerPermission>; rateLimited?: boolean };

export type BitbucketServerEmulator = {
  /** The emulator's origin: repository pages are {url}/projects/{key}/repos/{slug}. */
  url: string;
  /** REST root: {url}/rest/api/1.0. */
  apiRoot: string;
  seedProject(options: { key: string; name?: string }): void;
  seedRepository(options: { projectKey: string; slug: string; isPublic?: boolean; files?: Record<string, string | Buffer>; branches?: string[] }): { bare: string };
  seedToken(seed: ServerTokenSeed): void;
  /** A user; a token seeded with `user` set to its name acts with the user's permissions (and any `access` of its own). */
  seedUser(options: { name: string; displayName?: string }): void;
  /** A project permission for a user (PROJECT_ADMIN: administers the project and creates repositories in it). */
  grantProjectPermission(options: { key: string; user: string; permission: ProjectPermission }): void;
  /** Read-back for tests: a project's repositories, per-user repository permissions, archived or deleted, refs. */
  inspect: {
    listProjectRepos(key: string): string[];
    repoPermissions(keyAndSlug: string): Record<string, string>;
    isArchived(keyAndSlug: string): boolean;
    isDeleted(keyAndSlug: string): boolean;
    refs(keyAndSlug: string): Record<string, string>;
  };
  /** The REST API's 503 switch (also POST/DELETE {url}/_emulator/outage). */
  outage: Outage;
  stop(): Promise<void>;
};

type RepoState = ServerRepoRecord & { bare: string };
const rank: Record<ServerPermission, number> = { REPO_READ: 1, REPO_WRITE: 2, REPO_ADMIN: 3 };

/** Sends RestErrors with the `context: null` Bitbucket puts in every error. */
function sendErrors(res: http.ServerResponse, status: number, body: Schemas["RestErrors"], headers: Record<string, string> = {}) {
  sendJson(res, status, { errors: (body.errors ?? []).map((e) => ({ context: null, ...e })) }, headers);
}

const notPermitted = serverErrors("You are not permitted to access this resource", "com.atlassian.bitbucket.AuthorisationException");

/** Starts the emulator on 127.0.0.1 (a free port unless `port` is given). */
export async function startBitbucketServerEmulator({ port }: { port?: number } = {}): Promise<BitbucketServerEmulator> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "bitbucket-server-"));
  const projects = new Map<string, ServerProjectRecord>();
  const repos = new Map<string, RepoState>();
  const tokens = new Map<string, ServerTokenSeed>();
  let origin = "";
  let nextId = 1;
  const deleted = new Set<string>();
  const outage = createOutage();
  const org = createServerOrg({
    origin: () => origin,
    projects,
    repos,
    createRepo(project, slug, name) {
      const bare = createEmptyBareRepo({ root, repoPath: `${project.key.toLowerCase()}/${slug}.git` });
      const repo: RepoState = { project, slug, name, id: nextId++, isPublic: false, defaultBranch: "main", bare, archived: false };
      repos.set(`${project.key}/${slug}`.toUpperCase(), repo);
      deleted.delete(`${project.key}/${slug}`.toUpperCase());
      return repo;
    },
    deleteRepo(repo) {
      repos.delete(`${repo.project.key}/${repo.slug}`.toUpperCase());
      deleted.add(`${repo.project.key}/${repo.slug}`.toUpperCase());
      fs.rmSync(repo.bare, { recursive: true, force: true });
    },
    sendErrors,
  });

  /** The token's own grants, or its user's permissions, whichever is higher; public repositories are readable by anyone. */
  function permissionOf(token: ServerTokenSeed | null, repo: RepoState): ServerPermission | null {
    const granted = token?.access?.[`${repo.project.key}/${repo.slug}`.toUpperCase()] ?? token?.access?.[repo.project.key.toUpperCase()] ?? null;
    return higher(higher(granted, org.userPermission(token?.user, repo)), repo.isPublic ? "REPO_READ" : null);
  }

  /** Who is calling: a known token, anonymous (null), or an answer already sent. */
  function authenticate(req: http.IncomingMessage, res: http.ServerResponse): ServerTokenSeed | null | "answered" {
    const credentials = credentialsOf(req);
    if (!credentials) return null;
    const token = tokens.get(credentials.scheme === "bearer" ? credentials.token : credentials.password);
    if (!token) {
      sendErrors(res, 401, serverErrors("Authentication failed. Please check your credentials and try again.", "com.atlassian.bitbucket.auth.IncorrectPasswordAuthenticationException"));
      return "answered";
    }
    if (token.rateLimited) {
      // Data Center's token-bucket limiter: Retry-After plus the bucket's settings.
      sendErrors(res, 429, serverErrors("You have been rate limited. Try again in 30 seconds.", "com.atlassian.bitbucket.throttle.RateLimitedException"), {
        "retry-after": "30",
        "x-ratelimit-limit": "60",
        "x-ratelimit-interval-seconds": "1",
        "x-ratelimit-fill-rate": "5",
      });
      return "answered";
    }
    return token;
  }

  function handleGit(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    const match = /^\/scm\/([^/]+)\/([^/]+?)(?:\.git)?\/(info\/refs|git-upload-pack|git-receive-pack)$/.exec(url.pathname);
    const repo = match ? repos.get(`${decodeURIComponent(match[1]!)}/${match[2]}`.toUpperCase()) : undefined;
    const token = authenticate(req, res);
    if (token === "answered") return;
    const permission = repo ? permissionOf(token, repo) : null;
    const challenge = { "www-authenticate": 'Basic realm="Atlassian Bitbucket"' };
    if (!repo || !permission || (isPush(url.pathname, url.searchParams) && rank[permission] < rank.REPO_WRITE)) {
      if (!token) return void res.writeHead(401, challenge).end();
      return void res.writeHead(repo ? 403 : 404, { "content-type": "text/plain" }).end(repo ? "You are not permitted to access this resource\n" : "Repository not found\n");
    }
    if (repo.archived && isPush(url.pathname, url.searchParams)) return void res.writeHead(403, { "content-type": "text/plain" }).end(`Repository ${repo.project.key}/${repo.slug} is archived and cannot be modified.\n`);
    serveGit({ req, res, root, repoPath: path.relative(root, repo.bare), suffix: match![3]!, user: token?.user ?? "anonymous" });
  }

  function handleRepoResource(res: http.ServerResponse, url: URL, repo: RepoState, sub: string, headers: Record<string, string>): void {
    const start = Math.max(0, Number(url.searchParams.get("start") ?? 0) || 0);
    const limit = Math.min(1000, Math.max(1, Number(url.searchParams.get("limit") ?? 25) || 25));
    const page = <T>(all: T[]) => serverPage({ values: all.slice(start, start + limit), start, limit, total: all.length });

    if (sub === "") return sendJson(res, 200, serverRepository({ origin, repo }) satisfies Schemas["RestRepository"], headers);
    if (sub === "/default-branch") return sendJson(res, 200, serverMinimalRef({ name: repo.defaultBranch }) satisfies Schemas["RestMinimalRef"], headers);
    const branches = () => listBranchRefs({ bare: repo.bare }).map((b) => serverBranch({ name: b.name, commit: b.commit, isDefault: b.name === repo.defaultBranch }));
    if (sub === "/branches/default") {
      const found = branches().find((b) => b.displayId === repo.defaultBranch);
      return found ? sendJson(res, 200, found, headers) : void res.writeHead(204, headers).end();
    }
    if (sub === "/branches") {
      const body: { values?: readonly Schemas["RestBranch"][]; isLastPage?: boolean } = page(branches());
      return sendJson(res, 200, body, headers);
    }
    const file = /^\/(browse|raw)(?:\/(.*))?$/.exec(sub);
    if (!file) return sendErrors(res, 404, serverErrors(`No resource at ${sub}`, "com.sun.jersey.api.NotFoundException"), headers);
    const at = url.searchParams.get("at") ?? repo.defaultBranch;
    const commit = resolveCommit({ bare: repo.bare, ref: at });
    const filePath = decodeURIComponent(file[2] ?? "").replace(/^\/+|\/+$/g, "");
    const type = commit ? objectTypeAt({ bare: repo.bare, commit, path: filePath }) : null;
    if (!commit) return sendErrors(res, 404, serverErrors(`Commit '${at}' does not exist in repository '${repo.slug}'.`, "com.atlassian.bitbucket.commit.NoSuchCommitException"), headers);
    if (!type) return sendErrors(res, 404, serverErrors(`The path "${filePath}" does not exist at revision "${at}"`, "com.atlassian.bitbucket.content.NoSuchPathException"), headers);
    if (file[1] === "raw") {
      if (type !== "blob") return sendErrors(res, 400, serverErrors(`The path "${filePath}" is a directory`, "com.atlassian.bitbucket.content.InvalidPathTypeException"), headers);
      return sendBytes(res, readBlob({ bare: repo.bare, ref: commit, file: filePath }), { ...headers, "content-type": "text/plain;charset=UTF-8" });
    }
    if (type === "blob") {
      // A file's browse answer is a page of its lines rather than `children`.
      const lines = readBlob({ bare: repo.bare, ref: commit, file: filePath }).toString("utf8").replace(/\n$/, "").split("\n");
      const shown = lines.slice(start, start + limit).map((text) => ({ text }));
      return sendJson(res, 200, { lines: shown, start, size: shown.length, isLastPage: start + shown.length >= lines.length }, headers);
    }
    const children: ServerBrowseChild[] = listTree({ bare: repo.bare, ref: commit, folder: filePath }).map((e) => ({
      path: serverPath([e.name]),
      contentId: e.oid,
      type: e.type === "tree" ? "DIRECTORY" : "FILE",
      ...(e.type === "blob" ? { size: e.size ?? 0 } : {}),
    }));
    return sendJson(res, 200, { path: serverPath(filePath ? filePath.split("/") : []), revision: at, children: page(children) }, headers);
  }

  /** The application-links servlet: the caller's user name as plain text, empty for an anonymous caller. */
  function handleWhoAmI(req: http.IncomingMessage, res: http.ServerResponse): void {
    const token = authenticate(req, res);
    if (token === "answered") return;
    res.writeHead(200, { "content-type": "text/plain;charset=UTF-8" }).end(token?.user ?? "");
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    // Data Center behind a proxy or in maintenance answers 503 with its RestErrors envelope.
    if (outage.take()) return sendErrors(res, 503, serverErrors("Bitbucket is unavailable. Try again later.", "com.atlassian.bitbucket.ServiceUnavailableException"));
    const token = authenticate(req, res);
    if (token === "answered") return;
    const headers: Record<string, string> = token ? { "x-ausername": token.user ?? "benchtop-bot" } : {};
    const rest = url.pathname.replace(/^\/rest\/api\/(1\.0|latest)/, "");
    if (await org.handle({ req, res, url, rest, caller: token?.user, headers })) return;
    if (req.method !== "GET") return sendErrors(res, 405, serverErrors(`${req.method} is not supported at ${rest}`, "com.sun.jersey.api.MethodNotAllowedException"), headers);

    if (rest === "/repos") {
      const wanted = (url.searchParams.get("permission") as ServerPermission | null) ?? null;
      const name = url.searchParams.get("name")?.toLowerCase();
      const key = url.searchParams.get("projectkey")?.toUpperCase();
      const start = Math.max(0, Number(url.searchParams.get("start") ?? 0) || 0);
      const limit = Math.min(1000, Math.max(1, Number(url.searchParams.get("limit") ?? 25) || 25));
      const all = [...repos.values()].filter((repo) => {
        const permission = permissionOf(token, repo);
        if (!permission || (wanted && (!token || rank[permission] < rank[wanted]))) return false;
        return (!name || repo.name.toLowerCase().includes(name)) && (!key || repo.project.key.toUpperCase() === key);
      });
      const values: Schemas["RestRepository"][] = all.slice(start, start + limit).map((repo) => serverRepository({ origin, repo }));
      return sendJson(res, 200, serverPage({ values, start, limit, total: all.length }), headers);
    }
    const match = /^\/projects\/([^/]+)\/repos\/([^/]+)(\/.*)?$/.exec(rest);
    if (!match) return sendErrors(res, 404, serverErrors(`No resource at ${rest}`, "com.sun.jersey.api.NotFoundException"), headers);
    const [key, slug] = [decodeURIComponent(match[1]!), decodeURIComponent(match[2]!)];
    const repo = repos.get(`${key}/${slug}`.toUpperCase());
    if (!repo) {
      return projects.has(key.toUpperCase())
        ? sendErrors(res, 404, serverErrors(`Repository ${key}/${slug} does not exist.`, "com.atlassian.bitbucket.repository.NoSuchRepositoryException"), headers)
        : sendErrors(res, 404, serverErrors(`Project ${key} does not exist.`, "com.atlassian.bitbucket.project.NoSuchProjectException"), headers);
    }
    // Data Center answers 401 to a caller who may not see a repository, signed in or not.
    if (!permissionOf(token, repo)) return sendErrors(res, 401, notPermitted, headers);
    return handleRepoResource(res, url, repo, match[3] ?? "", headers);
  }

  const server = await listen({
    port,
    handler(req, res, url) {
      if (isGitRequest(url.pathname, url.searchParams, req.method ?? "GET")) return handleGit(req, res, url);
      if (url.pathname.startsWith(CONTROL_PREFIX)) return handleEmulatorControl(req, res, url, controls);
      if (/^\/rest\/api\/(1\.0|latest)\//.test(url.pathname)) return handleApi(req, res, url);
      if (url.pathname === "/plugins/servlet/applinks/whoami" && req.method === "GET") return handleWhoAmI(req, res);
      sendErrors(res, 404, serverErrors("Not found", "com.sun.jersey.api.NotFoundException"));
    },
  });
  origin = server.url;

  function seedProject({ key, name }: { key: string; name?: string }): ServerProjectRecord {
    const upper = key.toUpperCase();
    const existing = projects.get(upper);
    if (existing) return existing;
    const project = { key: upper, id: nextId++, name: name ?? key, personal: upper.startsWith("~") };
    projects.set(upper, project);
    return project;
  }

  function mustFind(keyAndSlug: string): RepoState {
    const repo = repos.get(keyAndSlug.toUpperCase());
    if (!repo) throw new Error(`no repository ${keyAndSlug}${deleted.has(keyAndSlug.toUpperCase()) ? " (deleted)" : ""}`);
    return repo;
  }

  const inspect: BitbucketServerEmulator["inspect"] = {
    listProjectRepos: (key) => [...repos.values()].filter((r) => r.project.key === key.toUpperCase()).map((r) => `${r.project.key}/${r.slug}`),
    repoPermissions: (keyAndSlug) => org.repoGrants(mustFind(keyAndSlug)),
    isArchived: (keyAndSlug) => mustFind(keyAndSlug).archived ?? false,
    isDeleted: (keyAndSlug) => deleted.has(keyAndSlug.toUpperCase()) && !repos.has(keyAndSlug.toUpperCase()),
    refs: (keyAndSlug) => listAllRefs({ bare: mustFind(keyAndSlug).bare }),
  };
  const controls = { outage, inspect: inspectControlFrom({ list: inspect.listProjectRepos, permissions: inspect.repoPermissions, archived: inspect.isArchived, isDeleted: inspect.isDeleted, refs: inspect.refs }) };

  return {
    url: origin,
    apiRoot: `${origin}/rest/api/1.0`,
    seedProject,
    seedRepository({ projectKey, slug, isPublic = false, files, branches }) {
      const project = seedProject({ key: projectKey });
      const bare = seedBareRepo({ root, repoPath: `${project.key.toLowerCase()}/${slug}.git`, files, branches });
      repos.set(`${project.key}/${slug}`.toUpperCase(), { project, slug, name: slug, id: nextId++, isPublic, defaultBranch: "main", bare });
      return { bare };
    },
    seedUser: org.seedUser,
    grantProjectPermission: org.grantProject,
    inspect,
    outage,
    seedToken(seed) {
      tokens.set(seed.token, { ...seed, access: Object.fromEntries(Object.entries(seed.access ?? {}).map(([k, v]) => [k.toUpperCase(), v])) });
    },
    async stop() {
      await server.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
