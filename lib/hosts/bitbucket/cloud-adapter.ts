// Bitbucket Cloud (REST 2.0) behind the GitHostAdapter interface.
import { createBitbucketCloudClient } from "@coderabbitai/bitbucket/cloud";
import { HostError, isHostError } from "../errors";
import type { ConnectionReport, GitHostAdapter, RemoteBranch, RemoteFile, RepoLocation, RepositoryInfo, TokenInfo } from "../types";
import { cloudApiAuthorization, cloudGitAuthorization, type CloudSignIn } from "./cloud-auth";
import { clientOptions, keepSlashesInPath, type RequestContext, scopesOf, send } from "./http";
import { answerToHostError, toHostError, parseAnswer } from "./to-host-error";
import { cloudBranchPageSchema, cloudPermissionPageSchema, cloudRepositorySchema, cloudTreePageSchema, type CloudRepository } from "./schemas";

/** Pages are followed this far at most (100 entries each). */
const MAX_PAGES = 50;
/** The OpenAPI leaves Cloud's paging parameters out; `pagelen` is added to the query as Bitbucket documents it. */
const pagelen100 = (query: Record<string, unknown> = {}) =>
  new URLSearchParams({ ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])), pagelen: "100" }).toString();

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

type Options = { location: RepoLocation; token: string | null; tokenType?: CloudSignIn["tokenType"]; email?: string | null; fetchImpl: typeof fetch; gitUrl: string };

