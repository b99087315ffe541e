import { z } from "zod";
import { requireApiCaller } from "@/lib/auth";
import { listConnectionRepositories } from "@/lib/connections";
import { apiRoute, json, readQuery } from "@/lib/http";

type Context = { params: Promise<{ id: string }> };

const querySchema = z.object({ q: z.string().trim().max(200, "Search with at most 200 characters.").optional() });

/**
 * The repositories the connection's account can reach, newest activity first
 * (for the Repository autocomplete), and the organizations that keep its app
 * out with where to ask them (`accessRequests`, `permissionsUrl`).
 */
export const GET = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const { id } = await params;
  const { q } = readQuery(request, querySchema);
  return json(await listConnectionRepositories({ user, id, search: q }));
});
