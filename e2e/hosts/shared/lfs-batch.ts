// What the emulators' Git LFS APIs share: reading a batch request and writing
// LFS answers, as git-lfs's API documents them (docs/api/batch.md,
// basic-transfers.md, locking.md in Debian's git-lfs package).
import type { IncomingMessage, ServerResponse } from "node:http";
import { readJsonObject } from "./oauth-http";

export const LFS_MEDIA_TYPE = "application/vnd.git-lfs+json";

export type BatchObject = { oid: string; size: number };
export type BatchRequest = { operation: "download" | "upload"; objects: BatchObject[]; transfers: string[] };

/** Sends an LFS JSON answer (GitHub and GitLab both name the charset). */
export function sendLfs(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": `${LFS_MEDIA_TYPE}; charset=utf-8`, ...headers }).end(JSON.stringify(body));
}

/** The batch request in the body, or null when it is not one (the host answers 422). */
export async function readBatchRequest(req: IncomingMessage): Promise<BatchRequest | null> {
  const body = await readJsonObject(req).catch(() => null);
  if (!body || (body.operation !== "download" && body.operation !== "upload") || !Array.isArray(body.objects)) return null;
  const objects = body.objects as unknown[];
  const valid = objects.every((o) => {
    const object = o as Partial<BatchObject> | null;
    return object && typeof object.oid === "string" && /^[0-9a-f]{64}$/.test(object.oid) && Number.isInteger(object.size) && object.size! >= 0;
  });
  if (!valid) return null;
  const transfers = Array.isArray(body.transfers) ? body.transfers.filter((t): t is string => typeof t === "string") : ["basic"];
  return { operation: body.operation, objects: objects as BatchObject[], transfers };
}

/** An action's expiry in both of the API's forms. */
export function expiry(expiresIn: number): { expires_in: number; expires_at: string } {
  return { expires_in: expiresIn, expires_at: new Date(Date.now() + expiresIn * 1000).toISOString().replace(/\.\d{3}Z$/, "Z") };
}

/** Whether the request asks for LFS JSON (GitHub answers 406 otherwise). */
export const acceptsLfs = (req: IncomingMessage) => (req.headers.accept ?? "").split(",").some((part) => part.split(";")[0]!.trim().toLowerCase() === LFS_MEDIA_TYPE);
