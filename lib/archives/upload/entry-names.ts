import path from "node:path";
import { refusals } from "./refusals";

/**
 * The path inside the project that an archive entry's name stands for, as
 * "/"-separated segments with no "." or empty ones, or a refusal: absolute
 * names, drive letters, ".." anywhere, backslashes and NUL are never taken,
 * even where another tool would strip or resolve them.
 */
export function entrySegments(name: string): string[] {
  if (name.includes("\0")) throw refusals.badName(name.replaceAll("\0", "\\0"), "contains a NUL character");
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) throw refusals.absolute(name);
  if (name.includes("\\")) throw refusals.badName(name, 'contains a backslash ("\\"), which Windows reads as a folder separator');
  const segments = name.split("/").filter((segment) => segment !== "" && segment !== ".");
  if (segments.includes("..")) throw refusals.outside(name);
  return segments;
}

/**
 * Where a symbolic link at `linkPath` (a project path) pointing to `target` lands,
 * as a project path ("" for the project folder), or null when it leaves the project.
 */
export function linkDestination(linkPath: string, target: string): string | null {
  if (target === "" || target.includes("\0") || target.startsWith("/") || /^[A-Za-z]:/.test(target) || target.includes("\\")) return null;
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(linkPath), target));
  if (resolved === ".." || resolved.startsWith("../")) return null;
  return resolved === "." ? "" : resolved.replace(/\/$/, "");
}
