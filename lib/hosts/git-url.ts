import { bitbucketCloudGitUrl } from "./bitbucket/create-bitbucket-adapter";
import { parseRepoLocation } from "./location";
import type { Provider } from "./types";

/**
 * The git URL of a repository's location (what git clones), as its adapter's
 * gitRemoteUrl() gives it, without building an adapter or opening a
 * credential; null for buckets or a location that no longer parses.
 */
export function gitUrlOfLocation({ provider, location }: { provider: Provider; location: string }): string | null {
  if (provider === "s3") return null;
  try {
    const parsed = parseRepoLocation({ provider, location });
    return parsed.provider === "bitbucket" ? bitbucketCloudGitUrl(parsed) : parsed.gitUrl;
  } catch {
    return null;
  }
}
