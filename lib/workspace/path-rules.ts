import { WorkspaceError } from "./errors";

/**
 * What native git can check out on common systems (Linux, macOS, Windows). A
 * commit holding a name these rules refuse pushes fine and then breaks `git
 * clone` for everyone ("File name too long"), so sessions refuse such names when
 * they are typed and once more at commit, and the internal git server refuses
 * pushes that introduce them (lib/git-server/push-hooks.ts).
 */

/**
 * Why git could not check out `path` (a "/"-separated repository path), as
 * "why; what to do", or null when it can.
 *
 * Self-contained on purpose: the git server's pre-receive hook runs this
 * function's source as it is, so the body may use nothing from outside itself.
 */
export function pathProblem(path: string): string | null {
  const shown = (name: string) => (name.length > 40 ? `${name.slice(0, 40)}…` : name);
  if (path === "") return "the path is empty; type a name";
  for (const name of path.split("/")) {
    if (name === "") return "it has an empty folder name (a / at the start or end, or //); remove the extra /";
    // Control characters (tab, line feed, and \r as in macOS "Icon\r") cannot be in a Windows file name.
    if (/[\x00-\x1f\x7f]/.test(name)) return "it contains a control character (such as a tab or a line break); remove it from the name";
    if (name === "." || name === "..") return `"${name}" cannot be a file or folder name; remove it from the path`;
    const bytes = new TextEncoder().encode(name).length;
    if (bytes > 255) return `the name "${shown(name)}" is ${bytes} bytes long, more than the 255 that file systems allow, so nobody could clone the repository; use a shorter name`;
    // As git's fsck reads it: any case, trailing dots and spaces (Windows drops them), the
    // Windows short name git~1, and code points macOS ignores in names (.g\u200cit).
    const folded = name.replace(/[\u200c-\u200f\u202a-\u202e\u206a-\u206f\ufeff]/g, "").toLowerCase();
    if (/^\.git[. ]*$/.test(folded) || folded === "git~1") return `"${name}" is the name git keeps for its own folder; choose another name`;
  }
  return null;
}

/**
 * Checks a path that an operation is about to create (a new file or folder, the
 * target of a rename, a committed file) and returns it unchanged. Throws
 * WorkspaceError `invalid_path` saying why and what to do.
 */
export function checkNewPath(path: string): string {
  const problem = pathProblem(path);
  if (problem) throw new WorkspaceError("invalid_path", `"${path.length > 80 ? `${path.slice(0, 80)}…` : path}" cannot be used: ${problem}.`, { paths: [path] });
  return path;
}

/**
 * The existing path that `path` would differ from only by case at some level
 * ("Src" for "src/model.py" when "Src" exists), or null. Two such paths cannot
 * both exist in a macOS or Windows checkout. `listNames(folder)` gives the names
 * in a folder of the working tree, or null when there is no such folder.
 */
export async function findCaseTwin(path: string, listNames: (folder: string) => Promise<string[] | null>): Promise<string | null> {
  let folder = "";
  for (const name of path.split("/")) {
    const names = await listNames(folder);
    if (!names) return null;
    if (!names.includes(name)) {
      const twin = names.find((other) => other.toLowerCase() === name.toLowerCase());
      return twin === undefined ? null : folder === "" ? twin : `${folder}/${twin}`;
    }
    folder = folder === "" ? name : `${folder}/${name}`;
  }
  return null;
}
