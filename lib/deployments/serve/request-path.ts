import { repositoryImagePath } from "../../render";
// The request path under a deployment, checked before git sees it, and the
// paths of repository images that rendered pages name relative to themselves.

/** A request path as a path in the commit's tree. */
export type TreePath = {
  /** The path in the tree without a trailing slash ("" for the root). */
  path: string;
  /** The request asked for a folder (it ended with "/", or it is the root). */
  asFolder: boolean;
};

const MAX_PATH_LENGTH = 4096;

/**
 * Checks a request path (URL-decoded, no leading slash, maybe a trailing one).
 * Null (answered 404) for anything that is not a plain path inside the tree:
 * `..` or `.` parts, empty parts (`a//b`), a leading `/`, a backslash, NUL or
 * another control character (git reads lookups line by line).
 */
export function toTreePath(requestPath: string): TreePath | null {
  if (requestPath === "") return { path: "", asFolder: true };
  if (requestPath.length > MAX_PATH_LENGTH || requestPath.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(requestPath)) return null;
  const asFolder = requestPath.endsWith("/");
  const path = asFolder ? requestPath.slice(0, -1) : requestPath;
  if (path.split("/").some((part) => part === "" || part === "." || part === "..")) return null;
  return { path, asFolder };
}

/** The folder holding `path` ("" at the root), with its trailing slash. */
export function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf("/") + 1);
}

/** A path written in a page's Markdown, by lib/render's rule, or null when it leaves the repository or git could not look it up. */
export function imagePathFrom(pagePath: string, relative: string): string | null {
  const path = repositoryImagePath(pagePath, relative);
  return path && toTreePath(path) ? path : null;
}

/** A tree path as a URL path: each part percent-encoded, slashes kept. */
export function encodePath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}
