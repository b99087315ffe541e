import { getSessionUser } from "../auth/authenticate";
import { markTokenRefused } from "../connections";
import type { User } from "../db";
import type { GitProvider } from "../hosts";
import { updatedRefs, watchPushRequest, watchPushResponse } from "../git-server";
import { createGitAdapter } from "../hosts/create-adapter";
import { isSameOrigin, isSameOriginRequest } from "../http/origin";
import { isAppError } from "../errors";
import { beingMovedMessage, isBeingMoved, recordPush, type ProjectRemote } from "../projects";
import { remoteCredentialFor, type CredentialSource } from "../repositories";
import { REFUSAL_HEADER, type GatewayRefusalCode } from "../workspace/gateway-refusal";
import { explainRefusal } from "./explain-refusal";
import { GatewayError } from "./gateway-error";
import { FORWARDED_RESPONSE_HEADERS, LIMITS, forwardRequest, type UpstreamResponse } from "./forward-request";
import { findTarget } from "./find-target";
import { parseGatewayPath } from "./parse-gateway-path";
import { resolveUpstream } from "./resolve-upstream";

/** A refusal: its kind in a header for the session (lib/workspace/gateway-refusal.ts), the words for a person in the body. */
const text = (status: number, body: string, code: GatewayRefusalCode) =>
  new Response(body + "\n", { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", [REFUSAL_HEADER]: code } });

const notFound = () => text(404, "Not found. The git gateway only reaches the git URLs of your registered repositories and of the linked projects you belong to.", "not_a_target");

/**
 * Whether the request comes from Benchtop's own pages. A POST (the pack exchange)
 * must say so (same-origin Origin or Sec-Fetch-Site); a GET is refused only when
 * the browser says it comes from elsewhere.
 */
function fromSameOrigin(request: Request): boolean {
  if (request.method === "POST") return isSameOriginRequest(request.headers, request.url);
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return false;
  if (request.headers.get("origin") !== null && !isSameOrigin(request.headers, request.url)) return false;
  return true;
}

/**
 * The Authorization header injected for a repository, in its provider's
 * convention, from the credential remoteCredentialFor chooses (never
 * another user's connection, never an organization's service account).
 */
async function authorizationFor({ user, remote }: { user: User; remote: ProjectRemote }): Promise<{ authorization: string | null; from: CredentialSource; connectionId?: string }> {
  const credential = await remoteCredentialFor({ actor: user, remote });
  if (!credential.token) return { authorization: null, from: null };
  const adapter = createGitAdapter({ provider: remote.provider, location: remote.location, token: credential.token, tokenType: credential.tokenType, email: credential.email });
  return { authorization: adapter.gitAuthHeader(), from: credential.source, connectionId: credential.connection?.id };
}

/**
 * The git gateway: `/proxy/{host}[:{port}]/{repository}/{git endpoint}`, the
 * same-origin route through which the browser's isomorphic-git reaches the git
 * URL of one of the caller's registered repositories or linked projects. Order matters: the path,
 * the session, the origin and the repository are all checked before the host is
 * resolved, and the resolved address before anything is sent to it.
 */
export async function serveGatewayRequest(request: Request): Promise<Response> {
  const url = new URL(request.url);
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
      headers: request.headers,
      authorization,
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

/** At most this much of a refusal's body is read, for the host's own words. */
const REFUSAL_BYTES = 2048;

async function readStart(body: ReadableStream<Uint8Array>): Promise<string> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < REFUSAL_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return Buffer.concat(chunks).subarray(0, REFUSAL_BYTES).toString("utf8");
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
