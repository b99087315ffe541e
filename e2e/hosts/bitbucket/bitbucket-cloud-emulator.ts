// A Bitbucket Cloud emulator: the slice of REST 2.0 Benchtop calls, under /2.0,
// and git smart HTTP at /{workspace}/{repo}.git taking access tokens as the
// password of "x-token-auth" and a person's API token as the password of
// "x-bitbucket-api-token-auth" or their user name, as bitbucket.org does
// (https://support.atlassian.com/bitbucket-cloud/docs/using-api-tokens/).
import fs from "node:fs";
import type http from "node:http";
import os from "node:os";
import path from "node:path";
import type { components } from "@coderabbitai/bitbucket/cloud/openapi";
import { CONTROL_PREFIX, handleEmulatorControl } from "../shared/emulator-control";
import { isGitRequest, isPush, serveGit } from "../shared/git-http";
import { inspectControlFrom } from "../shared/inspect-control";
import { createOutage, type Outage } from "../shared/outage";
import { createEmptyBareRepo, listAllRefs, listBranchRefs, listTree, readBlob, seedBareRepo } from "../shared/seed-repo";
import { type CloudPermission, createCloudOrg, higherCloud, type WorkspaceRole } from "./cloud-org";
import { cloudBranch, cloudCommit, cloudDirectoryEntry, cloudError, cloudFileEntry, cloudPage, cloudRepository, cloudRepositoryPermission, type CloudRepoRecord } from "./cloud-payloads";
import { commitDetails, credentialsOf, listen, objectTypeAt, resolveCommit, sendBytes, sendJson } from "./emulator-support";

type Schemas = components["schemas"];
export type { CloudPermission } from "./cloud-org";

/**
 * A token the emulator knows. `access` grants a permission per workspace
 * ("team", a workspace access token) or per repository ("team/models", a
 * repository access token); public repositories are readable by any token.
 */
export type CloudTokenSeed = { token: string; user?: string; access?: Record<string, CloudPermission>; scopes?: string[]; rateLimited?: boolean };

export type BitbucketCloudEmulator = {
  /** The emulator's origin; git URLs are {url}/{workspace}/{repo}.git. */
  url: string;
  /** REST root: {url}/2.0 (what BENCHTOP_BITBUCKET_API_URL points at). */
  apiRoot: string;
  seedWorkspace(options: { slug: string }): void;
  seedRepository(options: { workspace: string; slug: string; isPrivate?: boolean; files?: Record<string, string | Buffer>; branches?: string[] }): { bare: string };
  seedToken(seed: CloudTokenSeed): void;
  /**
   * An account; a token seeded with `user` set to its nickname acts as it: in the
   * API as Bearer, or Basic with the nickname or the account's email
   * ({nickname}@example.test, as Atlassian API tokens sign in); in git as
   * {nickname}:{token} or x-bitbucket-api-token-auth:{token} (never
   * x-token-auth, which is for access tokens). Returns its UUID, account id and email.
   */
  seedUser(options: { nickname: string; displayName?: string }): { uuid: string; accountId: string; email: string };
  /** A workspace role: owner (administers every repository), member (may create repositories) or collaborator. */
  setWorkspaceRole(options: { workspace: string; user: string; role: WorkspaceRole }): void;
  /** Read-back for tests: a workspace's repositories, a repository's description, per-user permissions, deleted, refs. */
  inspect: {
    listWorkspaceRepos(workspace: string): string[];
    description(fullName: string): string;
    repoPermissions(fullName: string): Record<string, string>;
    isDeleted(fullName: string): boolean;
    refs(fullName: string): Record<string, string>;
  };
  /** The REST API's 503 switch (also POST/DELETE {url}/_emulator/outage). */
  outage: Outage;
  stop(): Promise<void>;
};

type RepoState = CloudRepoRecord & { bare: string };
const rank: Record<CloudPermission, number> = { read: 1, write: 2, admin: 3 };

