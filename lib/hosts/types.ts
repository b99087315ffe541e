import type { AccessRequest } from "../errors";

/** The kinds of source a user can register (API.md "Providers"). */
export const providers = ["github", "github-enterprise", "gitlab", "gitlab-self-managed", "bitbucket", "bitbucket-server", "s3"] as const;
export type Provider = (typeof providers)[number];
export type GitProvider = Exclude<Provider, "s3">;

/**
 * How a token signs in, where a host tells kinds apart: "personal" (an access
 * token), "oauth" (GitLab sends OAuth tokens as Bearer), or "api-token" (a
 * person's Atlassian API token for Bitbucket Cloud, which signs in with the
 * account's email; see hosts/bitbucket/cloud-auth.ts).
 */
export type TokenType = "personal" | "oauth" | "api-token";

/**
 * The OAuth App or GitHub App that issued a connection's token (the app an
 * administrator registered for the host), or null for a personal access
 * token. GitHub organizations restrict apps, not people's own tokens: with it
 * the adapter can say where to ask an organization to let the app in.
 */
export type HostApp = { kind: "oauth-app" | "github-app"; clientId: string };

/** Where a git repository is, parsed from what the user typed (browser URL or clone URL). */
export type RepoLocation = {
  provider: GitProvider;
  /** https://github.com, https://ghe.example.com, https://host:8443 ... */
  origin: string;
  /** REST root derived as API.md says, e.g. {origin}/api/v3. */
  apiRoot: string;
  /** Owner, group path (GitLab, may contain "/"), workspace (Bitbucket Cloud) or project key (Bitbucket Server). */
  owner: string;
  /** Repository name or slug. */
  name: string;
  /** owner/name as the provider shows it. */
  fullName: string;
  /** The repository's page. */
  webUrl: string;
  /** The https clone URL. */
  gitUrl: string;
};

export type RepositoryInfo = {
  fullName: string;
  defaultBranch: string;
  /** Whether the credential may push (false without a credential). */
  canPush: boolean;
  private: boolean;
  webUrl: string;
  gitUrl: string;
};

export type TokenInfo = {
  /** Scopes the provider reports for the token; null when it reports none. */
  scopes: string[] | null;
  /** Scopes Benchtop needs that the token lacks. */
  missingScopes: string[];
  /** When the token expires, as the provider reports it (ISO 8601), else null. */
  expiresAt: string | null;
  /** The account the token belongs to, when the provider says. */
  login: string | null;
};

export type ConnectionReport = { repository: RepositoryInfo; token: TokenInfo | null };

export type RemoteBranch = { name: string; commit: string };

export type RemoteFile = { path: string; type: "file" | "dir"; size: number | null };

/**
 * One git host (github, gitlab, bitbucket) for one repository and credential.
 * Created per request with its credential; keeps no module state; throws only
 * HostError (see errors.ts).
 */
export interface GitHostAdapter {
  /** Checks the repository and the credential together; the report says what was found. */
  testConnection(): Promise<ConnectionReport>;
  getRepo(): Promise<RepositoryInfo>;
  listBranches(): Promise<RemoteBranch[]>;
  /** Entries of one folder ("" = root) at a ref (default branch when absent). */
  listFiles(options: { ref?: string; path?: string }): Promise<RemoteFile[]>;
  readFile(options: { ref?: string; path: string }): Promise<Uint8Array>;
  /** The URL git clones from. */
  gitRemoteUrl(): string;
  /** The Authorization header git needs, in the provider's convention; null without a credential. */
  gitAuthHeader(): string | null;
}

export type S3Location = { bucket: string; region: string | null; endpoint: string | null };
export type S3Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string | null };

export type BucketReport = { bucket: string; canList: boolean; canRead: boolean; objectCount: number; message: string };

/** An S3 bucket (AWS or S3-compatible) as a file source. */
export interface FileSourceAdapter {
  testConnection(): Promise<BucketReport>;
  /** Objects and "folders" directly under `prefix` ("" = top). */
  listFiles(options: { prefix?: string }): Promise<RemoteFile[]>;
  readFile(options: { path: string }): Promise<Uint8Array>;
}

/** Who a token belongs to at a host (a connection's account, not one repository). */
export type Viewer = {
  /** The account's login (user name). */
  login: string;
  /** Scopes the host reports for the token; null when it reports none. */
  scopes: string[] | null;
  /** ISO 8601, or null when the host says nothing of an expiry. */
  expiresAt: string | null;
  /** The account's immutable id, for hosts that name users by it (Bitbucket Cloud's UUID); absent elsewhere. */
  accountId?: string;
};

export type GetViewerOptions = {
  provider: GitProvider;
  /** https://github.com, http://127.0.0.1:8080 ... */
  origin: string;
  /** The REST root (e.g. {origin}/api/v3, https://api.github.com). */
  apiRoot: string;
  token: string;
  /** Bitbucket Cloud only: the Atlassian account's email a person's API token signs in with (HTTP Basic); without it the token goes as Bearer (access tokens). */
  email?: string | null;
  /** For tests; defaults to the safe fetch. */
  fetch?: typeof fetch;
};

/** A repository a connected account can reach, for the add-repository autocomplete. */
export type ViewerRepository = {
  fullName: string;
  /** The address to register it by (as the browser shows it). */
  webUrl: string;
  defaultBranch: string | null;
  /** null where the host's listing does not say (GitLab's simple listing). */
  private: boolean | null;
};

export type ListViewerRepositoriesOptions = {
  provider: GitProvider;
  apiRoot: string;
  token: string;
  /** GitLab only: an OAuth token goes as Bearer, an access token as PRIVATE-TOKEN. */
  tokenType?: TokenType;
  search?: string;
  fetch?: typeof globalThis.fetch;
};

export type CheckOrganizationAccessOptions = {
  provider: GitProvider;
  /** The host's web origin, where its pages for asking for access are. */
  origin: string;
  apiRoot: string;
  token: string;
  /** The token's account (the connection's login). */
  login: string;
  /** The app the token was issued to; without one (a personal access token) no organization restricts it. */
  app: HostApp | null;
  fetch?: typeof globalThis.fetch;
};

/**
 * What an app-issued connection cannot see and where to change that, beside
 * the repositories it lists: one AccessRequest per organization found to keep
 * the app out; the page where the user asks any other organization to let it
 * in (GitHub does not show every organization that keeps an app out: a GitHub
 * App's token sees only where it is installed, private memberships stay
 * hidden); and for a GitHub App, the page where the user edits which
 * repositories it may read (its installation on the user's account).
 */
export type OrganizationAccess = {
  accessRequests: AccessRequest[];
  permissionsUrl: string | null;
  /** The app's kind and the page to ask any organization on (an AccessRequest without the organization). */
  requestAccess: Omit<AccessRequest, "organization"> | null;
};

/**
 * A provider's lookups about an account rather than one repository (for
 * connections): who the token is, and which repositories it reaches. Each
 * provider's folder implements it; throws only HostError.
 */
export interface HostAccounts {
  getViewer(options: GetViewerOptions): Promise<Viewer>;
  listViewerRepositories(options: ListViewerRepositoriesOptions): Promise<ViewerRepository[]>;
  /** Hosts whose organizations can keep an app out (GitHub): which do, and where to ask. */
  checkOrganizationAccess?(options: CheckOrganizationAccessOptions): Promise<OrganizationAccess>;
}
