import { getSessionUser } from "../../auth/authenticate";
import { markTokenRefused } from "../../connections";
import type { User } from "../../db";
import { isAppError } from "../../errors";
import { publicOrigin } from "../../http/origin";
import { beingMovedMessage, isBeingMoved } from "../../projects";
import { authorizationFor } from "../authorization-for";
import { findTarget, type GatewayTarget } from "../find-target";
import { forwardRequest } from "../forward-request";
import { fromSameOrigin } from "../from-same-origin";
import { NOT_A_TARGET, readStart } from "../gateway-answers";
import { GatewayError } from "../gateway-error";
import { resolveUpstream } from "../resolve-upstream";
import { batchAnswerSchema, batchRequestSchema, type BatchRequest } from "./batch-schema";
import { explainLfsRefusal, type LfsIntent } from "./explain-lfs-refusal";
import { lfsJson, lfsRefusal, readSmallBody } from "./lfs-answers";
import { LFS_LIMITS } from "./lfs-limits";
import { LFS_MEDIA_TYPE, lfsBasePath, type LfsRequest } from "./parse-lfs-path";
import { rewriteBatchAnswer } from "./rewrite-batch-answer";

type Relay = { request: Request; lfs: LfsRequest; user: User; target: GatewayTarget; body: string };

const LOCK_ANSWER_STATUSES = new Set([200, 201, 409]);

/** What the host gets: the LFS media type it requires (GitHub answers 406 without it), the credential, and a body of known length. */
function upstreamHeaders(request: Request, authorization: string | null, body: string | null): Record<string, string> {
  return {
    accept: LFS_MEDIA_TYPE,
    "user-agent": request.headers.get("user-agent") ?? "Benchtop git gateway",
    ...(body !== null ? { "content-type": LFS_MEDIA_TYPE, "content-length": String(Buffer.byteLength(body)) } : {}),
    ...(authorization ? { authorization } : {}),
  };
}

/** Sends one LFS API request to the repository's host with its credential; the host's refusals come back in words. */
async function askHost({ request, user, target, suffix, body, intent }: Pick<Relay, "request" | "user" | "target"> & { suffix: string; body: string | null; intent: LfsIntent }) {
  const { remote, gitUrl } = target;
  const upstream = await resolveUpstream(gitUrl);
  const { authorization, from, tokenType, connectionId } = await authorizationFor({ user, remote });
  const response = await forwardRequest({
    upstream,
    method: body === null ? "GET" : "POST",
    path: `${lfsBasePath(gitUrl)}/${suffix}`,
    headers: upstreamHeaders(request, authorization, body),
    body: body === null ? null : new Response(body).body,
    signal: request.signal,
  });
  // The host refused the connection's token (revoked, or expired early): the user must connect again.
  if (response.status === 401 && connectionId) markTokenRefused({ connection: { id: connectionId } });
  const explain = async () => {
    const upstreamText = response.status >= 400 && response.status < 500 ? await readStart(response.body) : (response.discard(), "");
    const refusal = explainLfsRefusal({ status: response.status, host: gitUrl.host, provider: remote.provider, intent, credential: { from, tokenType }, upstreamText });
    return lfsRefusal(response.status >= 300 && response.status < 400 ? 502 : response.status >= 500 ? 502 : response.status, refusal.message, refusal.code);
  };
  return { response, explain };
}

const unreadable = (host: string) => lfsRefusal(502, `${host} answered the Git LFS request with something that is not a Git LFS answer. Try again; if it keeps failing, check that ${host} serves Git LFS for this repository.`, "host_refused");

