import { z } from "zod";
import { DEFAULT_EDITORS } from "./default-editors";
import { FAILURE_MESSAGE_MAX, SESSION_OPERATIONS } from "./failed-operations";

// Names that git or Benchtop's /git/{handle}/{name}.git URLs give a meaning of their own:
// a bare repository's files and folders, git's HEAD, the smart-HTTP endpoints, and the
// device names that cannot be a folder of a Windows clone. Compared case-insensitively.
const RESERVED_NAMES = new Set([
  "-",
  "head",
  "info",
  "objects",
  "refs",
  "hooks",
  "branches",
  "logs",
  "config",
  "description",
  "packed-refs",
  "git-upload-pack",
  "git-receive-pack",
  "con",
  "prn",
  "aux",
  "nul",
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`com${n}`, `lpt${n}`]),
]);

/**
 * Why git hosts would refuse `name` as a repository name (as GitLab and Gitea do), or
 * null. Checked after the character rules, so `name` holds only letters, digits, . - _.
 */
function projectNameProblem(name: string): string | null {
  const ending = /\.(git|atom|lock|wiki|rss)$/i.exec(name)?.[0];
  if (ending) return `The name cannot end in "${ending}": Benchtop adds .git to the clone URL itself. Leave "${ending}" out or put it elsewhere in the name.`;
  if (name.includes("..")) return "The name cannot contain '..'. Use a single '.', '-' or '_' between words.";
  if (RESERVED_NAMES.has(name.toLowerCase())) return `"${name}" is reserved by git or Benchtop. Choose another name, for example "${name}-project".`;
  return null;
}

export const projectNameSchema = z
  .string({ error: "Enter a project name." })
  .trim()
  .min(1, "Enter a project name.")
  .max(100, "Use a name of at most 100 characters.")
  .regex(/^[A-Za-z0-9._-]+$/, "Use only letters, digits, '.', '-' and '_' in the name.")
  // Covers names made only of dots too.
  .refine((name) => !name.startsWith("."), "The name cannot start with '.'. Start it with a letter or digit.")
  .superRefine((name, ctx) => {
    const problem = projectNameProblem(name);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

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
    defaultEditor: z.enum(DEFAULT_EDITORS, { error: 'defaultEditor is "notebook" (the notebook view) or "code" (the code editor).' }).optional(),
  })
  .strict();
export type UpdateProjectInput = z.infer<typeof updateProjectSchema>;

export const collaboratorRoleSchema = z.enum(["viewer", "editor"], { error: "Choose a role: viewer or editor." });

export const addCollaboratorSchema = z.object({
  email: z.string({ error: "Enter the collaborator's email." }).trim().toLowerCase().pipe(z.email({ error: "Enter a valid email address." })),
  role: collaboratorRoleSchema,
});

export const changeCollaboratorSchema = z.object({ role: collaboratorRoleSchema });

/** POST /api/v1/projects/{id}/transfer: the collaborator who becomes the owner. */
export const transferProjectSchema = z.object({
  userId: z.string({ error: "Choose the collaborator who becomes the owner." }).trim().min(1, "Choose the collaborator who becomes the owner.").max(100),
});

/** POST /api/v1/projects/{id}/failures: an operation of the browser's session that failed, and why (plain text). */
export const reportFailureSchema = z
  .object({
    operation: z.enum(SESSION_OPERATIONS, { error: "operation is 'open', 'save' or 'push'." }),
    message: z
      .string({ error: "Say in message what went wrong." })
      .trim()
      .min(1, "Say in message what went wrong.")
      .max(FAILURE_MESSAGE_MAX, `Keep message to at most ${FAILURE_MESSAGE_MAX} characters.`),
  })
  .strict();
export type ReportFailureInput = z.infer<typeof reportFailureSchema>;
