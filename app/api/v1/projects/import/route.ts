import { createProjectFromUpload } from "@/lib/archives";
import { requireApiCaller } from "@/lib/auth";
import { apiRoute, json, publicOrigin } from "@/lib/http";
import { toProjectView } from "@/lib/projects";

// The body is a multipart form (fields name, description, file), streamed to disk by
// createProjectFromUpload and validated there: a zod schema cannot see a 1 GB file.
// A browser session must come from Benchtop's own pages (requireApiCaller checks the
// Origin for every state-changing request, whatever its content type) before a byte is read.
export const POST = apiRoute(async (request) => {
  const { user } = await requireApiCaller(request);
  const { project, warnings } = await createProjectFromUpload({ request, owner: user });
  const view = toProjectView({ project, owner: user, role: "owner", origin: publicOrigin(request.headers, request.url) });
  return json(warnings.length > 0 ? { ...view, warnings } : view, 201);
});
