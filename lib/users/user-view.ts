import type { User } from "../db";

export type UserView = { id: string; email: string; name: string; handle: string; role: "admin" | "user"; disabled: boolean; createdAt: string };

/** A user as the API and pages show it: never the password hash. */
export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    handle: user.handle,
    role: user.role,
    disabled: user.disabled,
    createdAt: user.createdAt.toISOString(),
  };
}
