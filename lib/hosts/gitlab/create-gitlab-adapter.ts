import { Branches, PersonalAccessTokens, Projects, Repositories, RepositoryFiles, Users } from "@gitbeaker/rest";
import { z } from "zod";
import { HostError, isHostError } from "../errors";
import { createSafeFetch } from "../safe-fetch";
import type { ConnectionReport, GitHostAdapter, RemoteBranch, RemoteFile, RepoLocation, RepositoryInfo } from "../types";
import { createGitLabRequesterFn } from "./requester";
import { branchListSchema, currentUserSchema, projectSchema, tokenSelfSchema, treeSchema, type GitLabProject, type GitLabTokenSelf } from "./schemas";
import { toHostError, type GitLabSubject } from "./to-host-error";
import { DEVELOPER_ACCESS, expiryToIso, findMissingScopes, scopesAllowPush } from "./token-scopes";

export type CreateGitLabAdapterOptions = {
  location: RepoLocation;
  /** A personal (or project/group) access token, or an OAuth access token; null for public projects. */
  token: string | null;
  /** How GitLab expects the token: `PRIVATE-TOKEN` for access tokens (default), `Authorization: Bearer` for OAuth. */
  tokenType?: "personal" | "oauth";
  /** Defaults to createSafeFetch(); tests may pass another. */
  fetch?: typeof globalThis.fetch;
};

const PER_PAGE = 100;
// Folders and branch lists beyond this are cut short rather than costing hundreds of requests.
const MAX_PAGES = 20;

const blobSchema = z.custom<Blob>((value) => typeof value === "object" && value !== null && typeof (value as Blob).arrayBuffer === "function");
const rawSchema = z.union([z.string(), blobSchema]);

const cleanPath = (path: string | undefined) => (path ?? "").replace(/^\/+|\/+$/g, "");

/** The gitbeaker resources the adapter uses, all sending through one requester. */
function createApi({ location, token, tokenType, fetch }: Required<Omit<CreateGitLabAdapterOptions, "token">> & { token: string | null }) {
  const auth = token ? (tokenType === "oauth" ? { oauthToken: token } : { token }) : {};
  const config = {
    // gitbeaker derives {host}/api/v4 itself; the requester sends to location.apiRoot as given.
    host: location.apiRoot.replace(/\/api\/v4\/?$/, ""),
    requesterFn: createGitLabRequesterFn({ apiRoot: location.apiRoot, fetch }),
    queryTimeout: 30_000,
    ...auth,
  };
  return {
    projects: new Projects(config),
    branches: new Branches(config),
    repositories: new Repositories(config),
    files: new RepositoryFiles(config),
    tokens: new PersonalAccessTokens(config),
    users: new Users(config),
  };
}

function toRepositoryInfo({ project, self, location, hasToken }: { project: GitLabProject; self: GitLabTokenSelf | null; location: RepoLocation; hasToken: boolean }): RepositoryInfo {
  return {
    fullName: project.path_with_namespace,
    // An empty project has no default branch yet; its first push makes one.
    defaultBranch: project.default_branch ?? "main",
    canPush: hasToken && roleMayPush(project) && scopesAllowPush(self?.scopes ?? null) && !project.archived,
    private: project.visibility !== "public",
    webUrl: project.web_url,
    gitUrl: location.gitUrl,
  };
}

/** Developer (30) or above, directly on the project or through its groups. */
function roleMayPush(project: GitLabProject): boolean {
  const levels = [project.permissions?.project_access?.access_level ?? 0, project.permissions?.group_access?.access_level ?? 0];
  return Math.max(...levels) >= DEVELOPER_ACCESS;
}

/**
 * The adapter for a project on gitlab.com or a self-managed GitLab, through
 * @gitbeaker/rest with every request sent by `fetch` (createSafeFetch() by
 * default) to `location.apiRoot`. Access tokens go in `PRIVATE-TOKEN`; git
 * gets HTTP Basic `oauth2:<token>`, which GitLab accepts for every kind of token.
 * Throws only HostError.
 */
