import { auditQuerySchema, auditResponse, listEvents } from "@/lib/audit";
import { requireApiCaller } from "@/lib/auth";
import { apiRoute, readQuery } from "@/lib/http";
import { loadProject } from "@/lib/projects";

type Context = { params: Promise<{ id: string }> };

/** A project's audit trail, readable by all its members. */
export const GET = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const { project } = loadProject({ id: (await params).id, user });
  const { format, ...query } = readQuery(request, auditQuerySchema);
  const page = listEvents({ projectId: project.id, ...query });
  return auditResponse({ ...page, format, filename: `audit-${project.name}` });
});
