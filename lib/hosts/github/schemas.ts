// The parts of GitHub's answers the adapter reads, checked at the boundary
// (names as in GitHub's OpenAPI description: full-repository, short-branch,
// content-directory, content-file, private-user). Unknown fields pass through.
import { z } from "zod";

export const githubRepoSchema = z.object({
  full_name: z.string(),
  default_branch: z.string(),
  private: z.boolean(),
  html_url: z.string(),
  clone_url: z.string(),
  /** Present when the request was authenticated: the caller's permissions, not the token's scopes. */
  permissions: z
    .object({ admin: z.boolean().optional(), maintain: z.boolean().optional(), push: z.boolean(), triage: z.boolean().optional(), pull: z.boolean() })
    .optional(),
});
export type GitHubRepo = z.infer<typeof githubRepoSchema>;

export const githubBranchSchema = z.object({
  name: z.string(),
  commit: z.object({ sha: z.string() }),
});
export const githubBranchListSchema = z.array(githubBranchSchema);
export type GitHubBranch = z.infer<typeof githubBranchSchema>;

export const githubContentEntrySchema = z.object({
  type: z.enum(["file", "dir", "symlink", "submodule"]),
  name: z.string(),
  path: z.string(),
  sha: z.string(),
  size: z.number(),
});
export const githubContentDirectorySchema = z.array(githubContentEntrySchema);
export type GitHubContentEntry = z.infer<typeof githubContentEntrySchema>;

/** A file's entry: `content` is base64 (with newlines) up to 1 MB; larger files come with encoding "none" and no content. */
export const githubContentFileSchema = githubContentEntrySchema.extend({
  type: z.literal("file"),
  encoding: z.string(),
  content: z.string(),
});
export type GitHubContentFile = z.infer<typeof githubContentFileSchema>;

export const githubUserSchema = z.object({ login: z.string() });
