import { isAppError } from "../errors";

/** The media type of every LFS API request and answer. */
export const LFS_MEDIA_TYPE = "application/vnd.git-lfs+json";

export function lfsJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": LFS_MEDIA_TYPE, "cache-control": "no-store", ...headers } });
}

/**
 * A refusal in the LFS API's shape, `{"message": ...}`: the `git lfs` client
 * prints the message to the person at the terminal, so it says what to do.
 */
export function lfsError(status: number, message: string, { headers = {}, extra = {} }: { headers?: Record<string, string>; extra?: Record<string, unknown> } = {}): Response {
  return lfsJson({ ...extra, message }, status, headers);
}

/** Any error thrown on the way (an AppError from a lower layer, or something unexpected) in the LFS API's shape. */
export function lfsErrorResponse(error: unknown): Response {
  if (isAppError(error)) {
    // A form's "highlighted fields" mean nothing at a terminal: name them instead.
    const fields = error.fields && Object.entries(error.fields).map(([field, problem]) => `${field}: ${problem}`);
    const message = fields?.length ? `This is not a request Benchtop's Git LFS API understands (${fields.join("; ")}).` : error.message;
    return lfsError(error.status, message, { headers: error.headers });
  }
  const requestId = crypto.randomUUID();
  console.error(`Unexpected error in the LFS API (request ${requestId}):`, error);
  return lfsError(500, "Something went wrong on Benchtop's git server. Try again; if it keeps happening, tell an administrator.", { extra: { request_id: requestId } });
}
