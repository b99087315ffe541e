import { z } from "zod";

export const emailSchema = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .max(320, "Use an email address of at most 320 characters.")
  .pipe(z.email({ error: "Enter a valid email address, like ada@example.com." }));

export const passwordSchema = z
  .string({ error: "Enter a password." })
  .min(8, "Use a password of at least 8 characters.")
  .max(1024, "Use a password of at most 1024 characters.");

export const userNameSchema = z.string().trim().min(1, "Enter a name.").max(200, "Use a name of at most 200 characters.");

export const roleSchema = z.enum(["admin", "user"], { error: "Choose a role: admin or user." });

export const createUserSchema = z.object({
  email: emailSchema,
  name: userNameSchema,
  password: passwordSchema,
  role: roleSchema.default("user"),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    role: roleSchema.optional(),
    disabled: z.boolean({ error: "disabled must be true or false." }).optional(),
    name: userNameSchema.optional(),
    /** A new password set by an administrator (ends the user's sessions). */
    password: passwordSchema.optional(),
    /** Forgets the account's failed sign-ins, so that it may sign in at once. */
    unlock: z.boolean({ error: "unlock must be true or false." }).optional(),
  })
  .strict();
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(1024, "Enter your current password."),
    newPassword: passwordSchema,
  })
  .strict();
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
