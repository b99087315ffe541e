import { getUserByEmail, handleExists, insertUser, type User } from "../db";
import { recordEvent } from "../audit";
import { AppError } from "../errors";
import { hashPassword } from "../auth/password";
import { makeHandle } from "./make-handle";
import type { CreateUserInput } from "./schema";

/** Creates an account with a unique handle. `actor` is who did it (absent at first-run setup). */
export async function createUser({ input, actor }: { input: CreateUserInput; actor?: User }): Promise<User> {
  if (getUserByEmail({ email: input.email })) {
    throw new AppError("conflict", "An account with this email already exists.", { fields: { email: "An account with this email already exists." } });
  }
  const passwordHash = await hashPassword(input.password);
  const handle = makeHandle({ email: input.email, isTaken: (h) => handleExists({ handle: h }) });
  const user = insertUser({ email: input.email, name: input.name, handle, passwordHash, role: input.role });
  recordEvent({
    action: "user.created",
    actor: actor ?? user,
    detail: { userId: user.id, email: user.email, role: user.role },
  });
  return user;
}
