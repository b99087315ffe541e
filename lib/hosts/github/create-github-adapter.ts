import { HostError } from "../errors";
import type { ConnectionReport, GitHostAdapter, HostApp, RemoteBranch, RemoteFile, RepoLocation, RepositoryInfo } from "../types";
import { withAccessRequest } from "./access-request";
import { type FailureContext, movedError, toHostError } from "./to-host-error";
import { createOctokit } from "./octokit";
import {
  type GitHubContentEntry,
  githubBranchListSchema,
  githubContentDirectorySchema,
  githubContentEntrySchema,
  githubContentFileSchema,
  githubRepoSchema,
  githubUserSchema,
} from "./schemas";
import { readTokenInfo } from "./token-info";

export type CreateGitHubAdapterOptions = {
  location: RepoLocation;
  /** A classic or fine-grained personal access token, an OAuth token, or null for public repositories. */
  token: string | null;
  /** The app that issued the token (a connection's), so that an organization keeping it out comes with the page to ask on. */
  app?: HostApp | null;
  /** For tests; defaults to the safe fetch (no private addresses, no redirects, time limits). */
  fetch?: typeof fetch;
};

type Answer = { status: number; headers: Record<string, string | number | undefined>; data: unknown };


/** GitHub's older answer for a file over 1 MB asked for as JSON: 403 with an error coded "too_large". */
function isTooLargeForInline(error: unknown): boolean {
  const data = (error as { cause?: { response?: { data?: { errors?: { code?: string }[] } } } }).cause?.response?.data;
  return error instanceof HostError && error.code === "no_permission" && Array.isArray(data?.errors) && data.errors.some((e) => e?.code === "too_large");
}

const trimPath = (path: string | undefined) => (path ?? "").replace(/^\/+|\/+$/g, "");

function toRemoteFile(entry: GitHubContentEntry): RemoteFile | null {
  // Submodules point into other repositories: there is nothing here to list or read.
  if (entry.type === "submodule") return null;
  return { path: entry.path, type: entry.type === "dir" ? "dir" : "file", size: entry.type === "dir" ? null : entry.size };
}

/**
 * The adapter for one GitHub repository (github.com, or GitHub Enterprise
 * Server at `location.apiRoot`) and one credential, on @octokit/rest. Create
 * one per request; it keeps no state beyond its client. Every failure is a
 * HostError (bad_credentials, not_found, no_permission, rate_limited,
 * unreachable, tls, upstream).
 */
