import type { z } from "zod";
import type { Caller } from "../auth";
import { readJson } from "../http";
import { beingMovedMessage, canWrite, isBeingMoved, type ProjectAccess } from "../projects";
import { REFUSAL_HEADER } from "../workspace/gateway-refusal";
import { LFS_MEDIA_TYPE, lfsError } from "./lfs-responses";
import { READ_ONLY_MESSAGE } from "./refusals";

/** One LFS request after authentication: who asks, about which project, and the project's LFS URL (`{clone URL}/info/lfs`). */
export type LfsContext = { request: Request; caller: Caller; access: ProjectAccess; lfsUrl: string };

/** Why the caller may not add objects to the project now (a viewer; a move under way), or undefined when they may. */
export function refuseWrite(access: ProjectAccess): Response | undefined {
  if (!canWrite(access.role)) return lfsError(403, READ_ONLY_MESSAGE);
  // The session reads the kind from the header, as for git's own refusal.
  if (isBeingMoved(access.project)) return lfsError(423, beingMovedMessage(access.project), { headers: { [REFUSAL_HEADER]: "being_moved" } });
  return undefined;
}

/** A JSON body in Git LFS's media type (plain application/json is taken too), validated. */
export function readLfsJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  return readJson(request, schema, { contentTypes: [LFS_MEDIA_TYPE, "application/json"] });
}
