import git from "isomorphic-git";
import type { WorkspaceContext } from "./context";
import { REMOTE, resolveOptional, trackingRef } from "./remote-branch";

const OURS = 1;
const THEIRS = 2;
const BOTH = OURS | THEIRS;

/** Most commits one comparison reads; past it the counts are lower bounds. */
export const COMPARE_LIMIT = 5_000;

export type Comparison = {
  /** Commits reachable from `ours` and from none of `theirs`. */
  ahead: number;
  /** Commits reachable from one of `theirs` and not from `ours`. */
  behind: number;
  /** False when the walk stopped at the limit. */
  complete: boolean;
  /** The commits counted in `ahead`, newest first. */
  aheadCommits: string[];
};

/** Commit ids listed in `gitdir/shallow`: their parents are not here. */
export async function readShallow({ ctx }: { ctx: WorkspaceContext }): Promise<Set<string>> {
  try {
    const text = (await ctx.fs.promises.readFile(`${ctx.gitdir}/shallow`, "utf8")) as string;
    return new Set(text.split("\n").map((line) => line.trim()).filter(Boolean));
  } catch {
    return new Set();
  }
}

/**
 * Counts what each side has that the other does not, the way `git rev-list
 * --left-right --count` does: both sides are walked together, newest commit
 * first, and the walk stops once every commit still queued is reachable from
 * both. It reads only the commits that differ plus a few below the fork, not
 * the whole history. Shallow boundaries and missing commits end their line.
 */
export async function compareCommits({
  ctx,
  ours,
  theirs,
  limit = COMPARE_LIMIT,
}: {
  ctx: WorkspaceContext;
  ours: string | null;
  theirs: string[];
  limit?: number;
}): Promise<Comparison> {
  const shallow = await readShallow({ ctx });
  const flags = new Map<string, number>();
  const info = new Map<string, { time: number; parents: string[] }>();
  const queue: string[] = [];
  const queued = new Set<string>();
  // Bits already handed to a commit's parents. A commit reached again with new bits
  // (clock skew puts a child after its parent) must hand them on too.
  const propagated = new Map<string, number>();
  const isActive = (oid: string) => flags.get(oid) !== BOTH || (propagated.has(oid) && propagated.get(oid) !== BOTH);

  const load = async (oid: string) => {
    if (info.has(oid)) return true;
    try {
      const { commit } = await git.readCommit({ fs: ctx.fs, dir: ctx.dir, gitdir: ctx.gitdir, oid, cache: ctx.cache });
      info.set(oid, { time: commit.committer.timestamp, parents: shallow.has(oid) ? [] : commit.parent });
      return true;
    } catch {
      return false;
    }
  };
  const mark = async (oid: string, bits: number) => {
    const before = flags.get(oid) ?? 0;
    const after = before | bits;
    if (after === before || !(await load(oid))) return;
    flags.set(oid, after);
    if (queued.has(oid)) return;
    const time = info.get(oid)?.time ?? 0;
    let at = queue.findIndex((other) => (info.get(other)?.time ?? 0) < time);
    if (at < 0) at = queue.length;
    queue.splice(at, 0, oid);
    queued.add(oid);
  };

  if (ours) await mark(ours, OURS);
  for (const oid of theirs) await mark(oid, THEIRS);

  let steps = 0;
  let complete = true;
  while (queue.some(isActive)) {
    if (++steps > limit) {
      complete = false;
      break;
    }
    const oid = queue.shift() as string;
    queued.delete(oid);
    const bits = flags.get(oid) ?? 0;
    propagated.set(oid, bits);
    for (const parent of info.get(oid)?.parents ?? []) await mark(parent, bits);
  }

  const aheadCommits: string[] = [];
  let behind = 0;
  for (const [oid, bits] of flags) {
    if (bits === OURS) aheadCommits.push(oid);
    else if (bits === THEIRS) behind++;
  }
  return { ahead: aheadCommits.length, behind, complete, aheadCommits };
}

/**
 * Compares a local branch with its counterpart on the remote as last fetched.
 * A branch the remote does not have is compared with every remote branch we
 * know, so `ahead` counts the commits made since it forked from them.
 */
export async function compareWithRemote({
  ctx,
  branch,
  head,
}: {
  ctx: WorkspaceContext;
  branch: string;
  head: string | null;
}): Promise<Comparison & { remoteHead: string | null }> {
  const remoteHead = await resolveOptional({ ctx, ref: trackingRef(branch) });
  const theirs = remoteHead ? [remoteHead] : await remoteTips({ ctx });
  if (head && theirs.length === 1 && theirs[0] === head) return { ahead: 0, behind: 0, complete: true, aheadCommits: [], remoteHead };
  const comparison = await compareCommits({ ctx, ours: head, theirs });
  // Against other branches only `ahead` means something: nothing is "behind" a branch the remote lacks.
  return { ...comparison, behind: remoteHead ? comparison.behind : 0, remoteHead };
}

async function remoteTips({ ctx }: { ctx: WorkspaceContext }): Promise<string[]> {
  let names: string[];
  try {
    names = await git.listBranches({ fs: ctx.fs, dir: ctx.dir, gitdir: ctx.gitdir, remote: REMOTE });
  } catch {
    return [];
  }
  const oids = await Promise.all(names.filter((name) => name !== "HEAD").map((name) => resolveOptional({ ctx, ref: trackingRef(name) })));
  return [...new Set(oids.filter((oid): oid is string => oid !== null))];
}
