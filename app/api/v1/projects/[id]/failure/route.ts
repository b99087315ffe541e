import { requireApiCaller } from "@/lib/auth";
import { apiRoute, noContent } from "@/lib/http";
import { dismissProjectFailure, loadProject } from "@/lib/projects";

type Context = { params: Promise<{ id: string }> };

/** Dismisses the project's red mark (its editors, owner, admins, or whoever reported the failure). */
export const DELETE = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  dismissProjectFailure({ access: loadProject({ id: (await params).id, user }), actor: user });
  return noContent();
});
