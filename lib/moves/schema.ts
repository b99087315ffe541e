import { z } from "zod";

/** A request to move projects (API and admin page): some projects, or every one that is not there yet. */
export const moveRequestSchema = z
  .object({
    projectIds: z.array(z.string().min(1).max(64)).min(1, "Choose at least one project.").max(1000).optional(),
    all: z.literal(true).optional(),
    /** "external": the backend in force; left out: wherever new projects go now. */
    target: z.enum(["internal", "external"]).optional(),
  })
  .strict()
  .refine((body) => (body.projectIds === undefined) !== (body.all === undefined), { message: 'Give either "projectIds" or "all": true.', path: ["projectIds"] });

export type MoveRequest = z.infer<typeof moveRequestSchema>;
