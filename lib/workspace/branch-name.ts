import { WorkspaceError } from "./errors";

/** Why `name` is not a valid branch name by `git check-ref-format --branch` rules, or null when it is. */
export function branchNameProblem(name: string): string | null {
  if (typeof name !== "string" || name === "") return "it is empty";
  if (name.startsWith("-")) return "it starts with -";
  if (name === "@" || name === "HEAD") return `"${name}" has a special meaning in git`;
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(name)) return "it contains a space, a control character or one of ~ ^ : ? * [ \\";
  if (name.includes("..")) return "it contains ..";
  if (name.includes("@{")) return "it contains @{";
  if (name.startsWith("/") || name.endsWith("/") || name.includes("//")) return "it has an empty part between slashes";
  if (name.endsWith(".")) return "it ends with .";
  for (const part of name.split("/")) {
    if (part.startsWith(".")) return "a part starts with .";
    if (part.endsWith(".lock")) return "a part ends with .lock";
  }
  return null;
}

/** Returns `name` when it is a valid branch name, else throws `invalid`. */
export function checkBranchName(name: string): string {
  const problem = branchNameProblem(name);
  if (problem) throw new WorkspaceError("invalid", `"${name}" cannot be a branch name: ${problem}. Try a name like "feature/new-model".`);
  return name;
}

export const localRef = (name: string) => `refs/heads/${name}`;
