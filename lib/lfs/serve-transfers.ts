import { z } from "zod";
import { getProjectLfsObject } from "../db";
import { canWrite } from "../projects";
import { keepObject } from "../lfs-objects";
import { readLfsJson, refuseWrite, type LfsContext } from "./lfs-context";
import { lfsError, lfsJson } from "./lfs-responses";
import { OID_PATTERN } from "./oid";
import { readObject } from "./read-object";
import { receiveObject } from "./receive-object";
import { OBJECT_MISSING_MESSAGE, overLimitMessage, READ_ONLY_MESSAGE, wrongSizeMessage } from "./refusals";
import { getLfsSettings } from "./settings";

const missing = () => lfsError(404, OBJECT_MISSING_MESSAGE);

/** GET {clone URL}/info/lfs/objects/{oid}: the object's bytes, streamed from disk, for anyone who reads the project. */
export async function serveDownload({ access }: LfsContext, oid: string): Promise<Response> {
  if (!getProjectLfsObject({ projectId: access.project.id, oid })) return missing();
  const object = await readObject(oid);
  if (!object) return missing();
  return new Response(object.body, {
    status: 200,
    headers: { "content-type": "application/octet-stream", "content-length": String(object.size), "cache-control": "no-store" },
  });
}

/**
 * PUT {clone URL}/info/lfs/objects/{oid}: the object's bytes, kept only when
 * their SHA-256 is the oid and they are within the limit (editors and up).
 */
export async function serveUpload({ request, access }: LfsContext, oid: string): Promise<Response> {
  const refusal = refuseWrite(access);
  if (refusal) return refusal;
  const { maxObjectBytes } = getLfsSettings();
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > maxObjectBytes) return lfsError(413, overLimitMessage({ size: declared, limit: maxObjectBytes }));
  if (!request.body) return lfsError(400, "Send the object's content as the body of the PUT.");
  const received = await receiveObject({ body: request.body, oid, maxObjectBytes });
  if (!received.ok) return lfsError(received.status, received.message);
  keepObject({ projectId: access.project.id, oid, size: received.size, tempFile: received.tempFile });
  return new Response(null, { status: 200, headers: { "cache-control": "no-store" } });
}

const verifySchema = z.object({
  oid: z.string().regex(OID_PATTERN, "Give the object's SHA-256 in lower-case hex."),
  size: z.number().int().nonnegative(),
});

/** POST {clone URL}/info/lfs/objects/verify: 200 when the project holds the object, with the size the client names. */
export async function serveVerify({ request, access }: LfsContext): Promise<Response> {
  if (!canWrite(access.role)) return lfsError(403, READ_ONLY_MESSAGE);
  const { oid, size } = await readLfsJson(request, verifySchema);
  const held = getProjectLfsObject({ projectId: access.project.id, oid });
  if (!held) return lfsError(404, `Benchtop does not hold the object ${oid} for ${access.project.name}: its upload did not arrive. Push again.`);
  if (held.size !== size) return lfsError(422, wrongSizeMessage({ oid, size, held: held.size }));
  return lfsJson({ oid, size });
}
