import type { PushCommand } from "./push-commands";
import type { PushReport } from "./push-report";
import { repoPath } from "./repo-path";
import { runGit } from "./run-git";

/** One ref a push moved; `commits` counts the commits it brought (branches only). */
export type RefUpdate = { ref: string; change: "created" | "updated" | "deleted"; before: string | null; after: string | null; commits?: number };

const isZero = (id: string) => /^0+$/.test(id);

function toRefUpdate({ ref, before, after }: PushCommand): RefUpdate {
  const change = isZero(before) ? "created" : isZero(after) ? "deleted" : "updated";
  return { ref, change, before: isZero(before) ? null : before, after: isZero(after) ? null : after };
}

/** The commands git reports as done: none when the pack was refused, and never a ref git answered `ng` for. */
export function updatedRefs({ commands, report }: { commands: PushCommand[]; report: PushReport }): RefUpdate[] {
  if (report.unpack !== "ok") return [];
  return commands.filter((command) => report.refs.get(command.ref)?.ok === true).map(toRefUpdate);
}

/**
 * For a push whose report was not seen (the client asked for none, or went
 * away first): the commands whose ref now holds what the command asked for.
 * Only those refs are read, never the whole repository.
 */
export async function confirmRefUpdates({ projectId, commands }: { projectId: string; commands: PushCommand[] }): Promise<RefUpdate[]> {
  if (commands.length === 0) return [];
  const out = await runGit({ args: ["for-each-ref", "--format=%(objectname) %(refname)", ...commands.map((c) => c.ref)], cwd: repoPath(projectId) });
  const now = new Map(
    out
      .toString("utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => [line.slice(line.indexOf(" ") + 1), line.slice(0, line.indexOf(" "))] as const),
  );
  return commands.filter((c) => (isZero(c.after) ? !now.has(c.ref) : now.get(c.ref) === c.after)).map(toRefUpdate);
}

/** Counting is skipped for pushes of more branches than this (a mirror push), to keep recording cheap. */
const MAX_COUNTED = 10;

/**
 * Adds to each created or updated branch how many commits it brought: for an
 * update those after its old commit, for a new branch those no other ref had.
 */
export async function countPushedCommits({ projectId, refs }: { projectId: string; refs: RefUpdate[] }): Promise<RefUpdate[]> {
  const branches = refs.filter((r) => r.after && r.ref.startsWith("refs/heads/"));
  if (branches.length === 0 || branches.length > MAX_COUNTED) return refs;
  const counts = new Map<string, number>();
  for (const { ref, before, after } of branches) {
    const range = before ? [after!, `^${before}`] : [after!, "--not", `--exclude=${ref}`, "--all"];
    const out = await runGit({ args: ["rev-list", "--count", ...range], cwd: repoPath(projectId) }).catch(() => null);
    if (out) counts.set(ref, Number(out.toString().trim()));
  }
  return refs.map((r) => (counts.has(r.ref) ? { ...r, commits: counts.get(r.ref) } : r));
}
