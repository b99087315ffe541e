// A GitHub Enterprise Server stand-in for tests: the slice of the REST API that
// Benchtop's GitHub adapter calls (under /api/v3), GitHub's token auth and
// refusals, organizations keeping apps out (org-access-*.ts), and git smart
// HTTP over the real `git http-backend`.
import { execFileSync } from "node:child_process";
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
import { listBranchRefs, listTree } from "../shared/seed-repo";
import { type Bodies, createBodies, type Site } from "./emulator-bodies";
import { type Auth, RATE_LIMIT, readAuth, sendApi } from "./emulator-http";
import { createEmulatorState, type EmulatorSeed, type EmulatorState, type SeededRepo } from "./emulator-state";
import { createGitHubLfs } from "./lfs-routes";
import { paginate } from "./link-pagination";
import { type AddOAuthAppOptions, createGitHubOAuth, type GitHubOAuth } from "./oauth-apps";
import { AUTHORIZE_PATH, handleAuthorize } from "./oauth-authorize";
import { handleRevocation } from "./oauth-revocation";
import { ACCESS_TOKEN_PATH, handleAccessToken } from "./oauth-token";
import { createOrgAccess, type OrgAccessSeed } from "./org-access-state";
import { createOrgAccessRoutes, type OrgAccessRoutes } from "./org-access-routes";
import { createOrgBodies } from "./org-bodies";
import { handleOrgApi } from "./org-routes";
import { listUserRepos } from "./user-repos";

export type GitHubEmulator = {
  /** The web origin, e.g. http://127.0.0.1:41234 (repositories at {url}/{owner}/{repo}). */
  url: string;
  /** {url}/api/v3, the Enterprise layout. */
  apiRoot: string;
  seed: GitHubSeed;
  /** Read-back for tests: an account's repositories, collaborators, archived or deleted, refs. */
  inspect: EmulatorState["inspect"];
  /** The REST API's 503 switch (also POST/DELETE {url}/_emulator/outage). */
  outage: Outage;
  /** The second host where Git LFS transfers go (shared/lfs-storage.ts; its /_storage/ controls read back what it holds). */
  lfsStorageUrl: string;
  stop(): Promise<void>;
};

/** The emulator's seeding functions: accounts, repositories, tokens, protected branches, OAuth/GitHub Apps and organizations' access rules for them. */
export type GitHubSeed = EmulatorSeed & OrgAccessSeed & {
  /** Registers an OAuth App or a GitHub App for the web application flow; returns its credentials. */
  addOAuthApp(options: AddOAuthAppOptions): { clientId: string; clientSecret: string };
};

const gitEnv = { PATH: process.env.PATH, GIT_CONFIG_NOSYSTEM: "1" } as unknown as NodeJS.ProcessEnv;

