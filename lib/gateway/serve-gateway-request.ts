import { getSessionUser } from "../auth/authenticate";
import { markTokenRefused } from "../connections";
import type { GitProvider } from "../hosts";
import { updatedRefs, watchPushRequest, watchPushResponse } from "../git-server";
import { isAppError } from "../errors";
import { beingMovedMessage, isBeingMoved, recordPush } from "../projects";
import type { CredentialSource } from "../repositories";
import { authorizationFor } from "./authorization-for";
import { explainRefusal } from "./explain-refusal";
import { fromSameOrigin } from "./from-same-origin";
import { GatewayError } from "./gateway-error";
import { NOT_A_TARGET, readStart, refusalText as text } from "./gateway-answers";
import { FORWARDED_RESPONSE_HEADERS, LIMITS, forwardRequest, gitRequestHeaders, type UpstreamResponse } from "./forward-request";
import { findTarget } from "./find-target";
import { TRANSFER_PREFIX } from "./lfs/transfer-grant";
import { serveLfsApiRequest } from "./lfs/serve-lfs-api-request";
import { serveLfsTransfer } from "./lfs/serve-lfs-transfer";
import { parseLfsPath } from "./lfs/parse-lfs-path";
import { parseGatewayPath } from "./parse-gateway-path";
import { resolveUpstream } from "./resolve-upstream";

const notFound = () => text(404, NOT_A_TARGET, "not_a_target");

/**
 * The git gateway: `/proxy/{host}[:{port}]/{repository}/{git endpoint}`, the
 * same-origin route through which the browser's isomorphic-git reaches the git
 * URL of one of the caller's registered repositories or linked projects. Order matters: the path,
 * the session, the origin and the repository are all checked before the host is
 * resolved, and the resolved address before anything is sent to it.
 */
export async function serveGatewayRequest(request: Request): Promise<Response> {
  const url = new URL(request.url);
  // Git LFS: relayed transfers, then the batch and locks APIs beside a repository's git URL.
  if (url.pathname.startsWith(TRANSFER_PREFIX)) return serveLfsTransfer(request, url.pathname.slice(TRANSFER_PREFIX.length));
  const lfsRequest = parseLfsPath({ pathname: url.pathname, search: url.search, method: request.method, contentType: request.headers.get("content-type") });
  if (lfsRequest) return serveLfsApiRequest(request, lfsRequest);
  const gitRequest = parseGatewayPath({ pathname: url.pathname, search: url.search, method: request.method, contentType: request.headers.get("content-type") });
  if (!gitRequest) return notFound();

  const user = await getSessionUser();
  if (!user) return text(401, "Sign in to Benchtop to use the git gateway.", "sign_in_required");
  if (!fromSameOrigin(request)) return text(403, "The git gateway only serves Benchtop's own pages.", "cross_site");

  const declaredLength = Number(request.headers.get("content-length") ?? "0");
  if (declaredLength > LIMITS.maxRequestBytes) return text(413, `The request is larger than ${LIMITS.maxRequestBytes} bytes. Ask your administrator about the size limit.`, "too_large");

  const target = findTarget({ request: gitRequest, user });
  if (!target) return notFound();
  const { remote, gitUrl, project } = target;
  // Both the advertisement before a push and the push itself.
  const pushService = gitRequest.service === "git-receive-pack";
  if (pushService && !target.mayPush) {
    return text(403, "You can view this project but not push to it. Your commits stay in this session; ask the project's owner for the editor role.", "read_only");
  }
  // Only pushes wait for a move: cloning and fetching keep working from the old place.
  if (pushService && project && isBeingMoved(project)) return text(423, beingMovedMessage(project), "being_moved");

  try {
    const upstream = await resolveUpstream(gitUrl);
    const { authorization, from, connectionId } = await authorizationFor({ user, remote });
    const pushing = pushService && gitRequest.endpoint === "rpc";
    // A push is watched as it passes: its commands in the request, the host's verdict per ref in the answer.
    const watched = pushing && request.body ? watchPushRequest({ body: request.body, contentEncoding: request.headers.get("content-encoding") }) : undefined;
    const response = await forwardRequest({
      upstream,
      method: request.method as "GET" | "POST",
      path: `${gitUrl.pathname.replace(/\/+$/, "")}/${gitRequest.upstreamSuffix}`,
      headers: gitRequestHeaders({ browser: request.headers, authorization }),
      body: watched?.body ?? (request.method === "POST" ? request.body : null),
      signal: request.signal,
    });
    if (watched && response.status === 200) {
      const answer = watchPushResponse({ body: response.body });
      response.body = answer.body;
      void answer.report.then((report) => {
        // The host's refs cannot be read from here: without its report, nothing is claimed.
        if (!report) return;
        recordPush({ actor: user, project, refs: updatedRefs({ commands: watched.commands().commands, report }), detail: { ...(remote.repository ? { repositoryId: remote.repository.id } : {}), url: gitUrl.href } });
      });
    }
    if (response.status === 401 && connectionId) {
      // The host refused the connection's token (revoked, or expired early): the user must connect again.
      markTokenRefused({ connection: { id: connectionId } });
    }
    return await toClientResponse(response, { host: gitUrl.host, provider: remote.provider, pushing: pushService, from });
  } catch (error) {
    if (error instanceof GatewayError) return text(error.status, error.message, error.code);
    // The caller's connection must be made again (its renewal was refused): the browser keeps its work and offers to reconnect.
    if (isAppError(error) && error.apiCode === "connection_required") return text(401, error.message, "connection_required");
    console.error("git gateway:", error instanceof Error ? error.message : error);
    return text(502, "The git gateway could not reach the git host.", "unreachable");
  }
}

/**
 * What the browser gets back: the status, a few safe headers and the streamed
 * body; redirects, challenges and refusals become Benchtop's words (with the
 * host's short reason), which the session shows as they are.
 */
async function toClientResponse(upstream: UpstreamResponse, context: { host: string; provider: GitProvider; pushing: boolean; from: CredentialSource }): Promise<Response> {
  const refused = upstream.status >= 300 && upstream.status < 500 && upstream.status !== 304;
  if (refused) {
    const upstreamText = upstream.status === 403 || upstream.status === 404 ? await readStart(upstream.body) : (upstream.discard(), "");
    const refusal = explainRefusal({ status: upstream.status, upstreamText, ...context });
    if (refusal) return text(upstream.status >= 300 && upstream.status < 400 ? 502 : upstream.status, refusal.message, refusal.code);
    return text(upstream.status, `${context.host} refused the request (HTTP ${upstream.status}).`, "host_refused");
  }
  const headers = new Headers({ "x-content-type-options": "nosniff" });
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = upstream.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers });
}
