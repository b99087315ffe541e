import { requireApiCaller } from "@/lib/auth";
import { listBranches } from "@/lib/git-server";
import { apiRoute, json } from "@/lib/http";
import { loadProject } from "@/lib/projects";

type Context = { params: Promise<{ id: string }> };

export const GET = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const { project } = loadProject({ id: (await params).id, user });
  return json({ branches: await listBranches({ projectId: project.id }) });
});
