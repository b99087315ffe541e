import { z } from "zod";
import { localPathOr } from "@/lib/http/local-path";

export const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email."),
  password: z.string().min(1, "Enter your password."),
  callbackUrl: z.string().optional(),
});

/** Only same-site paths may be returned to after sign-in (no open redirect). */
export const safeCallbackUrl = (value: string | undefined): string => localPathOr(value, "/projects");
