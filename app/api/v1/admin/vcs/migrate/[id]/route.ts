import { requireAdmin, requireApiCaller } from "@/lib/auth";
import { notFound } from "@/lib/errors";
import { apiRoute, json } from "@/lib/http";
import { getMoveBatch } from "@/lib/moves";

type Context = { params: Promise<{ id: string }> };

/** One batch of moves: each project's state, step and report (admin). */
export const GET = apiRoute(async (request, { params }: Context) => {
  const caller = await requireApiCaller(request);
  requireAdmin(caller);
  const { id } = await params;
  const batch = getMoveBatch({ id });
  if (!batch) throw notFound("That move");
  return json(batch);
});
