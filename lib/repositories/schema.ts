import { z } from "zod";
import { providers } from "../hosts/types";

const text = (max: number, label: string) => z.string().trim().max(max, `Use at most ${max} characters for the ${label}.`);
const optionalSecret = (label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(4096, `The ${label} is too long.`)
    .optional()
    .transform((v) => (v ? v : undefined));

export const repositoryNameSchema = z
  .string({ error: "Name the repository." })
  .trim()
  .min(1, "Name the repository.")
  .max(100, "Use a name of at most 100 characters.");

const gitProviders = providers.filter((p) => p !== "s3") as [Exclude<(typeof providers)[number], "s3">, ...Exclude<(typeof providers)[number], "s3">[]];

export const gitRepositoryInputSchema = z.object({
  provider: z.enum(gitProviders),
  name: repositoryNameSchema,
  location: z.string({ error: "Give the repository's location." }).trim().min(1, "Give the repository's location.").max(2048, "That location is too long."),
  token: optionalSecret("personal access token"),
  description: text(2000, "description").default(""),
});

export const bucketInputSchema = z.object({
  provider: z.literal("s3"),
  name: repositoryNameSchema,
  bucket: z
    .string({ error: "Give the bucket name." })
    .trim()
    .min(1, "Give the bucket name.")
    .regex(/^(?!\d+\.\d+\.\d+\.\d+$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "A bucket name has 3 to 63 lower-case letters, digits, dots and hyphens, like my-data-bucket."),
  region: optionalSecret("region"),
  endpoint: optionalSecret("endpoint"),
  accessKeyId: optionalSecret("access key ID"),
  secretAccessKey: optionalSecret("secret access key"),
  sessionToken: optionalSecret("session token"),
  description: text(2000, "description").default(""),
});

/** The create (and test) body of API.md: one shape per provider. */
export const repositoryInputSchema = z
  .discriminatedUnion("provider", [gitRepositoryInputSchema, bucketInputSchema], {
    error: `Choose a provider: ${providers.join(", ")}.`,
  })
  .superRefine((input, ctx) => {
    // Whether a token is needed depends on the user's connections too: see requireCredential.
    if (input.provider === "s3" && Boolean(input.accessKeyId) !== Boolean(input.secretAccessKey)) {
      ctx.addIssue({ code: "custom", path: [input.accessKeyId ? "secretAccessKey" : "accessKeyId"], message: "Give the access key ID and the secret access key together." });
    }
  });

export type RepositoryInput = z.infer<typeof repositoryInputSchema>;
export type GitRepositoryInput = z.infer<typeof gitRepositoryInputSchema>;
export type BucketInput = z.infer<typeof bucketInputSchema>;

/** PATCH: any create field except the provider; secrets replace the stored ones when given. */
export const repositoryPatchSchema = z
  .object({
    name: repositoryNameSchema.optional(),
    location: z.string().trim().min(1, "Give the repository's location.").max(2048).optional(),
    token: optionalSecret("personal access token"),
    description: text(2000, "description").optional(),
    bucket: z.string().trim().min(1).max(63).optional(),
    region: optionalSecret("region"),
    endpoint: optionalSecret("endpoint"),
    accessKeyId: optionalSecret("access key ID"),
    secretAccessKey: optionalSecret("secret access key"),
    sessionToken: optionalSecret("session token"),
    provider: z.never({ error: "The provider of a registered repository cannot change; register a new one." }).optional(),
  })
  .strict();
export type RepositoryPatch = z.infer<typeof repositoryPatchSchema>;

export const importBodySchema = z.object({
  projectId: z.string({ error: "Choose the project to import into." }).min(1, "Choose the project to import into."),
  paths: z.array(z.string().trim().min(1).max(1024), { error: "List the files or folders to import." }).min(1, "Choose at least one file or folder.").max(1000, "Import at most 1,000 paths at once."),
  ref: z.string().trim().max(255).optional(),
  message: z.string().trim().max(2000).optional(),
});