export function createGitHubAdapter({ location, token, app = null, fetch }: CreateGitHubAdapterOptions): GitHostAdapter {
  const octokit = createOctokit({ apiRoot: location.apiRoot, token, fetch });
  const repo = { owner: location.owner, repo: location.name };
  const host = new URL(location.origin).host;
  const about = (subject: string): FailureContext => ({ host, subject, owner: location.owner });
  const repoContext = about(`The repository ${location.fullName}`);

  /** A failure as a HostError, with the page to ask on when an organization keeps the connection's app out. */
  const fail = (error: unknown, context: FailureContext) => withAccessRequest(toHostError(error, context), context, { octokit, origin: location.origin, app });

  /** Runs one call; a 3xx (not followed) means the repository moved. */
  async function call(context: FailureContext, run: () => Promise<Answer>): Promise<Answer> {
    try {
      const answer = await run();
      if (answer.status >= 300) throw movedError(context);
      return answer;
    } catch (error) {
      throw await fail(error, context);
    }
  }

  const parse = <T>(context: FailureContext, parser: { parse(data: unknown): T }, data: unknown): T => {
    try {
      return parser.parse(data);
    } catch (error) {
      throw toHostError(error, context);
    }
  };

  async function fetchRepo(): Promise<{ info: RepositoryInfo; headers: Answer["headers"] }> {
    const answer = await call(repoContext, () => octokit.rest.repos.get(repo));
    const data = parse(repoContext, githubRepoSchema, answer.data);
    const info: RepositoryInfo = {
      fullName: data.full_name,
      defaultBranch: data.default_branch,
      canPush: data.permissions?.push ?? false,
      private: data.private,
      webUrl: data.html_url,
      gitUrl: data.clone_url,
    };
    return { info, headers: answer.headers };
  }

  /** The token's account; null when the token may not read it (GitHub App tokens). */
  async function fetchLogin(): Promise<string | null> {
    const context = { host, subject: "The token's account" };
    try {
      const answer = await call(context, () => octokit.rest.users.getAuthenticated());
      return parse(context, githubUserSchema, answer.data).login;
    } catch (error) {
      if (error instanceof HostError && (error.code === "no_permission" || error.code === "not_found")) return null;
      throw error;
    }
  }

  async function getContent(context: FailureContext, options: { path: string; ref?: string }): Promise<unknown> {
    const answer = await call(context, () => octokit.rest.repos.getContent({ ...repo, path: options.path, ...(options.ref ? { ref: options.ref } : {}) }));
    return answer.data;
  }

  async function readRaw(context: FailureContext, options: { path: string; ref?: string }): Promise<Uint8Array> {
    const answer = await call(context, () =>
      octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
        ...repo,
        path: options.path,
        ...(options.ref ? { ref: options.ref } : {}),
        headers: { accept: "application/vnd.github.raw" },
        request: { parseSuccessResponseBody: false },
      }),
    );
    try {
      return new Uint8Array(await new Response(answer.data as ReadableStream<Uint8Array>).arrayBuffer());
    } catch (error) {
      throw toHostError(error, context);
    }
  }

  return {
    async testConnection(): Promise<ConnectionReport> {
      const { info, headers } = await fetchRepo();
      if (!token) return { repository: info, token: null };
      const login = await fetchLogin();
      return { repository: info, token: readTokenInfo({ headers, isPrivate: info.private, login }) };
    },

    async getRepo() {
      return (await fetchRepo()).info;
    },

    async listBranches(): Promise<RemoteBranch[]> {
      const branches: RemoteBranch[] = [];
      try {
        for await (const page of octokit.paginate.iterator(octokit.rest.repos.listBranches, { ...repo, per_page: 100 })) {
          if (page.status >= 300) throw movedError(repoContext);
          for (const branch of parse(repoContext, githubBranchListSchema, page.data)) branches.push({ name: branch.name, commit: branch.commit.sha });
        }
      } catch (error) {
        throw await fail(error, repoContext);
      }
      return branches;
    },

    async listFiles({ ref, path }): Promise<RemoteFile[]> {
      const folder = trimPath(path);
      const context = about(folder ? `The folder ${folder} in ${location.fullName}${ref ? ` at ${ref}` : ""}` : `The repository ${location.fullName}${ref ? ` at ${ref}` : ""}`);
      const data = await getContent(context, { path: folder, ref });
      // Asked for a file, GitHub answers with the file itself.
      const entries = Array.isArray(data) ? parse(context, githubContentDirectorySchema, data) : [parse(context, githubContentEntrySchema, data)];
      return entries.map(toRemoteFile).filter((file): file is RemoteFile => file !== null);
    },

    async readFile({ ref, path }): Promise<Uint8Array> {
      const file = trimPath(path);
      const context = about(`The file ${file} in ${location.fullName}${ref ? ` at ${ref}` : ""}`);
      let data: unknown;
      try {
        data = await getContent(context, { path: file, ref });
      } catch (error) {
        if (isTooLargeForInline(error)) return readRaw(context, { path: file, ref });
        throw error;
      }
      if (Array.isArray(data)) throw new HostError("not_found", `${file} is a folder in ${location.fullName}, not a file.`);
      const entry = parse(context, githubContentEntrySchema, data);
      if (entry.type !== "file") throw new HostError("not_supported", `${file} is a ${entry.type} in ${location.fullName}; Benchtop reads only files.`);
      const content = parse(context, githubContentFileSchema, data);
      // Up to 1 MB the content comes inline (base64); larger files are fetched raw.
      if (content.encoding === "base64" && (content.content !== "" || content.size === 0)) return new Uint8Array(Buffer.from(content.content, "base64"));
      return readRaw(context, { path: file, ref });
    },

    gitRemoteUrl() {
      return location.gitUrl;
    },

    gitAuthHeader() {
      // GitHub's convention for tokens over git: any user name, by custom "x-access-token".
      return token ? `Basic ${Buffer.from(`x-access-token:${token}`).toString("base64")}` : null;
    },
  };
}
