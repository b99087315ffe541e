/** The browse page at a folder (a prefix, for buckets), on the same ref. */
export function folderHref(repositoryId: string, gitRef: string | null, path: string): string {
  const query = new URLSearchParams(gitRef ? { ref: gitRef } : {});
  if (path) query.set("path", path);
  const text = query.toString();
  return `/repositories/${repositoryId}${text ? `?${text}` : ""}`;
}
