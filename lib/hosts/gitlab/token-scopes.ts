// What Benchtop needs of a GitLab personal access token. GitLab's REST calls
// (project, branches, tree, files) need `read_api` or `api`; git over HTTP needs
// `read_repository` to fetch and `write_repository` to push (`api` covers both).
// A token with only read_repository/write_repository can clone but cannot be tested
// or browsed through the API, so read_api is asked for too.

/** The lowest access level that may push: Developer (30). Reporter (20) reads only. */
export const DEVELOPER_ACCESS = 30;

/**
 * Scopes the token lacks for what Benchtop does with this project: read through
 * the API and git, and push when the account's role would allow it (a Reporter
 * is not told to get write_repository, which would not help).
 */
export function findMissingScopes({ scopes, roleMayPush }: { scopes: string[]; roleMayPush: boolean }): string[] {
  const has = new Set(scopes);
  if (has.has("api")) return [];
  const missing: string[] = [];
  if (!has.has("read_api")) missing.push("read_api");
  if (!has.has("read_repository") && !has.has("write_repository")) missing.push("read_repository");
  if (roleMayPush && !has.has("write_repository")) missing.push("write_repository");
  return missing;
}

/** Whether the scopes let git push; unknown scopes (null) are not held against the token. */
export function scopesAllowPush(scopes: string[] | null): boolean {
  return scopes === null || scopes.includes("api") || scopes.includes("write_repository");
}

/** GitLab gives a token's expiry as a date ("2025-12-31"); the earliest moment of that day, in UTC, as ISO 8601. */
export function expiryToIso(expiresAt: string | null | undefined): string | null {
  if (!expiresAt) return null;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(expiresAt) ? new Date(`${expiresAt}T00:00:00Z`) : new Date(expiresAt);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