/** A Bitbucket Cloud adapter; see createBitbucketAdapter. */
export function createBitbucketCloudAdapter({ location, token, tokenType, email, fetchImpl, gitUrl }: Options): GitHostAdapter {
  const signIn = token ? { token, tokenType, email } : null;
  const authorization = signIn ? cloudApiAuthorization(signIn) : undefined;
  const client = createBitbucketCloudClient(clientOptions({ baseUrl: location.apiRoot, token, fetchImpl, authorization }));
  client.use(keepSlashesInPath);
  const repoPath = { workspace: location.owner, repo_slug: location.name };
  const context: RequestContext = { flavor: "cloud", host: new URL(location.apiRoot).host, subject: location.fullName };
  const about = (subject: string): RequestContext => ({ ...context, subject });

  async function fetchRepository(): Promise<{ repo: CloudRepository; headers: Headers }> {
    const { data, response } = await send(context, () => client.GET("/repositories/{workspace}/{repo_slug}", { params: { path: repoPath } }));
    return { repo: parseAnswer({ flavor: "cloud", schema: cloudRepositorySchema, data, what: location.fullName }), headers: response.headers };
  }

  /**
   * The token's permission on the repository, as /user/permissions/repositories
   * reports it. Repository and workspace access tokens are no user, and that
   * endpoint may refuse them: then null, and the scopes decide.
   */
  async function fetchPermission(fullName: string): Promise<{ permission: string; login: string | null } | null> {
    try {
      const { data } = await send(context, () =>
        client.GET("/user/permissions/repositories", { params: { query: { q: `repository.full_name="${fullName}"` } } }),
      );
      const first = parseAnswer({ flavor: "cloud", schema: cloudPermissionPageSchema, data, what: "the token's permissions" }).values[0];
      return first ? { permission: first.permission, login: first.user?.nickname ?? first.user?.display_name ?? null } : null;
    } catch (error) {
      if (isHostError(error) && (error.code === "rate_limited" || error.code === "unreachable" || error.code === "tls")) throw error;
      return null;
    }
  }

  async function loadRepository(): Promise<{ info: RepositoryInfo; token: TokenInfo | null }> {
    const { repo, headers } = await fetchRepository();
    const scopes = scopesOf(headers);
    const permission = token ? await fetchPermission(repo.full_name) : null;
    const canPush = permission ? ["admin", "write"].includes(permission.permission) : Boolean(scopes?.some((s) => s === "repository:write" || s === "repository:admin"));
    const info: RepositoryInfo = {
      fullName: repo.full_name,
      // An empty repository has no main branch yet; its first push makes one, usually main.
      defaultBranch: repo.mainbranch?.name ?? "main",
      canPush: Boolean(token) && canPush,
      private: repo.is_private ?? true,
      webUrl: repo.links?.html?.href ?? location.webUrl,
      gitUrl,
    };
    if (!token) return { info, token: null };
    const missingScopes = scopes && !scopes.some((s) => s.startsWith("repository")) ? ["repository"] : [];
    // Bitbucket reports no expiry for access tokens or app passwords.
    return { info, token: { scopes, missingScopes, expiresAt: null, login: permission?.login ?? null } };
  }

  async function resolveRef(ref: string | undefined): Promise<string> {
    return ref || ((await fetchRepository()).repo.mainbranch?.name ?? "main");
  }

  /** Follows Cloud's `next` links, which stay under the API root. */
  async function followNext(next: string): Promise<unknown> {
    if (!next.startsWith(`${location.apiRoot}/`)) throw new HostError("upstream", "Bitbucket pointed the next page elsewhere; the listing was stopped.");
    let response: Response;
    try {
      response = await fetchImpl(next, { headers: clientOptions({ baseUrl: location.apiRoot, token, fetchImpl, authorization }).headers });
    } catch (error) {
      throw toHostError({ flavor: "cloud", error, host: context.host });
    }
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: left as text, which the page's schema then refuses.
    }
    if (!response.ok) throw answerToHostError({ flavor: "cloud", response, body, subject: location.fullName });
    return body;
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
      const { data } = await send(context, () => client.GET("/repositories/{workspace}/{repo_slug}/refs/branches", { params: { path: repoPath }, querySerializer: pagelen100 }));
      let page = parseAnswer({ flavor: "cloud", schema: cloudBranchPageSchema, data, what: "the branches" });
      const branches = page.values.map((b) => ({ name: b.name, commit: b.target.hash }));
      for (let n = 1; page.next && n < MAX_PAGES; n++) {
        page = parseAnswer({ flavor: "cloud", schema: cloudBranchPageSchema, data: await followNext(page.next), what: "the branches" });
        branches.push(...page.values.map((b) => ({ name: b.name, commit: b.target.hash })));
      }
      return branches;
    },

    async listFiles({ ref, path = "" }): Promise<RemoteFile[]> {
      const commit = await resolveRef(ref);
      const folder = path.replace(/^\/+|\/+$/g, "");
      // The trailing slash asks for the folder's listing rather than a file.
      const { data, response } = await send(about(`${folder || "the root folder"} at ${commit} in ${location.fullName}`), () =>
        client.GET("/repositories/{workspace}/{repo_slug}/src/{commit}/{path}", { params: { path: { ...repoPath, commit, path: folder ? `${folder}/` : "" } }, querySerializer: pagelen100, parseAs: "text" }),
      );
      if (!response.headers.get("content-type")?.includes("application/json")) {
        throw new HostError("not_found", `${folder} is a file in ${location.fullName}, not a folder.`);
      }
      let page = parseAnswer({ flavor: "cloud", schema: cloudTreePageSchema, data: parseJson(String(data)), what: `the folder ${folder || "/"}` });
      const entries = [...page.values];
      for (let n = 1; page.next && n < MAX_PAGES; n++) {
        page = parseAnswer({ flavor: "cloud", schema: cloudTreePageSchema, data: await followNext(page.next), what: `the folder ${folder || "/"}` });
        entries.push(...page.values);
      }
      return entries.flatMap((e): RemoteFile[] => {
        if (e.type === "commit_directory") return [{ path: e.path.replace(/\/$/, ""), type: "dir", size: null }];
        if (e.type === "commit_file") return [{ path: e.path, type: "file", size: e.size ?? null }];
        return []; // submodule links are not files Benchtop can read
      });
    },

    async readFile({ ref, path }): Promise<Uint8Array> {
      const commit = await resolveRef(ref);
      const file = path.replace(/^\/+/, "");
      const { data } = await send(about(`${file} at ${commit} in ${location.fullName}`), () =>
        client.GET("/repositories/{workspace}/{repo_slug}/src/{commit}/{path}", { params: { path: { ...repoPath, commit, path: file } }, parseAs: "arrayBuffer" }),
      );
      return new Uint8Array(data as ArrayBuffer);
    },

    gitRemoteUrl: () => gitUrl,

    // An access token as the password of "x-token-auth", a person's API token of "x-bitbucket-api-token-auth" (cloud-auth.ts).
    gitAuthHeader: () => (signIn ? cloudGitAuthorization(signIn) : null),
  };
}
