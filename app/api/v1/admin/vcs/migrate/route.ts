import { requireAdmin, requireApiCaller } from "@/lib/auth";
import { apiRoute, json, readJson } from "@/lib/http";
import { listMoveBatches, moveRequestSchema, queueMoves } from "@/lib/moves";

/** Queues moves of projects between Benchtop's git server and the external backend in force (admin); they run in the background. */
export const POST = apiRoute(async (request) => {
  const caller = await requireApiCaller(request);
  requireAdmin(caller);
  const body = await readJson(request, moveRequestSchema);
  const { batchId, jobs } = queueMoves({ actor: caller.user, request: body });
  return json({ jobId: batchId, projects: jobs.map((job) => ({ projectId: job.projectId, jobId: job.id })) }, 202);
});

/** The newest batches of moves with each project's progress (admin). */
export const GET = apiRoute(async (request) => {
  const caller = await requireApiCaller(request);
  requireAdmin(caller);
  return json({ batches: listMoveBatches() });
});
