import { getSessionUser } from "../../auth/authenticate";
import { findTarget } from "../find-target";
import { LIMITS, forwardRequest, type UpstreamResponse } from "../forward-request";
import { fromSameOrigin } from "../from-same-origin";
import { NOT_A_TARGET } from "../gateway-answers";
import { GatewayError } from "../gateway-error";
import { resolveUpstream, type Upstream } from "../resolve-upstream";
import { lfsRefusal } from "./lfs-answers";
import { LFS_MEDIA_TYPE } from "./parse-lfs-path";
import { openTransferGrant, type TransferGrant } from "./transfer-grant";
import { capStream, transferHeaders } from "./transfer-headers";

const WHAT = { download: "download", upload: "upload", verify: "check of the upload" } as const;

/**
 * The transfer's upstream address under the network policy (https, no
 * private addresses unless BENCHTOP_INSECURE_HOSTS lists the host). The words
 * never name the storage host, which the client must not learn; the server's
 * log does, for the administrator.
 */
async function checkedUpstream(href: URL, gitHost: string): Promise<Upstream> {
  try {
    return await resolveUpstream(href);
  } catch (error) {
    if (!(error instanceof GatewayError) || error.code !== "host_not_allowed") throw error;
    console.warn(`git gateway (LFS): refused a transfer for ${gitHost} to ${href.protocol}//${href.host}: ${error.message}`);
    throw new GatewayError(
      "host_not_allowed",
      403,
      `${gitHost} sent this transfer to a storage address that Benchtop does not contact (plain http, or a private or local network address). If that storage service is meant to be reached, an administrator can allow its host in BENCHTOP_INSECURE_HOSTS; Benchtop's server log names it.`,
    );
  }
}

/** What the client gets back: the object's bytes (download) or the bare status, and nothing of the storage service's headers. */
function toClientAnswer(response: UpstreamResponse, grant: TransferGrant, gitHost: string): Response {
  const { status } = response;
  if (status >= 200 && status < 300) {
    if (grant.action !== "download") {
      response.discard();
      return new Response(null, { status, headers: { "cache-control": "no-store" } });
    }
    const length = Number(response.headers["content-length"] ?? NaN);
    if (length > grant.size) {
      response.discard();
      return lfsRefusal(502, `The storage service for ${gitHost} sent more bytes than the file's ${grant.size}. Nothing was kept; try again.`, "transfer_refused");
    }
    const headers: Record<string, string> = { "content-type": "application/octet-stream", "cache-control": "no-store", "x-content-type-options": "nosniff" };
    if (length === grant.size) headers["content-length"] = String(length);
    return new Response(capStream(response.body, grant.size), { status: 200, headers });
  }
  // The storage service's own words may name its host and bucket: they are not passed on.
  response.discard();
  const redirected = status >= 300 && status < 400;
  const message = redirected
    ? `The storage service for ${gitHost} redirected the ${WHAT[grant.action]}, and the gateway follows no redirects. Try again; if it keeps happening, tell your administrator.`
    : `The storage service for ${gitHost} refused the ${WHAT[grant.action]} of this file (HTTP ${status}). Run the command again to get a fresh link; if it keeps failing, check the repository at ${gitHost}.`;
  return lfsRefusal(redirected || status >= 500 ? 502 : status === 404 || status === 410 ? 404 : 403, message, "transfer_refused");
}

/** The grant of a relay URL, if this user may use it now with this request; else the refusal. */
function checkGrant(request: Request, token: string, userId: string): TransferGrant | Response {
  const grant = openTransferGrant(token);
  if (!grant) return lfsRefusal(404, "This Git LFS transfer link was not made by this Benchtop, or it was cut short. Ask for the file again (run the git lfs command again).", "transfer_invalid");
  if (grant.userId !== userId) return lfsRefusal(403, "This Git LFS transfer link was made for another Benchtop user. Ask for the file yourself (run the git lfs command with your own sign-in).", "transfer_not_yours");
  if (request.method !== grant.method) return lfsRefusal(405, `This Git LFS transfer link is for a ${WHAT[grant.action]} (${grant.method}), not ${request.method}.`, "transfer_invalid");
  if (Date.now() >= grant.expiresAt) return lfsRefusal(403, "This Git LFS transfer link has expired (they last at most 15 minutes). Ask for the file again: run the git lfs command again.", "transfer_expired");
  if (grant.action === "upload" && request.headers.get("content-length") !== String(grant.size)) {
    return lfsRefusal(400, `The upload must be exactly the ${grant.size} bytes the batch request declared, sent with that Content-Length.`, "transfer_invalid");
  }
  return grant;
}

/**
 * A relayed LFS transfer, `/proxy/_lfs/{sealed grant}`: only for the user the
 * batch answer was made for, with the method it named, before it expires, while
 * the user may still use the repository (editors for uploads). The request body
 * (an upload: exactly the declared size) or the response body (a download: at
 * most the declared size) streams through; the host's URL and headers are used
 * upstream and nothing of them comes back.
 */
export async function serveLfsTransfer(request: Request, token: string): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return lfsRefusal(401, "Sign in to Benchtop to transfer Git LFS files through the git gateway.", "sign_in_required");
  if (!fromSameOrigin(request)) return lfsRefusal(403, "The git gateway only serves Benchtop's own pages.", "cross_site");
  const grant = checkGrant(request, token, user.id);
  if (grant instanceof Response) return grant;
  const target = findTarget({ request: grant.repository, user });
  if (!target) return lfsRefusal(404, NOT_A_TARGET, "not_a_target");
  if (grant.action !== "download" && !target.mayPush) return lfsRefusal(403, "You can view this project but not upload to it; ask the project's owner for the editor role.", "read_only");

  const gitHost = target.gitUrl.host;
  try {
    const href = new URL(grant.href);
    const upstream = await checkedUpstream(href, gitHost);
    const verifyBody = grant.action === "verify" ? JSON.stringify({ oid: grant.oid, size: grant.size }) : null;
    const response = await forwardRequest({
      upstream,
      method: grant.method,
      path: `${href.pathname}${href.search}`,
      headers: transferHeaders({ grant, userAgent: request.headers.get("user-agent"), verifyBody, mediaType: LFS_MEDIA_TYPE }),
      body: verifyBody !== null ? new Response(verifyBody).body : grant.action === "upload" ? request.body : null,
      signal: request.signal,
      // The body is the upload (exactly the object) or the verification's own JSON, which is
      // longer than a small object: capping it at the object's size refused the check.
      limits: { ...LIMITS, maxRequestBytes: verifyBody !== null ? Buffer.byteLength(verifyBody) : grant.size },
    });
    return toClientAnswer(response, grant, gitHost);
  } catch (error) {
    if (error instanceof GatewayError && error.code === "unreachable") {
      return lfsRefusal(error.status, `The storage service for ${gitHost} could not be reached, or broke off the ${WHAT[grant.action]}. Try again in a moment.`, "unreachable");
    }
    if (error instanceof GatewayError) return lfsRefusal(error.status, error.message, error.code);
    console.error("git gateway (LFS transfer):", error instanceof Error ? error.message : error);
    return lfsRefusal(502, `The git gateway could not carry out the ${WHAT[grant.action]}.`, "transfer_refused");
  }
}
