import { z } from "zod";
import { providers } from "../hosts/types";
import { emailSchema } from "../users/schema";

const gitProviders = providers.filter((p) => p !== "s3") as [Exclude<(typeof providers)[number], "s3">, ...Exclude<(typeof providers)[number], "s3">[]];

/** An empty field (a form's blank input, a JSON null) is no email. */
const blankToUndefined = (value: unknown) => (value === null || (typeof value === "string" && value.trim() === "") ? undefined : value);

/**
 * POST /api/v1/me/connections: a personal access token for one host. Bitbucket
 * Cloud alone takes an `email`: a person's Atlassian API token signs in with
 * the account's email; an access token (repository, workspace) has none.
 */
export const tokenConnectionInputSchema = z
  .object({
    provider: z.enum(gitProviders, { error: `Choose a provider: ${gitProviders.join(", ")}.` }),
    host: z.string({ error: "Give the host, like github.com." }).trim().min(1, "Give the host, like github.com.").max(300, "That host is too long."),
    token: z.string({ error: "Give a personal access token." }).trim().min(1, "Give a personal access token.").max(4096, "The personal access token is too long."),
    email: z.preprocess(blankToUndefined, emailSchema.optional()),
  })
  .refine((input) => input.email === undefined || input.provider === "bitbucket", {
    path: ["email"],
    message: "Only Bitbucket Cloud API tokens sign in with an email. Leave the email empty for this provider.",
  });

export type TokenConnectionInput = z.infer<typeof tokenConnectionInputSchema>;
