import { requireApiCaller } from "@/lib/auth";
import { listBranches } from "@/lib/git-server";
import { apiRoute, json } from "@/lib/http";
import { linkedRepositoryOf, loadProject } from "@/lib/projects";
import { listRepositoryBranches } from "@/lib/repositories";

type Context = { params: Promise<{ id: string }> };

export const GET = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const { project } = loadProject({ id: (await params).id, user });
  // A linked project's branches are the remote's, read with the repository's credential.
  const branches = project.backend === "remote" ? await listRepositoryBranches({ repository: linkedRepositoryOf(project) }) : await listBranches({ projectId: project.id });
  return json({ branches });
});
