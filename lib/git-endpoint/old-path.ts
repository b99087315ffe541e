import { addSidebandNotice } from "../git-server";
import { publicOrigin } from "../http/origin";
import { cloneUrlOf, type ProjectAccess } from "../projects";

type OldPathAccess = ProjectAccess & { oldPathUntil: Date | null };

/**
 * git's first request at a path the project had before a rename or a change of
 * owner goes on at the same request on its current path. git follows it (its
 * default http.followRedirects=initial), prints "warning: redirecting to <new
 * URL>" and sends the rest there. The location is relative, so that git stays
 * on the host (and with the credentials) it came in on.
 */
export function redirectToCurrentPath({ access, search }: { access: OldPathAccess; search: string }): Response {
  const path = cloneUrlOf({ origin: "", owner: access.owner, project: access.project });
  return new Response(`${access.project.name} has moved to ${path}.\n`, {
    status: 302,
    headers: { location: `${path}/info/refs${search}`, "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

/**
 * git follows no redirect once it asked for credentials (a credential helper, a
 * prompt): it then fetches and pushes at the old path, where the project is
 * served, and this adds the new URL to what git shows ("remote: ...") with the
 * pack or the push's report. Other answers pass as they are.
 */
export function withMovedNotice({ response, access, request }: { response: Response; access: OldPathAccess; request: Request }): Response {
  if (!access.oldPathUntil || !response.ok || !response.body) return response;
  const url = cloneUrlOf({ origin: publicOrigin(request.headers, request.url), owner: access.owner, project: access.project });
  const until = access.oldPathUntil.toISOString().slice(0, 10);
  const message = [
    `${access.project.name} has moved: its clone URL is now ${url}`,
    `This old URL keeps working until ${until}. Update your clone with:`,
    `  git remote set-url origin ${url}`,
  ].join("\n");
  return new Response(addSidebandNotice({ body: response.body, message }), { status: response.status, headers: response.headers });
}
