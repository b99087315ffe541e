import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth";
import type { User } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { loadProject, type ProjectAccess } from "@/lib/projects";

/** For the project's pages: the signed-in user and their access, or the 404 page. */
export async function loadPageProject(params: Promise<{ id: string }>): Promise<{ user: User; access: ProjectAccess }> {
  const user = await requirePageUser();
  const { id } = await params;
  try {
    return { user, access: loadProject({ id, user }) };
  } catch (error) {
    if (isAppError(error) && error.apiCode === "not_found") notFound();
    throw error;
  }
}