export function createGitLabAdapter({ location, token, tokenType = "personal", fetch = createSafeFetch() }: CreateGitLabAdapterOptions): GitHostAdapter {
  const api = createApi({ location, token, tokenType, fetch });
  const subject: GitLabSubject = { fullName: location.fullName, host: new URL(location.apiRoot).host };
  const projectId = location.fullName;

  async function call<T>(run: () => Promise<unknown>, schema: z.ZodType<T>, about: GitLabSubject = subject): Promise<T> {
    try {
      return schema.parse(await run());
    } catch (error) {
      throw toHostError(error, about);
    }
  }

  /** The token's own record (scopes, expiry); null without a personal token or where GitLab has no such endpoint (before 15.5). */
  async function loadTokenSelf(): Promise<GitLabTokenSelf | null> {
    if (!token || tokenType !== "personal") return null;
    try {
      return await call(() => api.tokens.show(), tokenSelfSchema);
    } catch (error) {
      if (isHostError(error) && ["not_found", "no_permission", "missing_scopes"].includes(error.code)) return null;
      throw error;
    }
  }

  async function loadLogin(): Promise<string | null> {
    try {
      return (await call(() => api.users.showCurrentUser(), currentUserSchema)).username;
    } catch (error) {
      // A token without read_user/read_api may not read its own profile; that is no reason to fail the test.
      if (isHostError(error) && ["missing_scopes", "no_permission", "not_found"].includes(error.code)) return null;
      throw error;
    }
  }

  async function loadRepository(): Promise<{ project: GitLabProject; self: GitLabTokenSelf | null }> {
    const [project, self] = await Promise.allSettled([call(() => api.projects.show(projectId), projectSchema), loadTokenSelf()]);
    if (project.status === "rejected") {
      const error = project.reason as HostError;
      const scopes = self.status === "fulfilled" ? self.value?.scopes : null;
      if (error.code === "missing_scopes" && scopes) {
        const missing = findMissingScopes({ scopes, roleMayPush: false });
        const has = scopes.length ? scopes.join(", ") : "none";
        throw new HostError("missing_scopes", `The token's scopes (${has}) do not let Benchtop read ${location.fullName}: add ${missing.join(", ") || "read_api"}, or create a new token with them.`, { cause: error });
      }
      throw error;
    }
    if (self.status === "rejected") throw self.reason;
    return { project: project.value, self: self.value };
  }

  return {
    async testConnection(): Promise<ConnectionReport> {
      const [{ project, self }, login] = await Promise.all([loadRepository(), token ? loadLogin() : Promise.resolve(null)]);
      const repository = toRepositoryInfo({ project, self, location, hasToken: Boolean(token) });
      if (!token) return { repository, token: null };
      const scopes = self?.scopes ?? null;
      return {
        repository,
        token: {
          scopes,
          missingScopes: scopes ? findMissingScopes({ scopes, roleMayPush: roleMayPush(project) }) : [],
          expiresAt: expiryToIso(self?.expires_at),
          login,
        },
      };
    },

    async getRepo(): Promise<RepositoryInfo> {
      const { project, self } = await loadRepository();
      return toRepositoryInfo({ project, self, location, hasToken: Boolean(token) });
    },

    async listBranches(): Promise<RemoteBranch[]> {
      const branches = await call(() => api.branches.all(projectId, { perPage: PER_PAGE, maxPages: MAX_PAGES }), branchListSchema);
      return branches.map((b) => ({ name: b.name, commit: b.commit.id }));
    },

    async listFiles({ ref, path }: { ref?: string; path?: string }): Promise<RemoteFile[]> {
      const folder = cleanPath(path);
      const entries = await call(
        () => api.repositories.allRepositoryTrees(projectId, { path: folder || undefined, ref, perPage: PER_PAGE, maxPages: MAX_PAGES }),
        treeSchema,
        { ...subject, folder: { path: folder, ref: ref ?? null } },
      );
      // Submodules ("commit" entries) are other repositories, not files of this one.
      return entries.filter((e) => e.type !== "commit").map((e) => ({ path: e.path, type: e.type === "tree" ? "dir" : "file", size: null }));
    },

    async readFile({ ref, path }: { ref?: string; path: string }): Promise<Uint8Array> {
      const file = cleanPath(path);
      const about = { ...subject, file: { path: file, ref: ref ?? null } };
      if (!file || file.split("/").some((s) => s === "" || s === "." || s === "..")) {
        throw new HostError("not_found", `${path} is not a file path in ${location.fullName}.`);
      }
      // The raw endpoint answers bytes as they are (no base64, binary-safe); HEAD is the default branch.
      const body = await call(() => api.files.showRaw(projectId, file, ref ?? "HEAD"), rawSchema, about);
      return typeof body === "string" ? new TextEncoder().encode(body) : new Uint8Array(await body.arrayBuffer());
    },

    gitRemoteUrl(): string {
      return location.gitUrl;
    },

    gitAuthHeader(): string | null {
      return token ? `Basic ${Buffer.from(`oauth2:${token}`).toString("base64")}` : null;
    },
  };
}
