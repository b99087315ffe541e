import { authenticateRequest, clientAddress } from "../auth";
import { CROSS_SITE_MESSAGE, isSameOriginRequest } from "../http/origin";
import { confirmRefUpdates, countPushedCommits, parseGitRequest, repoDirName, runHttpBackend, updatedRefs, watchPushRequest, watchPushResponse } from "../git-server";
import { beingMovedMessage, canWrite, cloneUrlOf, isBeingMoved, loadProjectByPath, recordPush } from "../projects";
import { REFUSAL_HEADER } from "../workspace/gateway-refusal";
import { redirectToCurrentPath, withMovedNotice } from "./old-path";

const text = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(body + "\n", { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers } });

// git shows these bodies to the person at the terminal, so they say what to do.
const challenge = () =>
  text(401, "Authentication required. Use any user name and a Benchtop personal access token as the password.", {
    "www-authenticate": 'Basic realm="Benchtop", charset="UTF-8"',
  });
const notFound = () => text(404, "Repository not found. Check the URL, or ask the project's owner to share it with you.");

/**
 * The internal git server: /git/{handle}/{project}.git/... over `git http-backend`.
 * Order matters: the path is checked before anyone is looked up, and the caller
 * before any process is spawned.
 */
export async function serveGitRequest(request: Request, segments: string[]): Promise<Response> {
  const url = new URL(request.url);
  const gitRequest = parseGitRequest({
    segments,
    method: request.method,
    service: url.searchParams.get("service"),
    contentType: request.headers.get("content-type"),
  });
  if (!gitRequest) return notFound();

  const caller = await authenticateRequest(request);
  if (!caller) return challenge();
  // The browser's session cookie is accepted here (sessions clone and push over it), so a
  // POST it authenticates must come from Benchtop's own pages, as for every other route.
  if (caller.via === "session" && request.method === "POST" && !isSameOriginRequest(request.headers, request.url)) {
    return text(403, CROSS_SITE_MESSAGE);
  }
  const access = loadProjectByPath({ handle: gitRequest.handle, name: gitRequest.projectName, user: caller.user });
  if (!access) return notFound();
  if (access.project.backend !== "internal") {
    const url = cloneUrlOf({ origin: "", owner: access.owner, project: access.project });
    return text(404, `${access.project.name}'s repository is kept at its git host and is not served here. Clone ${url || "it from its host"} instead.`);
  }

  // A path the project had before a rename or a change of owner: its first request is redirected, and
  // a client that does not follow (or no longer follows) is served here as at the new path, and told.
  if (access.oldPathUntil && gitRequest.endpoint === "advertise") return redirectToCurrentPath({ access, search: url.search });

  const pushing = gitRequest.service === "git-receive-pack";
  if (pushing && !canWrite(access.role)) {
    return text(403, "You can read this project but not push to it. Ask its owner for the editor role.");
  }
  // Only pushes wait for a move (its copy must hold every ref); the session reads the header as the gateway's.
  if (pushing && isBeingMoved(access.project)) return text(423, beingMovedMessage(access.project), { [REFUSAL_HEADER]: "being_moved" });

  const { project } = access;
  const suffix = gitRequest.endpoint === "advertise" ? "info/refs" : gitRequest.service;
  // A push is watched as it passes: its commands in the request, git's verdict per ref in the answer.
  const watched = pushing && gitRequest.endpoint === "rpc" && request.body ? watchPushRequest({ body: request.body, contentEncoding: request.headers.get("content-encoding") }) : undefined;
  let exited: () => void = () => {};
  const backendDone = new Promise<void>((resolve) => (exited = resolve));

  const response = await runHttpBackend({
    pathInfo: `/${repoDirName(project.id)}/${suffix}`,
    method: request.method as "GET" | "POST",
    queryString: url.search.replace(/^\?/, ""),
    contentType: request.headers.get("content-type"),
    contentEncoding: request.headers.get("content-encoding"),
    gitProtocol: request.headers.get("git-protocol"),
    remoteUser: caller.user.handle,
    remoteAddr: clientAddress(request.headers),
    allowPush: pushing,
    body: watched?.body ?? (request.method === "POST" ? request.body : null),
    signal: request.signal,
    onExit: () => exited(),
  });
  if (!watched || !response.body) return withMovedNotice({ response, access, request });
  const answer = watchPushResponse({ body: response.body });
  void Promise.all([answer.report, backendDone]).then(async ([report]) => {
    const { commands } = watched.commands();
    // Without git's report (the client asked for none, or left before reading it) the refs the commands name are read instead.
    const refs = report ? updatedRefs({ commands, report }) : await confirmRefUpdates({ projectId: project.id, commands }).catch(() => []);
    recordPush({ actor: caller.user, project, refs: await countPushedCommits({ projectId: project.id, refs }) });
  });
  return withMovedNotice({ response: new Response(answer.body, { status: response.status, headers: response.headers }), access, request });
}
