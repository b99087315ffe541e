import { auditQuerySchema, auditResponse } from "@/lib/audit";
import { requireApiCaller } from "@/lib/auth";
import { apiRoute, readQuery } from "@/lib/http";
import { loadProject } from "@/lib/projects";

type Context = { params: Promise<{ id: string }> };

/** A project's audit trail, readable by all its members. */
export const GET = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const { project } = loadProject({ id: (await params).id, user });
  return auditResponse({ projectId: project.id, query: readQuery(request, auditQuerySchema), filename: `audit-${project.name}` });
});
