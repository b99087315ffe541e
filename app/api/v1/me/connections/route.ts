import { requireApiCaller } from "@/lib/auth";
import { createTokenConnection, listConnections, toConnectionView, tokenConnectionInputSchema } from "@/lib/connections";
import { apiRoute, json, readJson } from "@/lib/http";
import { grantHostAccessOnConnect } from "@/lib/projects";

export const GET = apiRoute(async (request) => {
  const { user } = await requireApiCaller(request);
  return json({ connections: listConnections({ user }).map(toConnectionView) });
});

/**
 * Connects the caller's account at a host with a personal access token (checked
 * against the host first); their external projects on that host then give it access.
 */
export const POST = apiRoute(async (request) => {
  const { user } = await requireApiCaller(request);
  const input = await readJson(request, tokenConnectionInputSchema, { maxBytes: 16 * 1024 });
  const connection = await createTokenConnection({ user, ...input });
  await grantHostAccessOnConnect({ user, connection });
  return json(toConnectionView(connection), 201);
});
