import { downloadArchive } from "@/lib/archives";
import { requireApiCaller } from "@/lib/auth";
import { apiRoute, readQuery } from "@/lib/http";
import { loadProject } from "@/lib/projects";
import { archiveQuerySchema } from "./schema";

type Context = { params: Promise<{ id: string }> };

/** The project's files at a ref, or its whole repository with history (`history=true`), streamed as a zip or tar.gz. */
export const GET = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const access = loadProject({ id: (await params).id, user });
  const query = readQuery(request, archiveQuerySchema);
  const archive = await downloadArchive({ access, actor: user, ...query, signal: request.signal });
  return new Response(archive.body, {
    headers: {
      "content-type": archive.contentType,
      "content-disposition": `attachment; filename="${archive.filename}"`,
      "x-benchtop-commit": archive.commit,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
});
