import { auditQuerySchema, auditResponse } from "@/lib/audit";
import { requireAdmin, requireApiCaller } from "@/lib/auth";
import { apiRoute, readQuery } from "@/lib/http";

/** Every event, including those of deleted projects and those that belong to no project (admin). */
export const GET = apiRoute(async (request) => {
  const caller = await requireApiCaller(request);
  requireAdmin(caller);
  return auditResponse({ query: readQuery(request, auditQuerySchema), filename: "audit" });
});
