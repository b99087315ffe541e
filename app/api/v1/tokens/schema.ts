import { z } from "zod";

export const createTokenSchema = z.object({
  email: z.string({ error: "Enter your email." }).trim().min(1, "Enter your email.").max(320),
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024),
  name: z.string({ error: "Name the token, e.g. 'laptop'." }).trim().min(1, "Name the token, e.g. 'laptop'.").max(100, "Use a name of at most 100 characters."),
  expiresAt: z.iso
    .datetime({ offset: true, error: "Give expiresAt as an ISO 8601 time, e.g. 2027-01-31T00:00:00Z." })
    .transform((v) => new Date(v))
    .refine((d) => d.getTime() > Date.now(), "expiresAt must be in the future.")
    .nullish(),
});
