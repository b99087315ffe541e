import { createBitbucketAdapter } from "./bitbucket";
import { createGitHubAdapter } from "./github";
import { createGitLabAdapter } from "./gitlab";
import { parseRepoLocation } from "./location";
import { createS3Adapter } from "./s3";
import type { FileSourceAdapter, GitHostAdapter, GitProvider, HostApp, S3Credentials, S3Location, TokenType } from "./types";

/** A git host adapter for one registered repository and its credential (or none). */
export function createGitAdapter({
  provider,
  location,
  token,
  tokenType,
  email,
  app,
}: {
  provider: GitProvider;
  location: string;
  token: string | null;
  /** GitLab: an OAuth token goes as Bearer, an access token as PRIVATE-TOKEN. Bitbucket Cloud: "api-token" is a person's Atlassian API token. */
  tokenType?: TokenType;
  /** Bitbucket Cloud's "api-token" only: the Atlassian account's email its REST calls sign in with (git needs none). */
  email?: string | null;
  /** GitHub: the app that issued a connection's token, so that an organization keeping it out comes with the page to ask on. */
  app?: HostApp | null;
}): GitHostAdapter {
  const parsed = parseRepoLocation({ provider, location });
  switch (provider) {
    case "github":
    case "github-enterprise":
      return createGitHubAdapter({ location: parsed, token, app });
    case "gitlab":
    case "gitlab-self-managed":
      return createGitLabAdapter({ location: parsed, token, tokenType: tokenType === "oauth" ? "oauth" : "personal" });
    case "bitbucket":
    case "bitbucket-server":
      return createBitbucketAdapter({ location: parsed, token, tokenType, email });
  }
}

/** A bucket adapter (AWS S3 or an S3-compatible endpoint). */
export function createBucketAdapter({ location, credentials }: { location: S3Location; credentials: S3Credentials | null }): FileSourceAdapter {
  return createS3Adapter({ location, credentials });
}
