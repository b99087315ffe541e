import { requireApiCaller } from "@/lib/auth";
import { apiRoute, json } from "@/lib/http";
import { listRepositoryBranches, loadRepository } from "@/lib/repositories";

type Context = { params: Promise<{ id: string }> };

export const GET = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const repository = loadRepository({ id: (await params).id, user });
  return json({ branches: await listRepositoryBranches({ repository }) });
});
