import { requireApiCaller } from "@/lib/auth";
import { listRunViews, runsQuerySchema } from "@/lib/deployments";
import { apiRoute, json, readQuery } from "@/lib/http";
import { loadProject } from "@/lib/projects";

type Context = { params: Promise<{ id: string }> };

/** The project's runs, newest first, with their logs; ?status= and ?deployment= filter, ?page= and ?perPage= page. */
export const GET = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const access = loadProject({ id: (await params).id, user });
  const query = readQuery(request, runsQuerySchema);
  return json({ runs: listRunViews({ access, status: query.status, deploymentId: query.deployment, page: query.page, perPage: query.perPage }) });
});
