import { requireAdmin, requireApiCaller } from "@/lib/auth";
import { apiRoute, json, paginationSchema, readQuery } from "@/lib/http";
import { listAdminProjects } from "@/lib/projects";

/** Every project with where its repository lives and its size (admin). */
export const GET = apiRoute(async (request) => {
  const caller = await requireApiCaller(request);
  requireAdmin(caller);
  const query = readQuery(request, paginationSchema);
  return json(await listAdminProjects({ admin: caller.user, ...query }));
});
