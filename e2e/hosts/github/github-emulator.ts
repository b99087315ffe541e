// A GitHub Enterprise Server stand-in for tests: the slice of the REST API that
// Benchtop's GitHub adapter calls (under /api/v3), GitHub's token auth and
// refusals, and git smart HTTP over the real `git http-backend`.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { isGitRequest, isPush, serveGit } from "../shared/git-http";
import { listBranchRefs, listTree } from "../shared/seed-repo";
import { type Bodies, createBodies, type Site } from "./emulator-bodies";
import { createEmulatorState, type EmulatorSeed, type EmulatorState, type SeededRepo, type SeededToken } from "./emulator-state";

export type GitHubEmulator = {
  /** The web origin, e.g. http://127.0.0.1:41234 (repositories at {url}/{owner}/{repo}). */
  url: string;
  /** {url}/api/v3, the Enterprise layout. */
  apiRoot: string;
  seed: EmulatorSeed;
  stop(): Promise<void>;
};

type Auth = { kind: "anonymous" } | { kind: "token"; token: SeededToken } | { kind: "bad" };

const RATE_LIMIT = 5000;

function readAuth(state: EmulatorState, header: string | undefined): Auth {
  if (!header) return { kind: "anonymous" };
  const bearer = /^(?:token|bearer)\s+(\S+)$/i.exec(header);
  // GitHub also takes Basic with any user name and the token as the password.
  const basic = /^basic\s+(\S+)$/i.exec(header);
  const value = bearer?.[1] ?? (basic ? Buffer.from(basic[1]!, "base64").toString("utf8").split(":").slice(1).join(":") : undefined);
  const token = value ? state.findToken(value) : undefined;
  return token ? { kind: "token", token } : { kind: "bad" };
}

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

