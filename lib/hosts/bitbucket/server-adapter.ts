// Bitbucket Server and Data Center (REST 1.0) behind the GitHostAdapter interface.
import { createBitbucketServerClient } from "@coderabbitai/bitbucket/server";
import { HostError, isHostError } from "../errors";
import type { ConnectionReport, GitHostAdapter, RemoteBranch, RemoteFile, RepoLocation, RepositoryInfo, TokenInfo } from "../types";
import { clientOptions, keepSlashesInPath, type RequestContext, send } from "./http";
import { parseAnswer } from "./to-host-error";
import { serverBranchPageSchema, serverBrowseSchema, serverDefaultBranchSchema, serverRepositoryPageSchema, serverRepositorySchema, type ServerRepository } from "./schemas";

const MAX_PAGES = 50;
const PAGE = 500;
/** The browse operation's OpenAPI omits Server's paging parameters, which Bitbucket documents for every paged resource. */
const pagedQuery = (start: number) => (query: Record<string, unknown> = {}) =>
  new URLSearchParams({ ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])), start: String(start), limit: String(PAGE) }).toString();

type Options = { location: RepoLocation; token: string | null; fetchImpl: typeof fetch; gitUrl: string };

/**
 * The generated client's paths start at /api/latest (Atlassian's alias of the
 * newest version, served beside /api/1.0), so its base is the REST root above
 * location.apiRoot.
 */
function restRootOf(apiRoot: string): string {
  return apiRoot.replace(/\/api\/(1\.0|latest)\/?$/, "");
}