async function relayBatch({ request, lfs, user, target, body }: Relay): Promise<Response> {
  let asked: BatchRequest;
  try {
    asked = batchRequestSchema.parse(JSON.parse(body));
  } catch {
    return lfsRefusal(422, "This is not a Git LFS batch request: send {\"operation\":\"download\"|\"upload\",\"objects\":[{\"oid\",\"size\"}]} with SHA-256 object ids.", "transfer_invalid");
  }
  if (asked.operation === "upload") {
    if (!target.mayPush) return lfsRefusal(403, "You can view this project but not upload to it. Your commits stay in this session; ask the project's owner for the editor role.", "read_only");
    if (target.project && isBeingMoved(target.project)) return lfsRefusal(423, beingMovedMessage(target.project), "being_moved");
    const tooBig = asked.objects.find((o) => o.size > LFS_LIMITS.maxObjectBytes);
    if (tooBig) return lfsRefusal(413, `A file of ${tooBig.size} bytes is over the gateway's limit of ${LFS_LIMITS.maxObjectBytes} bytes for one Git LFS object. Keep it outside the repository, or ask your administrator.`, "too_large");
  }
  // Only the basic adapter's transfers can be relayed: the host is asked for those alone.
  const forwarded = JSON.stringify({ operation: asked.operation, transfers: ["basic"], ...(asked.ref ? { ref: asked.ref } : {}), objects: asked.objects, ...(asked.hash_algo ? { hash_algo: asked.hash_algo } : {}) });
  const { response, explain } = await askHost({ request, user, target, suffix: "objects/batch", body: forwarded, intent: asked.operation });
  if (response.status !== 200) return explain();
  const host = target.gitUrl.host;
  const text = await readSmallBody(response.body, LFS_LIMITS.maxApiAnswerBytes, `${host}'s answer to the Git LFS batch request is too large. Ask for fewer files at a time.`);
  let parsed;
  try {
    parsed = batchAnswerSchema.safeParse(JSON.parse(text));
  } catch {
    return unreadable(host);
  }
  if (!parsed.success || (parsed.data.transfer !== undefined && parsed.data.transfer !== "basic")) return unreadable(host);
  const answer = rewriteBatchAnswer({
    answer: parsed.data,
    asked: asked.objects,
    userId: user.id,
    repository: { hostname: lfs.hostname, port: lfs.port, repoPath: lfs.repoPath },
    origin: publicOrigin(request.headers, request.url),
  });
  return lfsJson(200, answer);
}

/** The locks API (git lfs lock, unlock, locks, and the check before a push): JSON both ways, nothing in it to rewrite. */
async function relayLocks({ request, lfs, user, target, body }: Relay): Promise<Response> {
  if (lfs.writesLocks && !target.mayPush) return lfsRefusal(403, "You can view this project but not lock or unlock its files; ask the project's owner for the editor role.", "read_only");
  let forwarded: string | null = null;
  if (request.method === "POST") {
    try {
      const value: unknown = JSON.parse(body || "{}");
      if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("not an object");
      forwarded = JSON.stringify(value);
    } catch {
      return lfsRefusal(422, "This is not a Git LFS locks request: send a JSON object.", "transfer_invalid");
    }
  }
  const { response, explain } = await askHost({ request, user, target, suffix: lfs.upstreamSuffix, body: forwarded, intent: lfs.writesLocks ? "write-locks" : "read-locks" });
  // 409 is git-lfs's "already locked", with the lock in the body: the client shows who holds it.
  if (!LOCK_ANSWER_STATUSES.has(response.status)) return explain();
  const text = await readSmallBody(response.body, LFS_LIMITS.maxApiAnswerBytes, `${target.gitUrl.host}'s answer about locks is too large. Ask for fewer locks at a time.`);
  try {
    return lfsJson(response.status, JSON.parse(text));
  } catch {
    return unreadable(target.gitUrl.host);
  }
}

/**
 * The Git LFS API of a repository through the gateway: `POST
 * {repository}/info/lfs/objects/batch` and the locks API, sent to the
 * repository's host with the credential git would use, under the same
 * checks as git (session, same origin, a repository the caller may use,
 * editors for uploads and locks). The batch answer's transfer URLs are
 * replaced by relay URLs (serve-lfs-transfer.ts).
 */
export async function serveLfsApiRequest(request: Request, lfs: LfsRequest): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return lfsRefusal(401, "Sign in to Benchtop to use Git LFS through the git gateway.", "sign_in_required");
  if (!fromSameOrigin(request)) return lfsRefusal(403, "The git gateway only serves Benchtop's own pages.", "cross_site");
  const target = findTarget({ request: lfs, user });
  if (!target) return lfsRefusal(404, NOT_A_TARGET, "not_a_target");
  try {
    const body = request.method === "POST" ? await readSmallBody(request.body, LFS_LIMITS.maxApiRequestBytes, `A Git LFS request is limited to ${LFS_LIMITS.maxApiRequestBytes} bytes: ask about fewer files at a time.`) : "";
    return await (lfs.endpoint === "batch" ? relayBatch : relayLocks)({ request, lfs, user, target, body });
  } catch (error) {
    if (error instanceof GatewayError) return lfsRefusal(error.status, error.message, error.code);
    if (isAppError(error) && error.apiCode === "connection_required") return lfsRefusal(401, error.message, "connection_required");
    console.error("git gateway (LFS):", error instanceof Error ? error.message : error);
    return lfsRefusal(502, "The git gateway could not reach the git host for Git LFS.", "unreachable");
  }
}

