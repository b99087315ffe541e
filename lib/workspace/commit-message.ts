import { WorkspaceError } from "./errors";

/**
 * Tidies a commit message as `git commit` does by default: trailing spaces
 * go, runs of blank lines become one, blank lines at the start and end go,
 * and the message ends with one newline. Refuses (`invalid`) an empty one.
 */
export function cleanCommitMessage(message: string): string {
  const lines = String(message ?? "")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t\v\f]+$/, ""));
  const kept: string[] = [];
  for (const line of lines) {
    if (line === "" && (kept.length === 0 || kept[kept.length - 1] === "")) continue;
    kept.push(line);
  }
  while (kept[kept.length - 1] === "") kept.pop();
  if (kept.length === 0) throw new WorkspaceError("invalid", "The commit message is empty. Say in a line what the change does.");
  return `${kept.join("\n")}\n`;
}
