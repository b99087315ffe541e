import { getUserById, type User } from "../db";
import { notFound } from "../errors";

/** One account by id, for an administrator's screens and the API; not_found when there is none. */
export function loadUser({ id }: { id: string }): User {
  const user = getUserById({ id });
  if (!user) throw notFound("That user");
  return user;
}
