import { recordEvent } from "../audit";
import { getSessionUser } from "../auth/authenticate";
import { connectionHostOfLocation, credentialForHost } from "../connections";
import type { Repository, User } from "../db";
import { createGitAdapter } from "../hosts/create-adapter";
import { isSameOrigin } from "../http/origin";
import { adapterOf, listRepositories } from "../repositories";
import { GatewayError } from "./gateway-error";
import { FORWARDED_RESPONSE_HEADERS, LIMITS, forwardRequest, type UpstreamResponse } from "./forward-request";
import { matchRepository } from "./match-repository";
import { parseGatewayPath } from "./parse-gateway-path";
import { PUSH_COMMANDS_MAX_BYTES, readPushCommands, type PushCommand } from "./read-push-commands";
import { resolveUpstream } from "./resolve-upstream";

const text = (status: number, body: string) =>
  new Response(body + "\n", { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

const notFound = () => text(404, "Not found. The git gateway only reaches the git URLs of your registered repositories.");

/** Whether the request comes from Benchtop's own pages (or from no browser page at all, like the git command line). */
function fromSameOrigin(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return false;
  if (request.headers.get("origin") !== null && !isSameOrigin(request.headers, request.url)) return false;
  return true;
}

/** The git URL of a registered repository, without opening its credential. */
function gitUrlOf(repository: Repository): string | null {
  if (repository.provider === "s3") return null;
  try {
    return createGitAdapter({ provider: repository.provider, location: repository.location, token: null }).gitRemoteUrl();
  } catch {
    return null;
  }
}

/**
 * The credential injected for a repository: its own, else the caller's own
 * connection to that host (never another user's).
 */
function authorizationFor({ user, repository }: { user: User; repository: Repository }): { authorization: string | null; from: CredentialSource } {
  const source = adapterOf(repository);
  if (source.kind !== "git" || repository.provider === "s3") return { authorization: null, from: null };
  const own = source.adapter.gitAuthHeader();
  if (own) return { authorization: own, from: "repository" };
  const host = connectionHostOfLocation({ provider: repository.provider, location: repository.location });
  const connection = host ? credentialForHost({ user, provider: repository.provider, host }) : null;
  return connection ? { authorization: connection.authorization, from: "connection" } : { authorization: null, from: null };
}

type CredentialSource = "repository" | "connection" | null;

/**
 * The git gateway: `/proxy/{host}[:{port}]/{repository}/{git endpoint}`, the
 * same-origin route through which the browser's isomorphic-git reaches the git
 * URL of one of the caller's registered repositories. Order matters: the path,
 * the session, the origin and the repository are all checked before the host is
 * resolved, and the resolved address before anything is sent to it.
 */
export async function serveGatewayRequest(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const gitRequest = parseGatewayPath({ pathname: url.pathname, search: url.search, method: request.method, contentType: request.headers.get("content-type") });
  if (!gitRequest) return notFound();

  const user = await getSessionUser();
  if (!user) return text(401, "Sign in to Benchtop to use the git gateway.");
  if (!fromSameOrigin(request)) return text(403, "The git gateway only serves Benchtop's own pages.");

  const declaredLength = Number(request.headers.get("content-length") ?? "0");
  if (declaredLength > LIMITS.maxRequestBytes) return text(413, `The request is larger than ${LIMITS.maxRequestBytes} bytes.`);

  const found = matchRepository({ request: gitRequest, candidates: listRepositories({ user }), gitUrlOf });
  if (!found) return notFound();
  const { match: repository, gitUrl } = found;

  try {
    const upstream = await resolveUpstream(gitUrl);
    const { authorization, from } = authorizationFor({ user, repository });
    const pushing = gitRequest.endpoint === "rpc" && gitRequest.service === "git-receive-pack";
    const encoded = (request.headers.get("content-encoding") ?? "identity").toLowerCase() !== "identity";
    let commands: PushCommand[] = [];
    const response = await forwardRequest({
      upstream,
      method: request.method as "GET" | "POST",
      path: `${gitUrl.pathname.replace(/\/+$/, "")}/${gitRequest.upstreamSuffix}`,
      headers: request.headers,
      authorization,
      body: request.method === "POST" ? request.body : null,
      signal: request.signal,
      headBytes: pushing && !encoded ? PUSH_COMMANDS_MAX_BYTES : 0,
      onRequestHead: pushing && !encoded ? (head) => (commands = readPushCommands(head)) : undefined,
    });
    if (pushing && response.status === 200) {
      void response.finished.then((complete) => {
        if (complete && commands.length) recordPush({ user, repository, gitUrl, commands });
      });
    }
    return toClientResponse(response, { host: gitUrl.host, from });
  } catch (error) {
    if (error instanceof GatewayError) return text(error.status, error.message);
    console.error("git gateway:", error instanceof Error ? error.message : error);
    return text(502, "The git gateway could not reach the git host.");
  }
}

/** What the browser gets back: the status, a few safe headers and the streamed body; redirects and challenges are not passed on. */
function toClientResponse(upstream: UpstreamResponse, { host, from }: { host: string; from: CredentialSource }): Response {
  if (upstream.status >= 300 && upstream.status < 400) {
    upstream.discard();
    return text(502, `${host} answered with a redirect (${upstream.status}), which the git gateway does not follow. Check the repository's address.`);
  }
  if (upstream.status === 401) {
    upstream.discard();
    return text(
      401,
      from === "repository"
        ? `${host} refused the credential stored for this repository. Update the repository's token in Benchtop.`
        : from === "connection"
          ? `${host} refused the token of your connection to it. Connect again with a new token in Benchtop (Settings, Connections).`
          : `${host} asks for a credential. Add a token to the repository, or connect your account at ${host}, in Benchtop.`,
    );
  }
  const headers = new Headers({ "x-content-type-options": "nosniff" });
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = upstream.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers });
}

function recordPush({ user, repository, gitUrl, commands }: { user: User; repository: Repository; gitUrl: URL; commands: PushCommand[] }) {
  try {
    recordEvent({ action: "git.push", actor: user, detail: { repositoryId: repository.id, url: gitUrl.href, refs: commands } });
  } catch (error) {
    console.error("Could not record a push in the audit trail:", error instanceof Error ? error.message : error);
  }
}
