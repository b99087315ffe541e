import { z } from "zod";
import { createProjectSchema } from "@/lib/projects";
import { paginationSchema } from "@/lib/http";

export const createProjectBodySchema = createProjectSchema
  .extend({
    repositoryId: z.string().optional(),
    link: z.boolean({ error: "link must be true or false." }).optional(),
  })
  .refine((body) => !body.link || body.repositoryId !== undefined, { path: ["link"], message: "A linked project needs the repositoryId of a registered repository." });

export const listProjectsQuerySchema = paginationSchema.extend({
  q: z.string().trim().max(100).optional(),
  sort: z.enum(["name", "activity"], { error: "sort is 'name' or 'activity'." }).default("name"),
  filter: z.enum(["mine", "shared", "all"], { error: "filter is 'all', 'mine' or 'shared'." }).default("all"),
});
