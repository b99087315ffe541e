import { WorkspaceError } from "./errors";

/**
 * Paths in a workspace are repository paths: relative, "/"-separated, exactly as
 * git records them in trees. "" is the root folder.
 */

function refuse(path: string, why: string): never {
  throw new WorkspaceError("invalid", `"${path}" is not a valid path: ${why}. Use a relative path such as "src/model.py".`);
}

/** Checks a path that names a file or folder (not the root) and returns it unchanged. */
export function checkPath(path: string): string {
  if (typeof path !== "string" || path === "") refuse(String(path), "it is empty");
  if (path.startsWith("/")) refuse(path, "it starts with /");
  if (path.endsWith("/")) refuse(path, "it ends with /");
  if (/[\0\\]/.test(path)) refuse(path, "it contains a backslash or a NUL character");
  for (const segment of path.split("/")) {
    if (segment === "") refuse(path, "it has an empty folder name (//)");
    if (segment === "." || segment === "..") refuse(path, `it contains "${segment}"`);
    // Git itself refuses .git in any case, since some file systems fold case.
    if (segment.toLowerCase() === ".git") refuse(path, "it contains .git, which git keeps for itself");
  }
  return path;
}

/** Like checkPath, but also accepts "" for the root folder. */
export function checkFolderPath(path: string): string {
  return path === "" ? path : checkPath(path);
}

/** The folder holding `path` ("" for top-level names). */
export function parentOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "" : path.slice(0, slash);
}

export function nameOf(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

export function joinPath(folder: string, name: string): string {
  return folder === "" ? name : `${folder}/${name}`;
}

/** True when `path` is `folder` itself or lies inside it; every path is under the root "". */
export function isUnder(path: string, folder: string): boolean {
  return folder === "" || path === folder || path.startsWith(`${folder}/`);
}

/** The folders that hold `path`, outermost first ("a/b/c" -> ["a", "a/b"]). */
export function ancestorsOf(path: string): string[] {
  const parts = path.split("/");
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join("/"));
}

/** Orders names by UTF-16 code units: stable and cheap, for listings a person reads. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
