// The Cloud emulator's answers, each typed as the schema Atlassian's OpenAPI
// description gives it (via @coderabbitai/bitbucket): a field the description
// does not allow, or of the wrong type, fails to compile.
import type { components } from "@coderabbitai/bitbucket/cloud/openapi";

type Schemas = components["schemas"];
type Link = { href: string; name?: string };

export type CloudRepoRecord = { workspace: string; slug: string; name: string; isPrivate: boolean; uuid: string; createdOn: string; mainBranch: string; description: string };
export type CloudCommitRecord = { hash: string; date: string; message: string; author: string };

const link = (href: string): Link => ({ href });

/** A `commit` as Bitbucket embeds it in branches and tree entries. */
export function cloudCommit({ apiRoot, webRoot, repo, commit }: { apiRoot: string; webRoot: string; repo: CloudRepoRecord; commit: CloudCommitRecord }): Schemas["commit"] {
  const full = `${repo.workspace}/${repo.slug}`;
  return {
    type: "commit",
    hash: commit.hash,
    date: commit.date,
    message: commit.message,
    author: { type: "author", raw: commit.author },
    parents: [],
    links: { self: link(`${apiRoot}/repositories/${full}/commit/${commit.hash}`), html: link(`${webRoot}/${full}/commits/${commit.hash}`) },
  };
}

/** A `repository` (GET /repositories/{workspace}/{repo_slug}). */
export function cloudRepository({ apiRoot, webRoot, gitRoot, repo }: { apiRoot: string; webRoot: string; gitRoot: string; repo: CloudRepoRecord }): Schemas["repository"] {
  const full = `${repo.workspace}/${repo.slug}`;
  const self = `${apiRoot}/repositories/${full}`;
  return {
    type: "repository",
    full_name: full,
    name: repo.name,
    slug: repo.slug,
    uuid: repo.uuid,
    description: repo.description,
    is_private: repo.isPrivate,
    scm: "git",
    fork_policy: "no_public_forks",
    has_issues: false,
    has_wiki: false,
    language: "",
    size: 0,
    created_on: repo.createdOn,
    updated_on: repo.createdOn,
    mainbranch: { type: "branch", name: repo.mainBranch },
    // `workspace` is in every real answer; the description leaves it to the open record.
    workspace: { type: "workspace", slug: repo.workspace, name: repo.workspace, uuid: `{${repo.workspace}}` },
    links: {
      self: link(self),
      html: link(`${webRoot}/${full}`),
      avatar: link(`${webRoot}/${full}/avatar/32`),
      commits: link(`${self}/commits`),
      forks: link(`${self}/forks`),
      hooks: link(`${self}/hooks`),
      pullrequests: link(`${self}/pullrequests`),
      watchers: link(`${self}/watchers`),
      downloads: link(`${self}/downloads`),
      clone: [
        { name: "https", href: `${gitRoot}/${full}.git` },
        // The description types hrefs as URIs, so the ssh address is in URI form.
        { name: "ssh", href: `ssh://git@bitbucket.org/${full}.git` },
      ],
    },
  };
}

/** A `branch` (items of GET .../refs/branches). */
export function cloudBranch({ apiRoot, webRoot, repo, name, commit }: { apiRoot: string; webRoot: string; repo: CloudRepoRecord; name: string; commit: CloudCommitRecord }): Schemas["branch"] {
  const full = `${repo.workspace}/${repo.slug}`;
  return {
    type: "branch",
    name,
    target: cloudCommit({ apiRoot, webRoot, repo, commit }),
    merge_strategies: ["merge_commit", "squash", "fast_forward"],
    default_merge_strategy: "merge_commit",
    links: {
      self: link(`${apiRoot}/repositories/${full}/refs/branches/${encodeURIComponent(name)}`),
      commits: link(`${apiRoot}/repositories/${full}/commits/${encodeURIComponent(name)}`),
      html: link(`${webRoot}/${full}/branch/${encodeURIComponent(name)}`),
    },
  };
}

/** A `commit_file` entry of a folder listing. */
export function cloudFileEntry({ path, size, commit }: { path: string; size: number; commit: Schemas["commit"] }): Schemas["commit_file"] {
  return { type: "commit_file", path, escaped_path: path, size, mimetype: null, commit };
}

/** A `commit_directory` entry: the description has no schema of its own, so it is a `treeentry`. */
export function cloudDirectoryEntry({ path, commit }: { path: string; commit: Schemas["commit"] }): Schemas["treeentry"] {
  return { type: "commit_directory", path, commit };
}

/** A `repository_permission` (items of GET /user/permissions/repositories). */
export function cloudRepositoryPermission({ permission, user, repository }: { permission: "admin" | "write" | "read"; user: { nickname: string; uuid: string }; repository: Schemas["repository"] }): Schemas["repository_permission"] {
  return {
    type: "repository_permission",
    permission,
    user: { type: "user", nickname: user.nickname, display_name: user.nickname, uuid: user.uuid, account_id: user.uuid.replace(/[{}]/g, "") },
    repository: { type: "repository", full_name: repository.full_name, name: repository.name, uuid: repository.uuid, links: repository.links },
  };
}

/** A page in Cloud's paging envelope. */
export function cloudPage<T>({ values, page, pagelen, size, next }: { values: T[]; page: number; pagelen: number; size: number; next?: string }) {
  return { values, page, pagelen, size, ...(next ? { next } : {}) };
}

/** Cloud's `error` body. */
export function cloudError(message: string): Schemas["error"] {
  return { type: "error", error: { message } };
}
