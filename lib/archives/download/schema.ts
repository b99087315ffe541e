import { z } from "zod";
import { branchNameSchema } from "../../projects";

export const archiveFormats = ["zip", "tar.gz"] as const;
export type ArchiveFormat = (typeof archiveFormats)[number];

/**
 * A revision to archive as a person names it: HEAD (the project's default
 * branch), a branch or tag name, or a commit id. Only names git itself accepts
 * for a ref (git check-ref-format, the rule branch names follow) get as far as
 * git, so nothing a caller types can read as an option or a revision expression.
 */
export const archiveRefSchema = z
  .string()
  .trim()
  .min(1, "Name a branch, tag or commit, or leave ref out for the default branch.")
  .max(200, "Use a ref of at most 200 characters.")
  .refine((ref) => !ref.startsWith("-"), "A ref cannot start with '-'. Name a branch, tag or commit id.")
  .refine((ref) => branchNameSchema.safeParse(ref).success, "That is not a branch, tag or commit id: use the name of a branch or tag as git shows it, or a commit id.");
