import { listProjectLfsObjects } from "../db";
import { answerBatch } from "./answer-batch";
import { batchRequestSchema, chooseTransfer } from "./batch-request";
import { readLfsJson, refuseWrite, type LfsContext } from "./lfs-context";
import { lfsError, lfsJson } from "./lfs-responses";
import { isOid } from "./oid";
import { getLfsSettings } from "./settings";

/** POST {clone URL}/info/lfs/objects/batch: what to download or upload, object by object (viewers download, editors upload). */
export async function serveBatch({ request, access, lfsUrl }: LfsContext): Promise<Response> {
  const batch = await readLfsJson(request, batchRequestSchema);
  if (!chooseTransfer(batch.transfers)) {
    return lfsError(422, `Benchtop's git server speaks Git LFS's "basic" transfer only, and this client offered ${batch.transfers!.join(", ")}. Allow the basic transfer in the client's settings.`);
  }
  if (batch.operation === "upload") {
    const refusal = refuseWrite(access);
    if (refusal) return refusal;
  }
  const oids = batch.objects.map((object) => object.oid).filter(isOid);
  const held = new Map(listProjectLfsObjects({ projectId: access.project.id, oids }).map((object) => [object.oid, object.size]));
  return lfsJson(
    answerBatch({
      request: batch,
      held,
      maxObjectBytes: getLfsSettings().maxObjectBytes,
      objectUrl: (oid) => `${lfsUrl}/objects/${oid}`,
      verifyUrl: `${lfsUrl}/objects/verify`,
    }),
  );
}
