import { listVisibleProjects, type ProjectListFilter, type ProjectWithOwner, type User } from "../db";
import { roleOf, type ProjectAccess } from "./access";

/** The projects a user may see, one page at a time, each with the user's role. */
export function listProjects({
  user,
  q,
  filter = "all",
  sort = "name",
  page = 1,
  perPage = 50,
}: {
  user: User;
  q?: string;
  filter?: ProjectListFilter;
  sort?: "name" | "activity";
  page?: number;
  perPage?: number;
}): { projects: ProjectAccess[]; nextPage: number | null } {
  const rows: ProjectWithOwner[] = listVisibleProjects({
    userId: user.id,
    isAdmin: user.role === "admin",
    q,
    filter,
    sort,
    limit: perPage + 1,
    offset: (page - 1) * perPage,
  });
  const projects = rows.slice(0, perPage).flatMap((row) => {
    const role = roleOf({ project: row.project, user });
    return role ? [{ ...row, role }] : [];
  });
  return { projects, nextPage: rows.length > perPage ? page + 1 : null };
}
