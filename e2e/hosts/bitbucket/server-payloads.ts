// The Server emulator's answers, typed as Bitbucket Data Center 9.2's OpenAPI
// description gives them (via @coderabbitai/bitbucket): a field the description
// does not allow, or of the wrong type, fails to compile.
import type { components } from "@coderabbitai/bitbucket/server/openapi";

type Schemas = components["schemas"];

export type ServerProjectRecord = { key: string; id: number; name: string; personal: boolean };
export type ServerRepoRecord = { project: ServerProjectRecord; slug: string; name: string; id: number; isPublic: boolean; defaultBranch: string; archived?: boolean };
export type ServerUserRecord = { slug: string; name: string; displayName: string; id: number };

/** The `project` a repository embeds. */
export function serverProject({ origin, project }: { origin: string; project: ServerProjectRecord }): Schemas["RestProject"] {
  const page = project.personal ? `${origin}/users/${project.key.slice(1).toLowerCase()}` : `${origin}/projects/${project.key}`;
  return { key: project.key, id: project.id, name: project.name, public: false, type: project.personal ? "PERSONAL" : "NORMAL", links: { self: [{ href: page }] } };
}

/** A `RestRepository` (GET /projects/{key}/repos/{slug}, items of GET /repos). */
export function serverRepository({ origin, repo }: { origin: string; repo: ServerRepoRecord }): Schemas["RestRepository"] {
  const key = repo.project.key;
  const web = repo.project.personal ? `${origin}/users/${key.slice(1).toLowerCase()}/repos/${repo.slug}` : `${origin}/projects/${key}/repos/${repo.slug}`;
  const host = new URL(origin).hostname;
  return {
    slug: repo.slug,
    id: repo.id,
    name: repo.name,
    hierarchyId: `${repo.id.toString(16).padStart(20, "0")}`,
    scmId: "git",
    state: "AVAILABLE",
    statusMessage: "Available",
    forkable: true,
    archived: repo.archived ?? false,
    partition: 1,
    public: repo.isPublic,
    project: { ...serverProject({ origin, project: repo.project }), key },
    links: {
      clone: [
        { href: `${origin}/scm/${key.toLowerCase()}/${repo.slug}.git`, name: "http" },
        { href: `ssh://git@${host}:7999/${key.toLowerCase()}/${repo.slug}.git`, name: "ssh" },
      ],
      self: [{ href: `${web}/browse` }],
    },
  };
}

/** A `RestApplicationUser` (GET /users/{slug}; the `user` of RestPermittedUser). */
export function serverUser({ origin, user }: { origin: string; user: ServerUserRecord }): Schemas["RestApplicationUser"] {
  return { name: user.name, slug: user.slug, id: user.id, displayName: user.displayName, emailAddress: `${user.slug}@example.test`, active: true, type: "NORMAL", links: { self: [{ href: `${origin}/users/${user.slug}` }] } };
}

/** A `RestBranch` (items of GET .../branches; GET .../branches/default). */
export function serverBranch({ name, commit, isDefault }: { name: string; commit: string; isDefault: boolean }): Schemas["RestBranch"] {
  return { id: `refs/heads/${name}`, displayId: name, type: "BRANCH", latestCommit: commit, latestChangeset: commit, default: isDefault };
}

/** A `RestMinimalRef` (GET .../default-branch). */
export function serverMinimalRef({ name }: { name: string }): Schemas["RestMinimalRef"] {
  return { id: `refs/heads/${name}`, displayId: name, type: "BRANCH" };
}

/** A `RestPath`, with the `toString` Bitbucket adds to every path it sends. */
export function serverPath(components: string[]): Schemas["RestPath"] & { toString: string } {
  const name = components[components.length - 1] ?? "";
  const dot = name.lastIndexOf(".");
  return {
    components,
    parent: components.slice(0, -1).join("/"),
    name,
    ...(dot > 0 ? { extension: name.slice(dot + 1) } : {}),
    toString: components.join("/"),
  };
}

/**
 * One entry of a browsed folder. The description leaves the browse answer
 * untyped (`unknown`); this is Atlassian's documented example's shape, its
 * `path` a RestPath and its `type` one the operation's text names.
 */
export type ServerBrowseChild = { path: ReturnType<typeof serverPath>; contentId: string; type: "FILE" | "DIRECTORY" | "SUBMODULE"; size?: number };

/** Server's paging envelope. */
export function serverPage<T>({ values, start, limit, total }: { values: T[]; start: number; limit: number; total: number }) {
  const isLastPage = start + values.length >= total;
  return { size: values.length, limit, start, isLastPage, values, ...(isLastPage ? {} : { nextPageStart: start + values.length }) };
}

/** Server's `RestErrors` body; Bitbucket sends `context: null`, which the description types as an optional string. */
export function serverErrors(message: string, exceptionName: string): Schemas["RestErrors"] {
  return { errors: [{ message, exceptionName }] };
}