/** Starts the emulator on 127.0.0.1 (a free port unless `port` is given). */
export async function startBitbucketCloudEmulator({ port }: { port?: number } = {}): Promise<BitbucketCloudEmulator> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "bitbucket-cloud-"));
  const workspaces = new Set<string>();
  const repos = new Map<string, RepoState>();
  const tokens = new Map<string, CloudTokenSeed>();
  let origin = "";
  const apiRoot = () => `${origin}/2.0`;
  // The emulator's own origin stands for https://bitbucket.org in links.
  const links = () => ({ apiRoot: apiRoot(), webRoot: origin, gitRoot: origin });
  const deleted = new Set<string>();
  const outage = createOutage();
  const org = createCloudOrg({
    links,
    workspaces,
    repos,
    createRepo({ workspace, slug, isPrivate, description }) {
      const bare = createEmptyBareRepo({ root, repoPath: `${workspace}/${slug}.git` });
      const repo: RepoState = { workspace, slug, name: slug, isPrivate, uuid: `{${workspace}-${slug}-0000}`, createdOn: new Date().toISOString(), mainBranch: "main", description, bare };
      repos.set(`${workspace}/${slug}`.toLowerCase(), repo);
      deleted.delete(`${workspace}/${slug}`.toLowerCase());
      return repo;
    },
    updateRepo(repo, changes) {
      return Object.assign(repo, changes);
    },
    deleteRepo(repo) {
      repos.delete(`${repo.workspace}/${repo.slug}`.toLowerCase());
      deleted.add(`${repo.workspace}/${repo.slug}`.toLowerCase());
      fs.rmSync(repo.bare, { recursive: true, force: true });
    },
  });

  /** The token's own grants or its user's permissions, whichever is higher; public repositories are readable by anyone. */
  function permissionOf(token: CloudTokenSeed | null, repo: RepoState): CloudPermission | null {
    const granted = token?.access?.[`${repo.workspace}/${repo.slug}`] ?? token?.access?.[repo.workspace] ?? null;
    return higherCloud(higherCloud(granted, org.userPermission(token?.user, repo)), repo.isPrivate ? null : "read");
  }

  function isBasicUserOf(name: string, token: CloudTokenSeed | undefined): boolean {
    const account = org.findAccount(token?.user);
    if (!account) return true;
    return [account.nickname, account.email, "x-token-auth"].some((n) => n.toLowerCase() === name.toLowerCase());
  }

  /**
   * Git's user name for a token: a person's (a seeded account's) API token goes
   * with "x-bitbucket-api-token-auth" or the account's nickname; a token of no
   * account (repository or workspace access token) with "x-token-auth" or the
   * name it acts as.
   */
  function isGitUserOf(name: string, token: CloudTokenSeed | undefined): boolean {
    const account = org.findAccount(token?.user);
    if (!account) return name === "x-token-auth" || name === token?.user;
    return name === "x-bitbucket-api-token-auth" || name.toLowerCase() === account.nickname.toLowerCase();
  }

  const notFound = (res: http.ServerResponse) =>
    sendJson(res, 404, cloudError("You may not have access to this repository or it no longer exists in this workspace. If you think this repository exists and you have access, make sure you are authenticated."));

  /** Who is calling: a known token, anonymous (null), or an answer already sent. */
  function authenticate(req: http.IncomingMessage, res: http.ServerResponse, password: (c: NonNullable<ReturnType<typeof credentialsOf>>) => string | null): CloudTokenSeed | null | "answered" {
    const credentials = credentialsOf(req);
    if (!credentials) return null;
    const token = tokens.get(password(credentials) ?? "");
    if (!token) {
      sendJson(res, 401, cloudError("Token is invalid, expired, or not supported for this endpoint."), { "www-authenticate": 'Basic realm="Bitbucket.org HTTP"' });
      return "answered";
    }
    if (token.rateLimited) {
      // Bitbucket Cloud names the limit but sends no Retry-After on most 429s.
      sendJson(res, 429, cloudError("Rate limit for this resource has been exceeded"), { "x-ratelimit-limit": "1000", "x-ratelimit-resource": "api", "x-ratelimit-nearlimit": "true" });
      return "answered";
    }
    return token;
  }

  function handleGit(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    const match = /^\/([^/]+)\/([^/]+?)(?:\.git)?\/(info\/refs|git-upload-pack|git-receive-pack)$/.exec(url.pathname);
    const repo = match ? repos.get(`${match[1]}/${match[2]}`.toLowerCase()) : undefined;
    const token = authenticate(req, res, (c) => (c.scheme === "basic" && isGitUserOf(c.user, tokens.get(c.password)) ? c.password : null));
    if (token === "answered") return;
    const permission = repo ? permissionOf(token, repo) : null;
    const push = isPush(url.pathname, url.searchParams);
    if (!repo || !permission) {
      if (!token) return void res.writeHead(401, { "www-authenticate": 'Basic realm="Bitbucket.org HTTP"' }).end();
      return void res.writeHead(404, { "content-type": "text/plain" }).end("Repository not found\n");
    }
    if (push && rank[permission] < rank.write) {
      if (!token) return void res.writeHead(401, { "www-authenticate": 'Basic realm="Bitbucket.org HTTP"' }).end();
      return void res.writeHead(403, { "content-type": "text/plain" }).end("You don't have write access to this repository.\n");
    }
    serveGit({ req, res, root, repoPath: path.relative(root, repo.bare), suffix: match![3]!, user: token?.user ?? "anonymous" });
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    if (outage.take()) return sendJson(res, 503, cloudError("Service Unavailable"));
    // Basic: a user's token goes with their nickname or email; a token of no user with x-token-auth.
    const token = authenticate(req, res, (c) => (c.scheme === "bearer" ? c.token : isBasicUserOf(c.user, tokens.get(c.password)) ? c.password : null));
    if (token === "answered") return;
    const headers: Record<string, string> = token?.scopes ? { "x-oauth-scopes": token.scopes.join(", ") } : {};
    const rest = url.pathname.slice("/2.0".length);
    const pagelen = Math.min(100, Math.max(1, Number(url.searchParams.get("pagelen") ?? 10) || 10));
    const pageNo = Math.max(1, Number(url.searchParams.get("page") ?? 1) || 1);
    const paginate = <T>(all: T[]) => {
      const next = pageNo * pagelen < all.length ? `${apiRoot()}${rest}?pagelen=${pagelen}&page=${pageNo + 1}` : undefined;
      return cloudPage({ values: all.slice((pageNo - 1) * pagelen, pageNo * pagelen), page: pageNo, pagelen, size: all.length, next });
    };
    if (await org.handle({ req, res, url, rest, caller: token?.user, headers, paginate })) return;
    if (req.method !== "GET") return notFound(res);

    if (rest === "/user/permissions/repositories") {
      if (!token) return sendJson(res, 401, cloudError("This API is only accessible with the following authentication types: session, password, apppassword, api_token, access_token"));
      const wanted = /repository\.full_name\s*=\s*"([^"]+)"/.exec(url.searchParams.get("q") ?? "")?.[1]?.toLowerCase();
      const values: Schemas["repository_permission"][] = [];
      for (const repo of repos.values()) {
        // An access token's own grant, or a person's permission (workspace owner, or granted on the repository).
        const permission = token.access?.[`${repo.workspace}/${repo.slug}`] ?? token.access?.[repo.workspace] ?? org.userPermission(token.user, repo);
        if (!permission || (wanted && wanted !== `${repo.workspace}/${repo.slug}`.toLowerCase())) continue;
        values.push(cloudRepositoryPermission({ permission, user: { nickname: token.user ?? "benchtop-bot", uuid: `{${token.token.length}-bot}` }, repository: cloudRepository({ ...links(), repo }) }));
      }
      const page: Schemas["paginated_repository_permissions"] = paginate(values);
      return sendJson(res, 200, page, headers);
    }

    const match = /^\/repositories\/([^/]+)\/([^/]+)(\/.*)?$/.exec(rest);
    const repo = match ? repos.get(`${decodeURIComponent(match[1]!)}/${decodeURIComponent(match[2]!)}`.toLowerCase()) : undefined;
    if (!match || !repo || !permissionOf(token, repo)) return notFound(res);
    const sub = match[3] ?? "";

    if (sub === "" || sub === "/") {
      const body: Schemas["repository"] = cloudRepository({ ...links(), repo });
      return sendJson(res, 200, body, headers);
    }
    if (sub === "/refs/branches") {
      const branches = listBranchRefs({ bare: repo.bare }).map((b) =>
        cloudBranch({ ...links(), repo, name: b.name, commit: { hash: b.commit, ...commitDetails({ bare: repo.bare, commit: b.commit }) } }),
      );
      const page: Schemas["paginated_branches"] = paginate(branches);
      return sendJson(res, 200, page, headers);
    }
    const src = /^\/src\/([^/]+)(?:\/(.*))?$/.exec(sub);
    if (src) {
      const hash = resolveCommit({ bare: repo.bare, ref: decodeURIComponent(src[1]!) });
      const filePath = decodeURIComponent(src[2] ?? "").replace(/\/+$/, "");
      const type = hash ? objectTypeAt({ bare: repo.bare, commit: hash, path: filePath }) : null;
      if (!hash || !type) return sendJson(res, 404, cloudError(hash ? "No such file or directory: " + filePath : "Commit not found"), headers);
      if (type === "blob") return sendBytes(res, readBlob({ bare: repo.bare, ref: hash, file: filePath }), { ...headers, "content-type": "text/plain" });
      const commit = cloudCommit({ ...links(), repo, commit: { hash, ...commitDetails({ bare: repo.bare, commit: hash }) } });
      const entries = listTree({ bare: repo.bare, ref: hash, folder: filePath }).map((e) =>
        e.type === "tree" ? cloudDirectoryEntry({ path: e.path, commit }) : cloudFileEntry({ path: e.path, size: e.size ?? 0, commit }),
      );
      const page: Schemas["paginated_treeentries"] = paginate(entries);
      return sendJson(res, 200, page, headers);
    }
    return sendJson(res, 404, cloudError("Resource not found"), headers);
  }

  const server = await listen({
    port,
    handler(req, res, url) {
      if (isGitRequest(url.pathname, url.searchParams, req.method ?? "GET")) return handleGit(req, res, url);
      if (url.pathname.startsWith(CONTROL_PREFIX)) return handleEmulatorControl(req, res, url, controls);
      if (url.pathname.startsWith("/2.0/")) return handleApi(req, res, url);
      sendJson(res, 404, cloudError("Resource not found"));
    },
  });
  origin = server.url;

  function mustFind(fullName: string): RepoState {
    const repo = repos.get(fullName.toLowerCase());
    if (!repo) throw new Error(`no repository ${fullName}${deleted.has(fullName.toLowerCase()) ? " (deleted)" : ""}`);
    return repo;
  }

  const inspect: BitbucketCloudEmulator["inspect"] = {
    listWorkspaceRepos: (workspace) => [...repos.values()].filter((r) => r.workspace.toLowerCase() === workspace.toLowerCase()).map((r) => `${r.workspace}/${r.slug}`),
    description: (fullName) => mustFind(fullName).description,
    repoPermissions: (fullName) => org.repoGrants(mustFind(fullName)),
    isDeleted: (fullName) => deleted.has(fullName.toLowerCase()) && !repos.has(fullName.toLowerCase()),
    refs: (fullName) => listAllRefs({ bare: mustFind(fullName).bare }),
  };
  const controls = { outage, inspect: inspectControlFrom({ list: inspect.listWorkspaceRepos, permissions: inspect.repoPermissions, isDeleted: inspect.isDeleted, refs: inspect.refs }) };

  return {
    url: origin,
    apiRoot: apiRoot(),
    seedWorkspace({ slug }) {
      workspaces.add(slug);
    },
    seedRepository({ workspace, slug, isPrivate = true, files, branches }) {
      workspaces.add(workspace);
      const bare = seedBareRepo({ root, repoPath: `${workspace}/${slug}.git`, files, branches });
      repos.set(`${workspace}/${slug}`.toLowerCase(), {
        workspace,
        slug,
        name: slug,
        isPrivate,
        uuid: `{${workspace}-${slug}-0000}`,
        createdOn: new Date().toISOString(),
        mainBranch: "main",
        description: "",
        bare,
      });
      return { bare };
    },
    seedToken(seed) {
      tokens.set(seed.token, seed);
    },
    seedUser: (options) => org.seedUser(options),
    setWorkspaceRole: org.setWorkspaceRole,
    inspect,
    outage,
    async stop() {
      await server.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