/** A Bitbucket Server / Data Center adapter; see createBitbucketAdapter. */
export function createBitbucketServerAdapter({ location, token, fetchImpl, gitUrl }: Options): GitHostAdapter {
  const client = createBitbucketServerClient(clientOptions({ baseUrl: restRootOf(location.apiRoot), token, fetchImpl }));
  client.use(keepSlashesInPath);
  const repoPath = { projectKey: location.owner, repositorySlug: location.name };
  const context: RequestContext = { flavor: "server", host: new URL(location.apiRoot).host, subject: location.fullName };
  const about = (subject: string): RequestContext => ({ ...context, subject });

  async function fetchRepository(): Promise<{ repo: ServerRepository; headers: Headers }> {
    const { data, response } = await send(context, () => client.GET("/api/latest/projects/{projectKey}/repos/{repositorySlug}", { params: { path: repoPath } }));
    return { repo: parseAnswer({ flavor: "server", schema: serverRepositorySchema, data, what: location.fullName }), headers: response.headers };
  }

  /** The configured default branch (Bitbucket 7.5+), else the older branches/default. */
  async function fetchDefaultBranch(): Promise<string> {
    try {
      const { data } = await send(context, () => client.GET("/api/latest/projects/{projectKey}/repos/{repositorySlug}/default-branch", { params: { path: repoPath } }));
      return parseAnswer({ flavor: "server", schema: serverDefaultBranchSchema, data, what: "the default branch" }).displayId;
    } catch (error) {
      if (!isHostError(error) || error.code !== "not_found") throw error;
    }
    const { data } = await send(context, () => client.GET("/api/latest/projects/{projectKey}/repos/{repositorySlug}/branches/default", { params: { path: repoPath } }));
    // 204: an empty repository; its first push makes the branch, usually main.
    return data === undefined ? "main" : parseAnswer({ flavor: "server", schema: serverDefaultBranchSchema, data, what: "the default branch" }).displayId;
  }

  /** Whether the repository is among those the token may write to (GET /repos?permission=REPO_WRITE). */
  async function fetchCanPush(repo: ServerRepository): Promise<boolean> {
    const { data } = await send(context, () =>
      client.GET("/api/latest/repos", { params: { query: { projectkey: repo.project.key, name: repo.name, permission: "REPO_WRITE", limit: 100 } } }),
    );
    const page = parseAnswer({ flavor: "server", schema: serverRepositoryPageSchema, data, what: "the token's permissions" });
    return page.values.some((r) => r.slug === repo.slug && r.project.key.toLowerCase() === repo.project.key.toLowerCase());
  }

  async function loadRepository(): Promise<{ info: RepositoryInfo; token: TokenInfo | null }> {
    const { repo, headers } = await fetchRepository();
    const [defaultBranch, canPush] = await Promise.all([fetchDefaultBranch(), token ? fetchCanPush(repo) : Promise.resolve(false)]);
    const info: RepositoryInfo = { fullName: `${repo.project.key}/${repo.slug}`, defaultBranch, canPush, private: !repo.public, webUrl: location.webUrl, gitUrl };
    // HTTP access tokens report neither scopes nor expiry over REST; X-AUSERNAME names the account.
    return { info, token: token ? { scopes: null, missingScopes: [], expiresAt: null, login: headers.get("x-ausername") } : null };
  }

  return {
    async testConnection(): Promise<ConnectionReport> {
      const { info, token: tokenInfo } = await loadRepository();
      return { repository: info, token: tokenInfo };
    },

    async getRepo() {
      return (await loadRepository()).info;
    },

    async listBranches(): Promise<RemoteBranch[]> {
      const branches: RemoteBranch[] = [];
      let start = 0;
      for (let n = 0; n < MAX_PAGES; n++) {
        const { data } = await send(context, () =>
          client.GET("/api/latest/projects/{projectKey}/repos/{repositorySlug}/branches", { params: { path: repoPath, query: { start, limit: PAGE } } }),
        );
        const page = parseAnswer({ flavor: "server", schema: serverBranchPageSchema, data, what: "the branches" });
        branches.push(...page.values.map((b) => ({ name: b.displayId, commit: b.latestCommit })));
        if (page.isLastPage || page.nextPageStart == null) break;
        start = page.nextPageStart;
      }
      return branches;
    },

    async listFiles({ ref, path = "" }): Promise<RemoteFile[]> {
      const folder = path.replace(/^\/+|\/+$/g, "");
      const query = ref ? { at: ref } : {};
      const files: RemoteFile[] = [];
      let start = 0;
      for (let n = 0; n < MAX_PAGES; n++) {
        const { data } = await send(about(`${folder || "the root folder"} in ${location.fullName}`), () =>
          folder
            ? client.GET("/api/latest/projects/{projectKey}/repos/{repositorySlug}/browse/{path}", { params: { path: { ...repoPath, path: folder }, query }, querySerializer: pagedQuery(start) })
            : client.GET("/api/latest/projects/{projectKey}/repos/{repositorySlug}/browse", { params: { path: repoPath, query }, querySerializer: pagedQuery(start) }),
        );
        const children = parseAnswer({ flavor: "server", schema: serverBrowseSchema, data, what: `the folder ${folder || "/"}` }).children;
        if (!children) throw new HostError("not_found", `${folder} is a file in ${location.fullName}, not a folder.`);
        for (const child of children.values) {
          const name = child.path.components.join("/");
          const full = folder ? `${folder}/${name}` : name;
          if (child.type === "FILE") files.push({ path: full, type: "file", size: child.size ?? null });
          else if (child.type === "DIRECTORY") files.push({ path: full, type: "dir", size: null });
        }
        if (children.isLastPage || children.nextPageStart == null) break;
        start = children.nextPageStart;
      }
      return files;
    },

    async readFile({ ref, path }): Promise<Uint8Array> {
      const file = path.replace(/^\/+/, "");
      const { data } = await send(about(`${file} in ${location.fullName}`), () =>
        client.GET("/api/latest/projects/{projectKey}/repos/{repositorySlug}/raw/{path}", { params: { path: { ...repoPath, path: file }, query: ref ? { at: ref } : {} }, parseAs: "arrayBuffer" }),
      );
      return new Uint8Array(data as ArrayBuffer);
    },

    gitRemoteUrl: () => gitUrl,

    // Server's git accepts HTTP access tokens as bearer tokens (5.5+).
    gitAuthHeader: () => (token ? `Bearer ${token}` : null),
  };
}
