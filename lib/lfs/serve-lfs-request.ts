import { authenticateRequest } from "../auth";
import { CROSS_SITE_MESSAGE, isSameOriginRequest, publicOrigin } from "../http";
import { cloneUrlOf, loadProjectByPath } from "../projects";
import type { LfsContext } from "./lfs-context";
import { lfsError, lfsErrorResponse } from "./lfs-responses";
import { parseLfsPath, type LfsRoute } from "./lfs-path";
import { serveBatch } from "./serve-batch";
import { serveCreateLock, serveListLocks, serveUnlock, serveVerifyLocks } from "./serve-locks";
import { serveDownload, serveUpload, serveVerify } from "./serve-transfers";

// LFS-Authenticate rather than WWW-Authenticate: git lfs reads it, and a browser does not pop up a password prompt for it.
const challenge = () =>
  lfsError(401, "Authentication required. Use any user name and a Benchtop personal access token as the password.", {
    headers: { "lfs-authenticate": 'Basic realm="Benchtop", charset="UTF-8"' },
  });
const repositoryNotFound = () => lfsError(404, "Repository not found. Check the URL, or ask the project's owner to share it with you.");

function route(context: LfsContext, route: LfsRoute): Promise<Response> | Response {
  switch (route.kind) {
    case "batch":
      return serveBatch(context);
    case "download":
      return serveDownload(context, route.oid);
    case "upload":
      return serveUpload(context, route.oid);
    case "verify":
      return serveVerify(context);
    case "list-locks":
      return serveListLocks(context);
    case "create-lock":
      return serveCreateLock(context);
    case "verify-locks":
      return serveVerifyLocks(context);
    case "unlock":
      return serveUnlock(context, route.id);
  }
}

async function answer(request: Request, segments: string[]): Promise<Response> {
  try {
    const parsed = parseLfsPath({ segments, method: request.method });
    if (!parsed) return repositoryNotFound();
    if (!parsed.route) return lfsError(404, `Benchtop's Git LFS API has no ${request.method} ${segments.slice(2).join("/")}. Check the URL; git lfs finds the right ones from the clone URL.`);

    const caller = await authenticateRequest(request);
    if (!caller) return challenge();
    // As for git: a browser session may change things only from Benchtop's own pages.
    if (caller.via === "session" && request.method !== "GET" && !isSameOriginRequest(request.headers, request.url)) return lfsError(403, CROSS_SITE_MESSAGE);
    const access = loadProjectByPath({ handle: parsed.handle, name: parsed.projectName, user: caller.user });
    if (!access) return repositoryNotFound();
    if (access.project.backend !== "internal") {
      return lfsError(404, `${access.project.name}'s repository is kept at its git host, which keeps its large files too: use the clone URL there.`);
    }
    const lfsUrl = `${cloneUrlOf({ origin: publicOrigin(request.headers, request.url), owner: access.owner, project: access.project })}/info/lfs`;
    return await route({ request, caller, access, lfsUrl }, parsed.route);
  } catch (error) {
    return lfsErrorResponse(error);
  }
}

/**
 * The Git LFS API of a project on Benchtop's git server, under
 * /git/{handle}/{project}.git/info/lfs/: batch, basic transfers, verify and
 * locks. Authenticated and authorized as git is (a personal access token as
 * the Basic password, or the browser's session from Benchtop's own pages; a
 * project the caller cannot see answers like none), each refusal in the LFS
 * API's JSON shape. An upload refused before its body was read (no credential
 * yet, a viewer, over the limit) ends its connection: the client may still be
 * sending, and a connection with half a body in it cannot carry another request.
 */
export async function serveLfsRequest(request: Request, segments: string[]): Promise<Response> {
  const response = await answer(request, segments);
  if (request.method === "PUT" && !request.bodyUsed) response.headers.set("connection", "close");
  return response;
}
