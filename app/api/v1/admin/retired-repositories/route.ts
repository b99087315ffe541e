import { requireAdmin, requireApiCaller } from "@/lib/auth";
import { apiRoute, json } from "@/lib/http";
import { listRetiredRepositoryViews } from "@/lib/projects";

/** Repositories kept until an administrator removes them: old copies after a move, and deleted projects' repositories the host did not remove (admin). */
export const GET = apiRoute(async (request) => {
  const caller = await requireApiCaller(request);
  requireAdmin(caller);
  return json({ repositories: listRetiredRepositoryViews() });
});
