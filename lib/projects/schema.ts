import { z } from "zod";

export const projectNameSchema = z
  .string({ error: "Enter a project name." })
  .trim()
  .min(1, "Enter a project name.")
  .max(100, "Use a name of at most 100 characters.")
  .regex(/^[A-Za-z0-9._-]+$/, "Use only letters, digits, '.', '-' and '_' in the name.")
  .refine((name) => !name.startsWith("."), "The name cannot start with '.'.");

export const projectDescriptionSchema = z.string().trim().max(2000, "Use a description of at most 2,000 characters.");

// git check-ref-format rules, for the branch names Benchtop accepts.
export const branchNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a branch name.")
  .max(200, "Use a branch name of at most 200 characters.")
  .refine(
    (b) => !/(^[./-])|([./]$)|\.\.|@\{|[\x00-\x20~^:?*[\\\x7f]|\/\/|\.lock(\/|$)|^@$/.test(b),
    "That is not a valid branch name.",
  );

export const createProjectSchema = z.object({
  name: projectNameSchema,
  description: projectDescriptionSchema.default(""),
});
export type CreateProjectInput = z.infer<typeof createProjectSchema>;

export const updateProjectSchema = z
  .object({
    name: projectNameSchema.optional(),
    description: projectDescriptionSchema.optional(),
    defaultBranch: branchNameSchema.optional(),
  })
  .strict();
export type UpdateProjectInput = z.infer<typeof updateProjectSchema>;

export const collaboratorRoleSchema = z.enum(["viewer", "editor"], { error: "Choose a role: viewer or editor." });

export const addCollaboratorSchema = z.object({
  email: z.string({ error: "Enter the collaborator's email." }).trim().toLowerCase().pipe(z.email({ error: "Enter a valid email address." })),
  role: collaboratorRoleSchema,
});

export const changeCollaboratorSchema = z.object({ role: collaboratorRoleSchema });
