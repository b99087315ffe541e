import type { Repository } from "../db";
import { createGitAdapter } from "../hosts/create-adapter";

/** The git URL of a registered repository (what git clones), without opening its credential; null for buckets or a location that no longer parses. */
export function gitUrlOfRepository(repository: Pick<Repository, "provider" | "location">): string | null {
  if (repository.provider === "s3") return null;
  try {
    return createGitAdapter({ provider: repository.provider, location: repository.location, token: null }).gitRemoteUrl();
  } catch {
    return null;
  }
}
