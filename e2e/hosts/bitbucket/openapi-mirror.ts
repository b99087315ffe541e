// zod mirrors of the OpenAPI-generated types in @coderabbitai/bitbucket, field
// by field, for checking the emulators' answers at run time (the package ships
// the generated types, not the OpenAPI JSON). Each `satisfies` proves at compile
// time that what the mirror accepts is a value of the generated type; closed
// types are mirrored with strictObject (no unknown fields), open ones
// (`Readonly<Record<string, unknown>> & {...}`) with looseObject.
import type { components as Cloud } from "@coderabbitai/bitbucket/cloud/openapi";
import type { operations, components as Server } from "@coderabbitai/bitbucket/server/openapi";
import { z } from "zod";

type C = Cloud["schemas"];
type S = Server["schemas"];

const hash = z.string().regex(/^[0-9a-f]{40}$/);
const dateTime = z.iso.datetime({ offset: true });

// ---- Bitbucket Cloud (REST 2.0) ----

/** Mirrors C["link"] (closed). */
export const cloudLink = z.strictObject({ href: z.url().optional(), name: z.string().optional() }) satisfies z.ZodType<C["link"]>;

/** Mirrors C["commit"] = base_commit fields + participants/repository (open); `author` mirrors C["author"]. */
export const cloudCommit = z.looseObject({
  type: z.literal("commit"),
  hash: hash.optional(),
  date: dateTime.optional(),
  message: z.string().optional(),
  author: z.looseObject({ type: z.literal("author"), raw: z.string().optional() }).optional(),
  parents: z.array(z.looseObject({ type: z.literal("base_commit"), hash: hash.optional() })).optional(),
}) satisfies z.ZodType<C["commit"]>;

/** Mirrors C["ref"] & C["branch"] (open). */
export const cloudBranch = z.looseObject({
  type: z.string(),
  name: z.string().optional(),
  target: cloudCommit.optional(),
  links: z.strictObject({ commits: cloudLink.optional(), html: cloudLink.optional(), self: cloudLink.optional() }).optional(),
  default_merge_strategy: z.string().optional(),
  merge_strategies: z.array(z.enum(["fast_forward", "merge_commit", "rebase_fast_forward", "rebase_merge", "squash_fast_forward", "squash"])).optional(),
}) satisfies z.ZodType<C["branch"]>;

/** Mirrors C["repository"] (open); its `links` is closed. */
export const cloudRepository = z.looseObject({
  type: z.literal("repository"),
  created_on: dateTime.optional(),
  updated_on: dateTime.optional(),
  description: z.string().optional(),
  fork_policy: z.enum(["allow_forks", "no_forks", "no_public_forks"]).optional(),
  full_name: z.string().optional(),
  has_issues: z.boolean().optional(),
  has_wiki: z.boolean().optional(),
  is_private: z.boolean().optional(),
  language: z.string().optional(),
  links: z
    .strictObject({
      avatar: cloudLink.optional(),
      clone: z.array(cloudLink).optional(),
      commits: cloudLink.optional(),
      downloads: cloudLink.optional(),
      forks: cloudLink.optional(),
      hooks: cloudLink.optional(),
      html: cloudLink.optional(),
      pullrequests: cloudLink.optional(),
      self: cloudLink.optional(),
      watchers: cloudLink.optional(),
    })
    .optional(),
  mainbranch: cloudBranch.optional(),
  name: z.string().optional(),
  scm: z.literal("git").optional(),
  size: z.number().int().optional(),
  uuid: z.string().optional(),
}) satisfies z.ZodType<C["repository"]>;

/** Mirrors C["treeentry"] (open): the `commit_directory` entries. */
export const cloudTreeEntry = z.looseObject({ type: z.string(), path: z.string().optional(), commit: cloudCommit.optional() }) satisfies z.ZodType<C["treeentry"]>;

/** Mirrors C["commit_file"] (open); `size` is what Bitbucket adds in its open record. */
export const cloudCommitFile = z.looseObject({
  type: z.string(),
  path: z.string().optional(),
  escaped_path: z.string().optional(),
  attributes: z.enum(["binary", "executable", "lfs", "link", "subrepository"]).optional(),
  commit: cloudCommit.optional(),
  size: z.number().int().nonnegative(),
}) satisfies z.ZodType<C["commit_file"]>;

/** Mirrors C["user"] (open). */
export const cloudUser = z.looseObject({
  type: z.literal("user"),
  account_id: z.string().optional(),
  display_name: z.string().optional(),
  nickname: z.string().optional(),
  uuid: z.string().optional(),
}) satisfies z.ZodType<C["user"]>;

/** Mirrors C["repository_permission"] (open). */
export const cloudRepositoryPermission = z.looseObject({
  type: z.string(),
  permission: z.enum(["admin", "none", "read", "write"]).optional(),
  repository: cloudRepository.optional(),
  user: cloudUser.optional(),
}) satisfies z.ZodType<C["repository_permission"]>;

/** Mirrors the closed paginated_* envelopes (paginated_branches, paginated_treeentries, paginated_repository_permissions). */
export const cloudPage = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    next: z.url().optional(),
    page: z.number().int().optional(),
    pagelen: z.number().int().optional(),
    previous: z.url().optional(),
    size: z.number().int().optional(),
    values: z.array(item).optional(),
  });
