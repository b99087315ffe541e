import { z } from "zod";
import { changePasswordSchema } from "@/lib/users/schema";

/** The change-password form: the API's fields plus a confirmation typed twice. */
export const changePasswordFormSchema = changePasswordSchema
  .extend({ confirmPassword: z.string({ error: "Type the new password again." }) })
  .refine((form) => form.confirmPassword === form.newPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords differ. Type the same new password in both fields.",
  });
