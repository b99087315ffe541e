// Who a token belongs to at a git host, for connections (the user's own
// account at a host, not one repository). Goes through the safe fetch like the
// adapters; every failure is a HostError.
import { HostError } from "./errors";
import { toHostError as toGitHubHostError } from "./github/to-host-error";
import { createOctokit } from "./github/octokit";
import { githubUserSchema } from "./github/schemas";
import { parseScopes, parseTokenExpiry } from "./github/token-info";
import { expiryToIso } from "./gitlab/token-scopes";
import { createSafeFetch } from "./safe-fetch";
import type { GitProvider } from "./types";

export type Viewer = {
  /** The account's login (user name). */
  login: string;
  /** Scopes the host reports for the token; null when it reports none. */
  scopes: string[] | null;
  /** ISO 8601, or null when the host says nothing of an expiry. */
  expiresAt: string | null;
};

export type GetViewerOptions = {
  provider: GitProvider;
  /** https://github.com, http://127.0.0.1:8080 ... */
  origin: string;
  /** The REST root (e.g. {origin}/api/v3, https://api.github.com). */
  apiRoot: string;
  token: string;
  /** For tests; defaults to the safe fetch. */
  fetch?: typeof fetch;
};

const noop = () => {};
const hostOf = (origin: string) => new URL(origin).host;

const label: Record<GitProvider, string> = {
  github: "GitHub",
  "github-enterprise": "GitHub Enterprise",
  gitlab: "GitLab",
  "gitlab-self-managed": "GitLab",
  bitbucket: "Bitbucket",
  "bitbucket-server": "Bitbucket",
};

async function githubViewer({ origin, apiRoot, token, fetch }: GetViewerOptions): Promise<Viewer> {
  const octokit = createOctokit({ apiRoot, token, fetch });
  const context = { host: hostOf(origin), subject: "The token's account" };
  try {
    const answer = await octokit.rest.users.getAuthenticated();
    if (answer.status >= 300) throw new HostError("upstream", `${context.host} answered with a redirect (${answer.status}); check the host.`);
    const headers = answer.headers as Record<string, string | number | undefined>;
    return { login: githubUserSchema.parse(answer.data).login, scopes: parseScopes(headers), expiresAt: parseTokenExpiry(headers) };
  } catch (error) {
    throw toGitHubHostError(error, context);
  }
}

/** A failed answer of GitLab or Bitbucket, in words that say what to fix. */
function statusError(provider: GitProvider, host: string, response: Response): HostError {
  const name = label[provider];
  if (response.status === 401) return new HostError("bad_credentials", `${name} at ${host} refused the token: it is wrong, expired or revoked. Create a new token and give it here.`);
  if (response.status === 429) return new HostError("rate_limited", `${name} at ${host} is limiting requests for this token. Try again later.`, { resetAt: new Date(Date.now() + 60_000) });
  if (response.status === 403) return new HostError("no_permission", `${name} at ${host} refused to say whose token this is. Give a token that may read its own account (GitLab: read_user or api; Bitbucket: account read).`);
  if (response.status === 404) return new HostError("not_found", `${host} does not answer like ${name}. Check the host and the provider.`);
  return new HostError("upstream", `${name} at ${host} answered with an error (${response.status}). Try again later.`);
}

async function getJson(url: string, init: RequestInit, fetchImpl: typeof fetch, provider: GitProvider, host: string): Promise<{ body: Record<string, unknown>; headers: Headers }> {
  let response: Response;
  try {
    response = await fetchImpl(url, init);
  } catch (error) {
    throw toGitHubHostError(error, { host, subject: "The token's account" });
  }
  if (!response.ok) {
    await response.body?.cancel().catch(noop);
    throw statusError(provider, host, response);
  }
  try {
    return { body: (await response.json()) as Record<string, unknown>, headers: response.headers };
  } catch (error) {
    throw new HostError("upstream", `${host} answered in a shape Benchtop does not understand. Check the host and the provider.`, { cause: error });
  }
}

async function gitlabViewer({ provider, origin, apiRoot, token, fetch }: GetViewerOptions): Promise<Viewer> {
  const fetchImpl = fetch ?? createSafeFetch();
  const host = hostOf(origin);
  const root = apiRoot.replace(/\/+$/, "");
  const init = { headers: { authorization: `Bearer ${token}`, accept: "application/json" }, redirect: "manual" as const };
  const { body: user } = await getJson(`${root}/user`, init, fetchImpl, provider, host);
  if (typeof user.username !== "string") throw new HostError("upstream", `${host} answered in a shape Benchtop does not understand. Check the host and the provider.`);
  // Personal, group and project access tokens describe themselves; OAuth tokens do not.
  let scopes: string[] | null = null;
  let expiresAt: string | null = null;
  try {
    const { body: self } = await getJson(`${root}/personal_access_tokens/self`, init, fetchImpl, provider, host);
    if (Array.isArray(self.scopes)) scopes = self.scopes.map(String);
    expiresAt = expiryToIso(typeof self.expires_at === "string" ? self.expires_at : null);
  } catch {
    // not a personal access token, or an older GitLab: nothing more to report
  }
  return { login: user.username, scopes, expiresAt };
}

async function bitbucketViewer({ provider, origin, apiRoot, token, fetch }: GetViewerOptions): Promise<Viewer> {
  const fetchImpl = fetch ?? createSafeFetch();
  const host = hostOf(origin);
  const init = { headers: { authorization: `Bearer ${token}`, accept: "application/json" }, redirect: "manual" as const };
  if (provider === "bitbucket") {
    const { body, headers } = await getJson(`${apiRoot.replace(/\/+$/, "")}/user`, init, fetchImpl, provider, host);
    const login = typeof body.username === "string" ? body.username : typeof body.nickname === "string" ? body.nickname : null;
    if (!login) throw new HostError("upstream", `${host} answered in a shape Benchtop does not understand. Check the host and the provider.`);
    const scopeHeader = headers.get("x-oauth-scopes");
    return { login, scopes: scopeHeader ? scopeHeader.split(",").map((s) => s.trim()).filter(Boolean) : null, expiresAt: null };
  }
  // Bitbucket Server and Data Center name the caller through the application-links servlet.
  let response: Response;
  try {
    response = await fetchImpl(`${origin.replace(/\/+$/, "")}/plugins/servlet/applinks/whoami`, { headers: { authorization: `Bearer ${token}` }, redirect: "manual" });
  } catch (error) {
    throw toGitHubHostError(error, { host, subject: "The token's account" });
  }
  const login = response.ok ? (await response.text()).trim() : "";
  if (!response.ok) {
    await response.body?.cancel().catch(noop);
    throw statusError(provider, host, response);
  }
  if (!login) throw new HostError("bad_credentials", `Bitbucket at ${host} did not accept the token (it answered as an anonymous caller). Create a new HTTP access token and give it here.`);
  return { login, scopes: null, expiresAt: null };
}

/** The account a token belongs to at a host, with its scopes and expiry as the host reports them. */
export async function getViewer(options: GetViewerOptions): Promise<Viewer> {
  switch (options.provider) {
    case "github":
    case "github-enterprise":
      return githubViewer(options);
    case "gitlab":
    case "gitlab-self-managed":
      return gitlabViewer(options);
    case "bitbucket":
    case "bitbucket-server":
      return bitbucketViewer(options);
  }
}
