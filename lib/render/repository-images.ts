// Images that Markdown in a repository names by a relative path
// (`![plot](figures/plot.png)`): the one rule, for the session's notebook view
// (read from the working tree) and deployed pages (read from a commit), both
// of which inline them as data: URLs.

/** Images shown from the repository, by extension: raster types only (an SVG file is markup anyone could have pushed). */
export const REPOSITORY_IMAGE_TYPES: Readonly<Record<string, string>> = { png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif", webp: "image/webp" };

/** Larger images are left out (shown as their description) rather than held in memory as data: URLs. */
export const MAX_REPOSITORY_IMAGE_BYTES = 10 * 1024 * 1024;

/**
 * `relative` (as written in the Markdown) from the folder of the file at
 * `pagePath`, or null when it leaves the repository: `?` and `#` end the path,
 * `.` and empty parts are skipped, and a leading `/` is not the repository's root.
 */
export function repositoryImagePath(pagePath: string, relative: string): string | null {
  const parts = pagePath.split("/").slice(0, -1);
  for (const part of relative.split(/[?#]/)[0]!.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (!parts.length) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.length ? parts.join("/") : null;
}

/** The image type of a repository path by its extension, or null for anything that is not shown. */
export function repositoryImageType(path: string): string | null {
  const extension = path.slice(path.lastIndexOf(".") + 1).toLowerCase();
  return REPOSITORY_IMAGE_TYPES[extension] ?? null;
}