function git(bare: string, args: string[]): string | null {
  try {
    return execFileSync("git", ["--git-dir", bare, ...args], { encoding: "utf8", env: gitEnv, stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

/** A blob's bytes (shared readBlob keeps execFileSync's 1 MiB output limit; GitHub serves files up to 100 MB). */
const readBlob = ({ bare, ref, file }: { bare: string; ref: string; file: string }): Buffer =>
  execFileSync("git", ["--git-dir", bare, "cat-file", "blob", `${ref}:${file}`], { env: gitEnv, maxBuffer: 128 * 1024 * 1024 });

function createApi({ state, bodies, site, orgAccess }: { state: EmulatorState; bodies: Bodies; site: Site; orgAccess: OrgAccessRoutes }) {
  const orgBodies = createOrgBodies(site, bodies);
  const notFound = (res: ServerResponse, auth: Auth, docs?: string) => sendApi(res, 404, bodies.error(404, "Not Found", docs), auth);

  function getRepo(res: ServerResponse, auth: Auth, repo: SeededRepo) {
    const access = state.accessTo(repo, auth.kind === "token" ? auth.token : null);
    if (!access) return notFound(res, auth, "https://docs.github.com/enterprise-server@3.19/rest/repos/repos#get-a-repository");
    sendApi(res, 200, bodies.repository(repo, state.findAccount(repo.owner)!, access.permission), auth, { "x-accepted-oauth-scopes": "repo" });
  }

  function listBranches(res: ServerResponse, auth: Auth, repo: SeededRepo, search: URLSearchParams) {
    const all = listBranchRefs({ bare: repo.bare }).sort((a, b) => a.name.localeCompare(b.name));
    const page = paginate({ all, search, base: `${site.apiRoot}/repositories/${repo.id}/branches` });
    sendApi(res, 200, page.items.map((b) => bodies.branch(repo, b)), auth, page.link ? { link: page.link } : {});
  }

  function getContent(req: IncomingMessage, res: ServerResponse, auth: Auth, repo: SeededRepo, filePath: string, search: URLSearchParams) {
    const ref = search.get("ref") || repo.defaultBranch;
    const docs = "https://docs.github.com/enterprise-server@3.19/rest/repos/contents#get-repository-content";
    if (!git(repo.bare, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`])) return sendApi(res, 404, bodies.error(404, `No commit found for the ref ${ref}`, docs), auth);
    const folderEntries = (folder: string) =>
      listTree({ bare: repo.bare, ref, folder }).map((e) => ({ name: e.name, path: e.path, sha: e.oid, size: e.size ?? 0, type: e.mode === "160000" ? ("submodule" as const) : e.type === "tree" ? ("dir" as const) : ("file" as const) }));
    if (!filePath) return sendApi(res, 200, folderEntries("").map((e) => bodies.contentEntry(repo, ref, e)), auth);
    const parent = path.posix.dirname(filePath) === "." ? "" : path.posix.dirname(filePath);
    const entry = git(repo.bare, ["cat-file", "-t", `${ref}:${parent}`]) === "tree" ? folderEntries(parent).find((e) => e.path === filePath) : undefined;
    if (!entry) return notFound(res, auth, docs);
    if (entry.type === "dir") return sendApi(res, 200, folderEntries(filePath).map((e) => bodies.contentEntry(repo, ref, e)), auth);
    const bytes = readBlob({ bare: repo.bare, ref, file: filePath });
    if (/\braw\b/.test(req.headers.accept ?? "")) return sendApi(res, 200, bytes, auth, { "content-type": "application/vnd.github.raw; charset=utf-8", "x-github-media-type": "github.v3; param=raw" });
    sendApi(res, 200, bodies.contentFile(bodies.contentEntry(repo, ref, entry), bytes), auth);
  }

  /** Routes one API request (path already stripped of /api/v3). */
  return async function handleApi(req: IncomingMessage, res: ServerResponse, route: string, search: URLSearchParams) {
    const auth = readAuth(state, req.headers.authorization);
    if (auth.kind === "bad") return sendApi(res, 401, bodies.error(401, "Bad credentials"), auth);
    if (auth.kind === "token" && auth.token.rateLimited) {
      const account = state.findAccount(auth.token.login)!;
      return sendApi(res, 403, bodies.error(403, `API rate limit exceeded for user ID ${account.id}.`, "https://docs.github.com/enterprise-server@3.19/rest/overview/rate-limits-for-the-rest-api"), auth, {
        "x-ratelimit-remaining": "0",
        "x-ratelimit-used": String(RATE_LIMIT),
      });
    }
    if (orgAccess.api({ req, res, route, search, auth })) return;
    if (await handleOrgApi({ req, res, route, search, auth, state, bodies, orgBodies })) return;
    if (req.method !== "GET") return notFound(res, auth);
    if (route === "/user") {
      if (auth.kind !== "token") return sendApi(res, 401, bodies.error(401, "Requires authentication", "https://docs.github.com/enterprise-server@3.19/rest/users/users#get-the-authenticated-user"), auth);
      return sendApi(res, 200, bodies.user(state.findAccount(auth.token.login)!), auth);
    }
    if (route === "/user/repos") return listUserRepos({ res, auth, search, state, bodies, site });
    const byId = /^\/repositories\/(\d+)(\/.*)?$/.exec(route);
    const match = byId ? null : /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(route);
    const repo = byId ? state.findRepoById(Number(byId[1])) : match ? state.findRepo(`${match[1]}/${match[2]}`) : undefined;
    const rest = (byId ? byId[2] : match?.[3]) ?? "";
    if (!repo) {
      const moved = match && state.findRedirect(`${match[1]}/${match[2]}`);
      const target = moved ? state.findRepo(moved) : undefined;
      if (target && state.accessTo(target, auth.kind === "token" ? auth.token : null)) {
        const location = `${site.apiRoot}/repositories/${target.id}${rest}`;
        return sendApi(res, 301, { message: "Moved Permanently", url: location, documentation_url: "https://docs.github.com/enterprise-server@3.19/rest/guides/best-practices-for-using-the-rest-api#follow-redirects" }, auth, { location });
      }
      return notFound(res, auth);
    }
    if (!state.accessTo(repo, auth.kind === "token" ? auth.token : null)) return notFound(res, auth);
    if (rest === "") return getRepo(res, auth, repo);
    if (rest === "/branches") return listBranches(res, auth, repo, search);
    const contents = /^\/contents(?:\/(.*))?$/.exec(rest);
    if (contents) return getContent(req, res, auth, repo, decodeURIComponent(contents[1] ?? "").replace(/^\/+|\/+$/g, ""), search);
    notFound(res, auth);
  };
}

/** Git smart HTTP at /{owner}/{repo}(.git)/..., with GitHub's Basic-auth convention. */
function createGitRoute({ state, gitRoot }: { state: EmulatorState; gitRoot: string }) {
  return function handleGit(req: IncomingMessage, res: ServerResponse, pathname: string, search: URLSearchParams): boolean {
    const match = /^\/([^/]+)\/([^/]+?)(?:\.git)?\/(info\/refs|git-upload-pack|git-receive-pack)$/.exec(pathname);
    if (!match || !isGitRequest(pathname, search, req.method ?? "GET")) return false;
    const repo = state.findRepo(`${match[1]}/${match[2]}`);
    const challenge = () => res.writeHead(401, { "www-authenticate": 'Basic realm="GitHub"', "content-type": "text/plain" }).end("Authentication failed\n");
    const auth = readAuth(state, req.headers.authorization);
    if (auth.kind === "bad") return challenge(), true;
    const token = auth.kind === "token" ? auth.token : null;
    const push = isPush(pathname, search);
    if (!repo) return (token ? res.writeHead(404).end("Repository not found.\n") : challenge()), true;
    const access = state.accessTo(repo, token);
    if (!access) return (token ? res.writeHead(404).end("Repository not found.\n") : challenge()), true;
    if (push && !token) return challenge(), true;
    if (push && !access.canWrite) return res.writeHead(403, { "content-type": "text/plain" }).end(`Permission to ${repo.fullName}.git denied to ${token!.login}.\n`), true;
    if (push && repo.archived) return res.writeHead(403, { "content-type": "text/plain" }).end("This repository was archived so it is read-only.\n"), true;
    serveGit({ req, res, root: gitRoot, repoPath: repo.repoPath, suffix: match[3]!, user: token?.login ?? "anonymous" });
    return true;
  };
}

/** The test-only /_emulator/ controls over this emulator's OAuth tokens. */
const controlsFor = (oauth: GitHubOAuth, outage: Outage, { inspect }: EmulatorState) => ({
  expireAccessTokens: oauth.expireAccessTokens,
  revokeRefreshTokens: oauth.revokeRefreshTokens,
  readOAuthLog: oauth.log.read,
  outage,
  inspect: inspectControlFrom({ list: inspect.listOwnedRepos, permissions: inspect.collaborators, archived: inspect.isArchived, isDeleted: inspect.isDeleted, refs: inspect.refs }),
});

/** What GitHub's API answers while it is unavailable (the documented service_unavailable body). */
const UNAVAILABLE = { code: "service_unavailable", message: "Service Unavailable", documentation_url: "https://docs.github.com/enterprise-server@3.19/rest" };

/**
 * Starts a GitHub Enterprise-shaped emulator on 127.0.0.1 (`port` 0 = any free
 * port; `lfsStoragePort` likewise for its LFS storage host, fixed when an app server
 * must be allowed to reach it). Seed accounts, repositories and tokens through `seed`; point adapters
 * at `apiRoot` (or at `url` as the repository's location).
 */
export async function startGitHubEmulator({ port = 0, lfsStoragePort = 0 }: { port?: number; lfsStoragePort?: number } = {}): Promise<GitHubEmulator> {
  const gitRoot = fs.mkdtempSync(path.join(os.tmpdir(), "github-emulator-"));
  const state = createEmulatorState({ gitRoot });
  const handleGit = createGitRoute({ state, gitRoot });
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${bound}`;
  // The answers carry the emulator's own URLs, known once it listens.
  const site: Site = { url, apiRoot: `${url}/api/v3`, host: `127.0.0.1:${bound}` };
  const bodies = createBodies(site);
  const oauth = createGitHubOAuth({ state });
  const access = createOrgAccess({ state, oauth });
  const orgAccess = createOrgAccessRoutes({ state, oauth, access, bodies, site });
  const handleApi = createApi({ state, bodies, site, orgAccess });
  const outage = createOutage();
  const storage = await startLfsStorage({ port: lfsStoragePort });
  const lfs = createGitHubLfs({ state, storage, siteUrl: () => url });

  /** The web side (OAuth), the test-only controls, the REST API, then git. */
  async function route(req: IncomingMessage, res: ServerResponse, requested: URL): Promise<void> {
    const { pathname, searchParams } = requested;
    if (pathname === AUTHORIZE_PATH) return handleAuthorize({ req, res, url: requested, oauth, state });
    if (pathname === ACCESS_TOKEN_PATH) return handleAccessToken({ req, res, url: requested, oauth });
    if (pathname === `${CONTROL_PREFIX}lfs`) return lfs.control(req, res);
    if (pathname.startsWith(CONTROL_PREFIX)) {
      if (await orgAccess.control(req, res, requested)) return;
      return handleEmulatorControl(req, res, requested, controlsFor(oauth, outage, state));
    }
    if (await orgAccess.page(req, res, requested)) return;
    if (pathname === "/api/v3" || pathname.startsWith("/api/v3/")) {
      const apiRoute = pathname.slice("/api/v3".length) || "/";
      if (outage.take()) return sendApi(res, 503, UNAVAILABLE, { kind: "anonymous" });
      if (await handleRevocation({ req, res, url: requested, route: apiRoute, oauth, bodies })) return;
      return handleApi(req, res, apiRoute, searchParams);
    }
    if (orgAccess.git(req, res, pathname)) return;
    if (await lfs.handle(req, res, pathname)) return;
    if (handleGit(req, res, pathname, searchParams)) return;
    res.writeHead(404, { "content-type": "text/plain" }).end("Not Found\n");
  }

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    route(req, res, new URL(req.url ?? "/", "http://emulator")).catch((error: unknown) => {
      if (res.headersSent) return void res.end();
      res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ message: `emulator: ${(error as Error).message}` }));
    });
  });

  return {
    url,
    apiRoot: site.apiRoot,
    seed: { ...state.seed, ...access.seed, addOAuthApp: oauth.addApp },
    inspect: state.inspect,
    outage,
    lfsStorageUrl: storage.url,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await storage.stop();
      fs.rmSync(gitRoot, { recursive: true, force: true });
    },
  };
}
