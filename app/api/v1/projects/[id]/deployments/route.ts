import { requireApiCaller } from "@/lib/auth";
import { createDeployment, createDeploymentSchema, listDeploymentViews, toDeploymentView } from "@/lib/deployments";
import { apiRoute, json, publicOrigin, readJson } from "@/lib/http";
import { loadProject } from "@/lib/projects";

type Context = { params: Promise<{ id: string }> };

/** A project's deployments (all its members). */
export const GET = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const access = loadProject({ id: (await params).id, user });
  return json({ deployments: listDeploymentViews({ access, appOrigin: publicOrigin(request.headers, request.url) }) });
});

/** Deploys the project at a ref (editors and up); the first run is queued and the URL answers at once. */
export const POST = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const access = loadProject({ id: (await params).id, user });
  const input = await readJson(request, createDeploymentSchema);
  const { deployment } = await createDeployment({ access, input, actor: user });
  return json(toDeploymentView(deployment, { appOrigin: publicOrigin(request.headers, request.url) }), 201);
});
