import { z } from "zod";
import { archiveRefSchema } from "../archives";
import { paginationSchema } from "../http";

export const DEPLOYMENT_VISIBILITIES = ["private", "signed-in", "public"] as const;
export type DeploymentVisibility = (typeof DEPLOYMENT_VISIBILITIES)[number];

export const VISIBILITY_LABELS: Record<DeploymentVisibility, string> = {
  private: "Project members",
  "signed-in": "Everyone signed in",
  public: "Anyone with the link",
};

export const deploymentNameSchema = z
  .string({ error: "Enter a name for the deployment." })
  .trim()
  .min(1, "Enter a name for the deployment.")
  .max(80, "Use a name of at most 80 characters.")
  .refine((name) => !/[\p{Cc}]/u.test(name), "Use a name without control characters.")
  .refine((name) => /[\p{L}\p{N}]/u.test(name), "Use at least one letter or digit in the name: it also makes the deployment's address.");

const visibilitySchema = z.enum(DEPLOYMENT_VISIBILITIES, { error: "visibility is 'private' (project members), 'signed-in' (everyone signed in) or 'public' (anyone with the link)." });

const refSchema = archiveRefSchema.refine((ref) => ref !== "HEAD", "Name a branch, tag or commit rather than HEAD.");

export const createDeploymentSchema = z
  .object({
    name: deploymentNameSchema,
    ref: refSchema,
    track: z.boolean({ error: "track is true (follow the branch's latest commit) or false (stay on the commit the ref names now)." }).default(false),
    visibility: visibilitySchema.default("private"),
  })
  .strict();

export type CreateDeploymentInput = z.infer<typeof createDeploymentSchema>;

export const updateDeploymentSchema = z
  .object({
    name: deploymentNameSchema.optional(),
    ref: refSchema.optional(),
    track: z.boolean({ error: "track is true or false." }).optional(),
    visibility: visibilitySchema.optional(),
  })
  .strict();

export type UpdateDeploymentInput = z.infer<typeof updateDeploymentSchema>;

export const rollbackSchema = z.object({ deployId: z.string({ error: "Name the deploy to roll back to (deployId, from the deployment's deploys)." }).trim().min(1, "Name the deploy to roll back to.").max(64) }).strict();

export const RUN_STATUSES = ["queued", "running", "succeeded", "failed", "skipped"] as const;

export const runsQuerySchema = paginationSchema.extend({
  status: z.enum(RUN_STATUSES, { error: `status is one of ${RUN_STATUSES.join(", ")}.` }).optional(),
  deployment: z.string().trim().max(64).optional(),
});
