import { z } from "zod";
import { projectDescriptionSchema, projectNameSchema } from "@/lib/projects";

/** The new project's name, and its description (the source's when left out). */
export const copyProjectBodySchema = z.object({
  name: projectNameSchema,
  description: projectDescriptionSchema.optional(),
});
