import { HostError } from "../errors";
import { assertLocationAllowed } from "../network-policy";
import { createSafeFetch } from "../safe-fetch";
import type { GitHostAdapter, RepoLocation, TokenType } from "../types";
import { createBitbucketCloudAdapter } from "./cloud-adapter";
import { createBitbucketServerAdapter } from "./server-adapter";

export type CreateBitbucketAdapterOptions = {
  /** A parsed location whose provider is `bitbucket` (Cloud) or `bitbucket-server` (Server / Data Center). */
  location: RepoLocation;
  /** A Cloud access token or a person's API token, or a Server HTTP access token; null for public repositories. */
  token: string | null;
  /** Cloud only: "api-token" for a person's Atlassian API token (signs in with `email`); anything else is an access token. */
  tokenType?: TokenType;
  /** Cloud only: the Atlassian account's email a person's API token signs in to the REST API with. */
  email?: string | null;
  /** Defaults to createSafeFetch(); every request must go through a fetch that keeps the network policy. */
  fetch?: typeof fetch;
  /**
   * Cloud only: where git clones from instead of https://bitbucket.org (an
   * emulator in tests). Defaults to BENCHTOP_BITBUCKET_GIT_URL when set, the
   * git counterpart of BENCHTOP_BITBUCKET_API_URL; the clone URL is then
   * `{gitOrigin}/{workspace}/{repo}.git`.
   */
  gitOrigin?: string;
};

/** Where git clones a Bitbucket Cloud repository from: bitbucket.org, or the emulator BENCHTOP_BITBUCKET_GIT_URL names in tests. */
export function bitbucketCloudGitUrl(location: RepoLocation, gitOrigin?: string): string {
  const origin = gitOrigin || process.env.BENCHTOP_BITBUCKET_GIT_URL;
  if (!origin) return location.gitUrl;
  const url = new URL(origin);
  assertLocationAllowed(url, "gitOrigin");
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}/${location.fullName}.git`;
}

/**
 * A GitHostAdapter for one Bitbucket repository and token: Bitbucket Cloud
 * (REST 2.0 at location.apiRoot) or Bitbucket Server / Data Center (REST 1.0
 * under {origin}/rest), chosen by location.provider. Both send an access token
 * as `Authorization: Bearer`; Cloud sends a person's API token as Basic with
 * the account's email (cloud-auth.ts). Failures are HostErrors: bad_credentials (401),
 * not_found (404), no_permission (403, and Server's 401 AuthorisationException),
 * rate_limited (429, with resetAt), unreachable, tls, not_allowed, upstream.
 * Bitbucket reports no token expiry, so `token.expiresAt` is always null.
 *
 * @example
 * const adapter = createBitbucketAdapter({ location: parseRepoLocation({ provider: "bitbucket", location: "https://bitbucket.org/team/models" }), token });
 * const { repository } = await adapter.testConnection();
 */
export function createBitbucketAdapter({ location, token, tokenType, email, fetch: fetchImpl = createSafeFetch(), gitOrigin }: CreateBitbucketAdapterOptions): GitHostAdapter {
  if (location.provider === "bitbucket") {
    return createBitbucketCloudAdapter({ location, token, tokenType, email, fetchImpl, gitUrl: bitbucketCloudGitUrl(location, gitOrigin) });
  }
  if (location.provider === "bitbucket-server") {
    return createBitbucketServerAdapter({ location, token, fetchImpl, gitUrl: location.gitUrl });
  }
  throw new HostError("not_supported", `The Bitbucket adapter does not serve ${location.provider} repositories.`);
}
