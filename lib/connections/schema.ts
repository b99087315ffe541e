import { z } from "zod";
import { providers } from "../hosts/types";

const gitProviders = providers.filter((p) => p !== "s3") as [Exclude<(typeof providers)[number], "s3">, ...Exclude<(typeof providers)[number], "s3">[]];

/** POST /api/v1/me/connections: a personal access token for one host. */
export const tokenConnectionInputSchema = z.object({
  provider: z.enum(gitProviders, { error: `Choose a provider: ${gitProviders.join(", ")}.` }),
  host: z.string({ error: "Give the host, like github.com." }).trim().min(1, "Give the host, like github.com.").max(300, "That host is too long."),
  token: z.string({ error: "Give a personal access token." }).trim().min(1, "Give a personal access token.").max(4096, "The personal access token is too long."),
});

export type TokenConnectionInput = z.infer<typeof tokenConnectionInputSchema>;
