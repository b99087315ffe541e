import { requireApiCaller } from "@/lib/auth";
import { apiRoute, json } from "@/lib/http";
import { loadProject } from "@/lib/projects";
import { listProjectBranches } from "@/lib/repositories";

type Context = { params: Promise<{ id: string }> };

export const GET = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const { project } = loadProject({ id: (await params).id, user });
  // A project on a git host has the host's branches, read with the caller's credential there.
  const branches = await listProjectBranches({ actor: user, project });
  return json({ branches });
});
