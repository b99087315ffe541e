// The parts of GitLab REST v4 answers that the adapter reads, validated at the
// boundary. Field names and shapes follow GitLab's API documentation and
// @gitbeaker/core's declarations (ProjectSchema, BranchSchema, ...); unknown
// fields are ignored so that newer GitLab versions keep working.
import { z } from "zod";

/** A membership as `permissions.project_access` / `group_access` shows it; null without one. */
export const accessSchema = z.object({ access_level: z.number().int(), notification_level: z.number().int().nullish() }).nullable();

/** GET /projects/:id. `permissions` is absent for anonymous callers; `default_branch` is null for an empty repository. */
export const projectSchema = z.object({
  id: z.number().int(),
  path_with_namespace: z.string(),
  default_branch: z.string().nullable(),
  visibility: z.enum(["public", "internal", "private"]),
  http_url_to_repo: z.string(),
  web_url: z.string(),
  archived: z.boolean().optional(),
  permissions: z.object({ project_access: accessSchema.optional(), group_access: accessSchema.optional() }).optional(),
});
export type GitLabProject = z.infer<typeof projectSchema>;

/** One entry of GET /projects/:id/repository/branches. */
export const branchSchema = z.object({ name: z.string(), commit: z.object({ id: z.string().regex(/^[0-9a-f]{40}$/) }) });
export const branchListSchema = z.array(branchSchema);
export type GitLabBranch = z.infer<typeof branchSchema>;

/** One entry of GET /projects/:id/repository/tree: `tree` is a folder, `blob` a file, `commit` a submodule. */
export const treeEntrySchema = z.object({ id: z.string(), name: z.string(), type: z.enum(["tree", "blob", "commit"]), path: z.string(), mode: z.string() });
export const treeSchema = z.array(treeEntrySchema);
export type GitLabTreeEntry = z.infer<typeof treeEntrySchema>;

/** GET /personal_access_tokens/self (GitLab 15.5+). `expires_at` is a date ("2025-12-31") or null. */
export const tokenSelfSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  revoked: z.boolean(),
  active: z.boolean(),
  scopes: z.array(z.string()).nullish(),
  user_id: z.number().int(),
  expires_at: z.string().nullish(),
});
export type GitLabTokenSelf = z.infer<typeof tokenSelfSchema>;

/** GET /user. */
export const currentUserSchema = z.object({ id: z.number().int(), username: z.string() });

/** The bodies GitLab sends with errors: `{"message": ...}` from the API, `{"error", "error_description"}` from OAuth checks. */
export const errorBodySchema = z.object({
  message: z.unknown().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
  scope: z.string().optional(),
});

/** GET /projects?simple=true: the simple representation has no visibility or permissions. */
export const simpleProjectListSchema = z.array(z.object({ path_with_namespace: z.string(), default_branch: z.string().nullish(), web_url: z.string() }));
