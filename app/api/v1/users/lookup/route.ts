import { z } from "zod";
import { requireApiCaller } from "@/lib/auth";
import { apiRoute, json, readQuery } from "@/lib/http";
import { lookUpUsers } from "@/lib/users";

const lookupQuerySchema = z.object({ q: z.string().max(200).default("") });

/** People to share a project with, for the Share page's search as you type. */
export const GET = apiRoute(async (request) => {
  await requireApiCaller(request);
  const { q } = readQuery(request, lookupQuerySchema);
  return json({ users: lookUpUsers({ q }) });
});
