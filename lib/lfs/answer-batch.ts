import type { BatchRequest } from "./batch-request";
import { isOid } from "./oid";
import { OBJECT_MISSING_MESSAGE, overLimitMessage, wrongSizeMessage } from "./refusals";

type Action = { href: string };
export type BatchObjectAnswer = {
  oid: string;
  size: number;
  actions?: { download?: Action; upload?: Action; verify?: Action };
  error?: { code: number; message: string };
};
export type BatchAnswer = { transfer: "basic"; objects: BatchObjectAnswer[]; hash_algo: "sha256" };

/**
 * The batch answer, object by object: a download for objects the project
 * holds (404 for the others), an upload and a verify for objects it does not
 * hold yet (none for those it holds), and per-object refusals for an id that
 * is not a SHA-256 or a size over the limit. The transfer URLs carry no
 * credential: the client sends its own to the same host again.
 */
export function answerBatch({
  request,
  held,
  maxObjectBytes,
  objectUrl,
  verifyUrl,
}: {
  request: BatchRequest;
  /** The sizes of the requested objects the project already holds, by oid. */
  held: ReadonlyMap<string, number>;
  maxObjectBytes: number;
  objectUrl: (oid: string) => string;
  verifyUrl: string;
}): BatchAnswer {
  const sha256 = !request.hash_algo || request.hash_algo === "sha256";
  const objects = request.objects.map(({ oid, size }): BatchObjectAnswer => {
    if (!sha256) return { oid, size, error: { code: 409, message: `Benchtop names Git LFS objects by their SHA-256 only, not by ${request.hash_algo}. Use a git-lfs configured for sha256.` } };
    if (!isOid(oid)) return { oid, size, error: { code: 422, message: `"${oid.slice(0, 80)}" is not a Git LFS object id: give the object's SHA-256 in lower-case hex (64 characters).` } };
    const heldSize = held.get(oid);
    if (request.operation === "download") {
      if (heldSize === undefined) return { oid, size, error: { code: 404, message: OBJECT_MISSING_MESSAGE } };
      return { oid, size: heldSize, actions: { download: { href: objectUrl(oid) } } };
    }
    if (heldSize === size) return { oid, size };
    if (heldSize !== undefined) return { oid, size, error: { code: 422, message: wrongSizeMessage({ oid, size, held: heldSize }) } };
    if (size > maxObjectBytes) return { oid, size, error: { code: 422, message: overLimitMessage({ size, limit: maxObjectBytes }) } };
    return { oid, size, actions: { upload: { href: objectUrl(oid) }, verify: { href: verifyUrl } } };
  });
  return { transfer: "basic", objects, hash_algo: "sha256" };
}