function createApi({ state, bodies, site }: { state: EmulatorState; bodies: Bodies; site: Site }) {
  const resetAt = () => Math.floor(Date.now() / 1000) + 3600;

  function send(res: ServerResponse, status: number, body: unknown, auth: Auth, extra: Record<string, string> = {}) {
    const headers: Record<string, string> = {
      "content-type": "application/json; charset=utf-8",
      "x-github-media-type": "github.v3; format=json",
      "x-github-request-id": crypto.randomUUID().toUpperCase(),
      "x-github-enterprise-version": "3.19.0",
      "x-ratelimit-limit": String(RATE_LIMIT),
      "x-ratelimit-remaining": String(RATE_LIMIT - 1),
      "x-ratelimit-used": "1",
      "x-ratelimit-reset": String(resetAt()),
      "x-ratelimit-resource": "core",
      ...extra,
    };
    if (auth.kind === "token") {
      if (auth.token.scopes) headers["x-oauth-scopes"] = auth.token.scopes.join(", ");
      if (auth.token.expiresAt) headers["github-authentication-token-expiration"] = auth.token.expiresAt.toISOString().replace("T", " ").replace(/\.\d{3}Z$/, " UTC");
    }
    res.writeHead(status, headers).end(typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body));
  }

  const notFound = (res: ServerResponse, auth: Auth, docs?: string) => send(res, 404, bodies.error(404, "Not Found", docs), auth);

  function getRepo(res: ServerResponse, auth: Auth, repo: SeededRepo) {
    const access = state.accessTo(repo, auth.kind === "token" ? auth.token : null);
    if (!access) return notFound(res, auth, "https://docs.github.com/enterprise-server@3.19/rest/repos/repos#get-a-repository");
    send(res, 200, bodies.repository(repo, state.findAccount(repo.owner)!, access.permission), auth, { "x-accepted-oauth-scopes": "repo" });
  }

  function listBranches(res: ServerResponse, auth: Auth, repo: SeededRepo, search: URLSearchParams) {
    const perPage = Math.min(100, Math.max(1, Number(search.get("per_page") ?? 30) || 30));
    const page = Math.max(1, Number(search.get("page") ?? 1) || 1);
    const all = listBranchRefs({ bare: repo.bare }).sort((a, b) => a.name.localeCompare(b.name));
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const link = (p: number, rel: string) => `<${site.apiRoot}/repositories/${repo.id}/branches?per_page=${perPage}&page=${p}>; rel="${rel}"`;
    const links = page < last ? [link(page + 1, "next"), link(last, "last")] : [];
    send(res, 200, all.slice((page - 1) * perPage, page * perPage).map((b) => bodies.branch(repo, b)), auth, links.length ? { link: links.join(", ") } : {});
  }

  function getContent(req: IncomingMessage, res: ServerResponse, auth: Auth, repo: SeededRepo, filePath: string, search: URLSearchParams) {
    const ref = search.get("ref") || repo.defaultBranch;
    const docs = "https://docs.github.com/enterprise-server@3.19/rest/repos/contents#get-repository-content";
    if (!git(repo.bare, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`])) return send(res, 404, bodies.error(404, `No commit found for the ref ${ref}`, docs), auth);
    const folderEntries = (folder: string) =>
      listTree({ bare: repo.bare, ref, folder }).map((e) => ({ name: e.name, path: e.path, sha: e.oid, size: e.size ?? 0, type: e.mode === "160000" ? ("submodule" as const) : e.type === "tree" ? ("dir" as const) : ("file" as const) }));
    if (!filePath) return send(res, 200, folderEntries("").map((e) => bodies.contentEntry(repo, ref, e)), auth);
    const parent = path.posix.dirname(filePath) === "." ? "" : path.posix.dirname(filePath);
    const entry = git(repo.bare, ["cat-file", "-t", `${ref}:${parent}`]) === "tree" ? folderEntries(parent).find((e) => e.path === filePath) : undefined;
    if (!entry) return notFound(res, auth, docs);
    if (entry.type === "dir") return send(res, 200, folderEntries(filePath).map((e) => bodies.contentEntry(repo, ref, e)), auth);
    const bytes = readBlob({ bare: repo.bare, ref, file: filePath });
    if (/\braw\b/.test(req.headers.accept ?? "")) return send(res, 200, bytes, auth, { "content-type": "application/vnd.github.raw; charset=utf-8", "x-github-media-type": "github.v3; param=raw" });
    send(res, 200, bodies.contentFile(bodies.contentEntry(repo, ref, entry), bytes), auth);
  }

  /** Routes one API request (path already stripped of /api/v3). */
  return function handleApi(req: IncomingMessage, res: ServerResponse, route: string, search: URLSearchParams) {
    const auth = readAuth(state, req.headers.authorization);
    if (auth.kind === "bad") return send(res, 401, bodies.error(401, "Bad credentials"), auth);
    if (auth.kind === "token" && auth.token.rateLimited) {
      const account = state.findAccount(auth.token.login)!;
      return send(res, 403, bodies.error(403, `API rate limit exceeded for user ID ${account.id}.`, "https://docs.github.com/enterprise-server@3.19/rest/overview/rate-limits-for-the-rest-api"), auth, {
        "x-ratelimit-remaining": "0",
        "x-ratelimit-used": String(RATE_LIMIT),
      });
    }
    if (req.method !== "GET") return notFound(res, auth);
    if (route === "/user") {
      if (auth.kind !== "token") return send(res, 401, bodies.error(401, "Requires authentication", "https://docs.github.com/enterprise-server@3.19/rest/users/users#get-the-authenticated-user"), auth);
      return send(res, 200, bodies.user(state.findAccount(auth.token.login)!), auth);
    }
    const byId = /^\/repositories\/(\d+)(\/.*)?$/.exec(route);
    const match = byId ? null : /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(route);
    const repo = byId ? state.findRepoById(Number(byId[1])) : match ? state.findRepo(`${match[1]}/${match[2]}`) : undefined;
    const rest = (byId ? byId[2] : match?.[3]) ?? "";
    if (!repo) {
      const moved = match && state.findRedirect(`${match[1]}/${match[2]}`);
      const target = moved ? state.findRepo(moved) : undefined;
      if (target && state.accessTo(target, auth.kind === "token" ? auth.token : null)) {
        const location = `${site.apiRoot}/repositories/${target.id}${rest}`;
        return send(res, 301, { message: "Moved Permanently", url: location, documentation_url: "https://docs.github.com/enterprise-server@3.19/rest/guides/best-practices-for-using-the-rest-api#follow-redirects" }, auth, { location });
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
    serveGit({ req, res, root: gitRoot, repoPath: repo.repoPath, suffix: match[3]!, user: token?.login ?? "anonymous" });
    return true;
  };
}

/**
 * Starts a GitHub Enterprise-shaped emulator on 127.0.0.1 (`port` 0 = any free
 * port). Seed accounts, repositories and tokens through `seed`; point adapters
 * at `apiRoot` (or at `url` as the repository's location).
 */
export async function startGitHubEmulator({ port = 0 }: { port?: number } = {}): Promise<GitHubEmulator> {
  const gitRoot = fs.mkdtempSync(path.join(os.tmpdir(), "github-emulator-"));
  const state = createEmulatorState({ gitRoot });
  const handleGit = createGitRoute({ state, gitRoot });
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${bound}`;
  // The answers carry the emulator's own URLs, known once it listens.
  const site: Site = { url, apiRoot: `${url}/api/v3`, host: `127.0.0.1:${bound}` };
  const handleApi = createApi({ state, bodies: createBodies(site), site });
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const requested = new URL(req.url ?? "/", "http://emulator");
    try {
      if (requested.pathname === "/api/v3" || requested.pathname.startsWith("/api/v3/")) return handleApi(req, res, requested.pathname.slice("/api/v3".length) || "/", requested.searchParams);
      if (handleGit(req, res, requested.pathname, requested.searchParams)) return;
      res.writeHead(404, { "content-type": "text/plain" }).end("Not Found\n");
    } catch (error) {
      res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ message: `emulator: ${(error as Error).message}` }));
    }
  });

  return {
    url,
    apiRoot: site.apiRoot,
    seed: state.seed,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(gitRoot, { recursive: true, force: true });
    },
  };
}
