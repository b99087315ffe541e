import { z } from "zod";
import { requireApiCaller } from "@/lib/auth";
import { apiRoute, json, readQuery } from "@/lib/http";
import { listRepositoryFiles, loadRepository } from "@/lib/repositories";

type Context = { params: Promise<{ id: string }> };

const querySchema = z.object({
  ref: z.string().trim().max(255).optional(),
  path: z.string().trim().max(1024).optional(),
  prefix: z.string().max(1024).optional(),
});

/** One folder at a ref (git), or the objects under a prefix (S3). */
export const GET = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const repository = loadRepository({ id: (await params).id, user });
  const query = readQuery(request, querySchema);
  return json({ files: await listRepositoryFiles({ repository, ...query }) });
});