export const cloudBranchPage = cloudPage(cloudBranch) satisfies z.ZodType<C["paginated_branches"]>;
export const cloudTreePage = cloudPage(z.union([cloudCommitFile, cloudTreeEntry])) satisfies z.ZodType<C["paginated_treeentries"]>;
export const cloudPermissionPage = cloudPage(cloudRepositoryPermission) satisfies z.ZodType<C["paginated_repository_permissions"]>;

/** Mirrors C["error"] (open); its `error` is closed. */
export const cloudError = z.looseObject({
  type: z.string(),
  error: z.strictObject({ message: z.string(), detail: z.string().optional(), data: z.record(z.string(), z.unknown()).optional() }).optional(),
}) satisfies z.ZodType<C["error"]>;

// ---- Bitbucket Server / Data Center (REST 1.0) ----

const namedLink = z.strictObject({ href: z.url(), name: z.string().optional() });

/** Mirrors the `project` of S["RestRepository"] (closed; `key` required). */
export const serverProject = z.strictObject({
  avatar: z.string().optional(),
  avatarUrl: z.string().optional(),
  description: z.string().optional(),
  id: z.number().int().optional(),
  key: z.string(),
  links: z.record(z.string(), z.unknown()).optional(),
  name: z.string().optional(),
  public: z.boolean().optional(),
  scope: z.string().optional(),
  type: z.enum(["NORMAL", "PERSONAL"]).optional(),
}) satisfies z.ZodType<NonNullable<S["RestRepository"]["project"]>>;

/** Mirrors S["RestRepository"] (closed); `links` (a free record there) holds clone and self link lists. */
export const serverRepository = z.strictObject({
  archived: z.boolean().optional(),
  defaultBranch: z.string().optional(),
  description: z.string().optional(),
  forkable: z.boolean().optional(),
  hierarchyId: z.string().optional(),
  id: z.number().int().optional(),
  links: z.strictObject({ clone: z.array(namedLink), self: z.array(namedLink) }).optional(),
  name: z.string().optional(),
  partition: z.number().int().optional(),
  project: serverProject.optional(),
  public: z.boolean().optional(),
  scmId: z.string().optional(),
  scope: z.string().optional(),
  slug: z.string().optional(),
  state: z.enum(["AVAILABLE", "INITIALISATION_FAILED", "INITIALISING", "OFFLINE"]).optional(),
  statusMessage: z.string().optional(),
}) satisfies z.ZodType<S["RestRepository"]>;

/** Mirrors S["RestBranch"] (closed; `type` is RefType, left `unknown` by the description: Bitbucket sends "BRANCH"). */
export const serverBranch = z.strictObject({
  default: z.boolean().optional(),
  displayId: z.string().optional(),
  id: z.string().optional(),
  latestChangeset: hash.optional(),
  latestCommit: hash.optional(),
  type: z.literal("BRANCH").optional(),
}) satisfies z.ZodType<S["RestBranch"]>;

/** Mirrors S["RestMinimalRef"] (closed). */
export const serverMinimalRef = z.strictObject({ displayId: z.string().optional(), id: z.string().optional(), type: z.enum(["BRANCH", "TAG"]).optional() }) satisfies z.ZodType<S["RestMinimalRef"]>;

/** Mirrors the closed page envelope of the paged operations (getBranches, getRepositories_1: isLastPage, limit, nextPageStart, size, start, values). */
export const serverPage = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    isLastPage: z.boolean().optional(),
    limit: z.number().int().optional(),
    nextPageStart: z.number().int().optional(),
    size: z.number().int().optional(),
    start: z.number().int().optional(),
    values: z.array(item).optional(),
  });
type Ok<Op extends keyof operations> = operations[Op]["responses"] extends { 200: { content: { "application/json": infer T } } } ? T : never;
export const serverBranchPage = serverPage(serverBranch) satisfies z.ZodType<Ok<"getBranches">>;
export const serverRepositoryPage = serverPage(serverRepository) satisfies z.ZodType<Ok<"getRepositories_1">>;

/** Mirrors S["RestPath"] (closed) plus the `toString` Bitbucket sends with every path. */
export const serverPath = z.strictObject({
  components: z.array(z.string()).optional(),
  extension: z.string().optional(),
  name: z.string().optional(),
  parent: z.string().optional(),
  toString: z.string(),
});

/**
 * The browse answer, which the description leaves `unknown`: Atlassian's
 * documented example for a folder (`path`, `revision`, `children` page of
 * entries with a RestPath, contentId, type FILE|DIRECTORY|SUBMODULE, size).
 */
export const serverBrowseFolder = z.strictObject({
  path: serverPath,
  revision: z.string(),
  children: serverPage(z.strictObject({ path: serverPath, contentId: hash, type: z.enum(["FILE", "DIRECTORY", "SUBMODULE"]), size: z.number().int().optional() })),
});

/**
 * Mirrors S["RestErrors"] / S["RestErrorMessage"] (closed). Bitbucket sends
 * `"context": null`, which the description types as an optional string; the
 * mirror accepts null there and nowhere else.
 */
export const serverErrors = z.strictObject({
  errors: z.array(z.strictObject({ context: z.string().nullable().optional(), exceptionName: z.string().optional(), message: z.string().optional() })).optional(),
}) satisfies z.ZodType<{ errors?: readonly (Omit<S["RestErrorMessage"], "context"> & { context?: string | null })[] }>;
