import { isSameOrigin, isSameOriginRequest } from "../http/origin";

/**
 * Whether the request comes from Benchtop's own pages. A request that changes
 * something (POST, PUT) must say so (same-origin Origin or Sec-Fetch-Site); a
 * GET is refused only when the browser says it comes from elsewhere.
 */
export function fromSameOrigin(request: Request): boolean {
  if (request.method !== "GET") return isSameOriginRequest(request.headers, request.url);
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return false;
  if (request.headers.get("origin") !== null && !isSameOrigin(request.headers, request.url)) return false;
  return true;
}
