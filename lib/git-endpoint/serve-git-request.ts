import { recordEvent } from "../audit";
import { authenticateRequest, clientAddress } from "../auth";
import { CROSS_SITE_MESSAGE, isSameOriginRequest } from "../http/origin";
import { updateProjectRow } from "../db";
import { diffRefs, parseGitRequest, readRefs, repoDirName, runHttpBackend } from "../git-server";
import { canWrite, cloneUrlOf, loadProjectByPath } from "../projects";

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
  if (access.project.backend === "remote") {
    const url = cloneUrlOf({ origin: "", owner: access.owner, project: access.project });
    return text(404, `${access.project.name} is linked to a remote repository and is not served here. Clone ${url || "the remote repository"} instead.`);
  }

  const pushing = gitRequest.service === "git-receive-pack";
  if (pushing && !canWrite(access.role)) {
    return text(403, "You can read this project but not push to it. Ask its owner for the editor role.");
  }

  const { project } = access;
  const before = pushing && gitRequest.endpoint === "rpc" ? await readRefs({ projectId: project.id }) : undefined;
  const suffix = gitRequest.endpoint === "advertise" ? "info/refs" : gitRequest.service;

  return runHttpBackend({
    pathInfo: `/${repoDirName(project.id)}/${suffix}`,
    method: request.method as "GET" | "POST",
    queryString: url.search.replace(/^\?/, ""),
    contentType: request.headers.get("content-type"),
    contentEncoding: request.headers.get("content-encoding"),
    gitProtocol: request.headers.get("git-protocol"),
    remoteUser: caller.user.handle,
    remoteAddr: clientAddress(request.headers),
    allowPush: pushing,
    body: request.method === "POST" ? request.body : null,
    signal: request.signal,
    onExit: before
      ? () => {
          void recordPush({ projectId: project.id, before, actor: caller.user, projectName: project.name });
        }
      : undefined,
  });
}

async function recordPush({ projectId, before, actor, projectName }: { projectId: string; before: Map<string, string>; actor: { id: string; email: string }; projectName: string }) {
  try {
    const refs = diffRefs(before, await readRefs({ projectId }));
    if (refs.length === 0) return;
    updateProjectRow({ id: projectId, changes: { lastPushAt: new Date() } });
    recordEvent({ action: "git.push", actor, project: { id: projectId, name: projectName }, detail: { refs } });
  } catch (error) {
    console.error("Could not record a push in the audit trail:", error instanceof Error ? error.message : error);
  }
}
