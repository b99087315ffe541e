// Read-back over HTTP (GET /_emulator/inspect), for tests whose emulator runs
// in a child process: the repositories an owner holds, and one repository's
// state (deleted, archived, who may do what, its refs read with git).
export type RepoReport = { deleted: true } | { deleted: false; archived: boolean | null; permissions: Record<string, string | number>; refs: Record<string, string> };

export type InspectControl = {
  /** Full names of the repositories an owner (organization, group, project key, workspace) holds. */
  listRepos(owner: string): string[];
  /** One repository's state, or null when the emulator never had it. */
  repo(name: string): RepoReport | null;
};

/**
 * Builds the control from an emulator's in-process `inspect` functions (which
 * throw for a repository they do not hold). `archived` is absent where the
 * provider has no archiving (Bitbucket Cloud).
 */
export function inspectControlFrom(inspect: {
  list(owner: string): string[];
  permissions(name: string): Record<string, string | number>;
  archived?(name: string): boolean;
  isDeleted(name: string): boolean;
  refs(name: string): Record<string, string>;
}): InspectControl {
  return {
    listRepos: inspect.list,
    repo(name) {
      if (inspect.isDeleted(name)) return { deleted: true };
      try {
        return { deleted: false, archived: inspect.archived ? inspect.archived(name) : null, permissions: inspect.permissions(name), refs: inspect.refs(name) };
      } catch {
        return null;
      }
    },
  };
}
