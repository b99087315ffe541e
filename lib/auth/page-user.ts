import { redirect } from "next/navigation";
import type { User } from "../db";
import { AppError } from "../errors";
import { getBrowserSession, getSessionUser } from "./authenticate";

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requirePageUser(): Promise<User> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}

/** For pages only admins may see. */
export async function requirePageAdmin(): Promise<User> {
  const user = await requirePageUser();
  if (user.role !== "admin") redirect("/projects");
  return user;
}

/** For server actions: the signed-in user and their session, or an error the form shows. */
export async function requireActionSession(): Promise<{ user: User; sessionId: string }> {
  const session = await getBrowserSession();
  if (!session) throw new AppError("unauthorized", "Your session has ended. Sign in again, then repeat what you were doing.");
  return session;
}

/** For server actions: the signed-in user, or an error the form shows. */
export async function requireActionUser(): Promise<User> {
  return (await requireActionSession()).user;
}

/** For server actions only admins may take: the signed-in administrator, or an error the form shows. */
export async function requireActionAdmin({ what }: { what: string }): Promise<User> {
  const user = await requireActionUser();
  if (user.role !== "admin") throw new AppError("forbidden", `Only an administrator can ${what}.`);
  return user;
}
