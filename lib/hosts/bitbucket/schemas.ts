// The parts of Bitbucket's answers the adapter reads, validated at the boundary.
// Field names follow the OpenAPI descriptions that @coderabbitai/bitbucket is
// generated from (Cloud: components.schemas.*, Data Center 9.2: components.schemas.Rest*).
// Only what the adapter uses is required; everything else passes through.
import { z } from "zod";

const linkSchema = z.object({ href: z.string(), name: z.string().optional() });

/** Cloud `repository` (GET /repositories/{workspace}/{repo_slug}). */
export const cloudRepositorySchema = z.object({
  full_name: z.string(),
  is_private: z.boolean().optional(),
  mainbranch: z.object({ name: z.string() }).nullish(),
  links: z.object({ html: linkSchema.optional(), clone: z.array(linkSchema).optional() }).optional(),
});
export type CloudRepository = z.infer<typeof cloudRepositorySchema>;

/** Cloud `paginated_branches` (GET .../refs/branches). */
export const cloudBranchPageSchema = z.object({
  values: z.array(z.object({ name: z.string(), target: z.object({ hash: z.string() }) })),
  next: z.string().optional(),
});
export type CloudBranchPage = z.infer<typeof cloudBranchPageSchema>;

/**
 * Cloud `paginated_treeentries` (GET .../src/{commit}/{path}/). Entries are
 * `commit_directory` or `commit_file`; files carry `size`, which Bitbucket sends
 * although the OpenAPI `commit_file` leaves it to its open record.
 */
export const cloudTreePageSchema = z.object({
  values: z.array(z.object({ type: z.string(), path: z.string(), size: z.number().optional() })),
  next: z.string().optional(),
});
export type CloudTreePage = z.infer<typeof cloudTreePageSchema>;

/** Cloud `paginated_repository_permissions` (GET /user/permissions/repositories). */
export const cloudPermissionPageSchema = z.object({
  values: z.array(
    z.object({
      permission: z.enum(["admin", "write", "read", "none"]),
      user: z.object({ nickname: z.string().optional(), display_name: z.string().optional() }).optional(),
      repository: z.object({ full_name: z.string().optional() }).optional(),
    }),
  ),
});
export type CloudPermissionPage = z.infer<typeof cloudPermissionPageSchema>;

/** Cloud `error`: {"type":"error","error":{"message"}}. */
export const cloudErrorSchema = z.object({ type: z.literal("error"), error: z.object({ message: z.string() }).optional() });

/** Server `RestRepository` (GET /projects/{key}/repos/{slug}, and the items of GET /repos). */
export const serverRepositorySchema = z.object({
  slug: z.string(),
  name: z.string(),
  public: z.boolean().optional(),
  project: z.object({ key: z.string() }),
});
export type ServerRepository = z.infer<typeof serverRepositorySchema>;

/** A Server page: {values, isLastPage, nextPageStart?}. */
const serverPage = <T extends z.ZodType>(item: T) =>
  z.object({ values: z.array(item), isLastPage: z.boolean(), nextPageStart: z.number().nullish() });

export const serverRepositoryPageSchema = serverPage(serverRepositorySchema);

/** Server `RestBranch` pages (GET .../branches). */
export const serverBranchPageSchema = serverPage(z.object({ displayId: z.string(), latestCommit: z.string() }));

/** Server `RestMinimalRef` (GET .../default-branch) or `RestBranch` (GET .../branches/default). */
export const serverDefaultBranchSchema = z.object({ displayId: z.string() });

/**
 * Server browse answer for a folder (GET .../browse/{path}): the OpenAPI leaves
 * it untyped; Atlassian's documented example holds `children`, a page of
 * entries whose `path` is a `RestPath` relative to the folder.
 */
export const serverBrowseSchema = z.object({
  children: serverPage(
    z.object({
      path: z.object({ components: z.array(z.string()) }),
      type: z.enum(["FILE", "DIRECTORY", "SUBMODULE"]),
      size: z.number().optional(),
    }),
  ).optional(),
});
export type ServerBrowse = z.infer<typeof serverBrowseSchema>;

/** Server `RestErrors`: {"errors":[{"context","message","exceptionName"}]}. */
export const serverErrorSchema = z.object({
  errors: z.array(z.object({ message: z.string().nullish(), exceptionName: z.string().nullish() })),
});
