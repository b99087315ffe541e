import git from "isomorphic-git";
import { checkBranchName, localRef } from "./branch-name";
import type { WorkspaceContext } from "./context";
import { WorkspaceError } from "./errors";
import { getState } from "./get-state";
import { guard } from "./local-errors";
import { readMerge } from "./merge-state";
import type { OverlayEntry } from "./overlay/overlay-store";
import { ancestorsOf } from "./paths";
import { resolveOptional, setUpstream, trackingRef } from "./remote-branch";
import { createTreeReader, type TreeReader } from "./tree-reader";
import type { WorkspaceState } from "./types";

/**
 * Switches to branch `name` by pointing HEAD at it; there is no checkout, the
 * working tree simply lies on the other branch's tree from now on. A branch
 * that exists only on the remote gets a local branch (tracking it) first.
 *
 * With uncommitted changes, refuses (`dirty`, with the paths) unless
 * `carryChanges`; they are carried only when each changed path is in the
 * target branch exactly as the change was based on (else `conflict`, with the
 * paths). Refuses `merging` during a merge, `not_found` for an unknown branch.
 * Resolves to the state of the copy on the new branch.
 */
export async function switchBranch({ ctx, name, carryChanges = false }: { ctx: WorkspaceContext; name: string; carryChanges?: boolean }): Promise<WorkspaceState> {
  checkBranchName(name);
  await guard("switch branch", async () => {
    const { fs, dir, gitdir, cache, overlay } = ctx;
    if (await readMerge(overlay)) throw new WorkspaceError("merging", "A merge is in progress. Finish it (commit) or abort it before switching branch.");
    const local = await resolveOptional({ ctx, ref: localRef(name) });
    const target = local ?? (await resolveOptional({ ctx, ref: trackingRef(name) }));
    if (!target) throw new WorkspaceError("not_found", `There is no branch "${name}". Fetch to see new branches on the remote.`);
    if ((await git.currentBranch({ fs, dir, gitdir, fullname: false })) === name) return;

    const entries = await overlay.list();
    if (entries.length > 0 && !carryChanges) {
      throw new WorkspaceError("dirty", "You have uncommitted changes. Commit them, discard them, or take them along to the other branch.", {
        paths: entries.map((e) => e.path),
      });
    }
    if (entries.length > 0) {
      const reader = createTreeReader(ctx);
      const { commit } = await git.readCommit({ fs, dir, gitdir, oid: target, cache });
      const unsafe: string[] = [];
      for (const entry of entries) if (!(await carries(reader, commit.tree, entry))) unsafe.push(entry.path);
      if (unsafe.length) {
        throw new WorkspaceError("conflict", `These changed files differ on "${name}", so the changes cannot be taken along: ${unsafe.join(", ")}. Commit or discard them first.`, {
          paths: unsafe,
        });
      }
      await adoptModes(ctx, reader, commit.tree, entries);
    }

    if (!local) {
      await git.writeRef({ fs, dir, gitdir, ref: localRef(name), value: target });
      await setUpstream({ ctx, branch: name });
    }
    await git.writeRef({ fs, dir, gitdir, ref: "HEAD", value: localRef(name), symbolic: true, force: true });
  });
  return getState({ ctx });
}

/** True when the change at `entry.path` applies to `tree` exactly as it did to its own base. */
async function carries(reader: TreeReader, tree: string, entry: OverlayEntry): Promise<boolean> {
  const there = await reader.find(tree, entry.path);
  if (there?.type === "tree") return false;
  if ((there?.oid ?? null) !== entry.baseOid) return false;
  if (entry.baseOid !== null) return true;
  // A new file also needs its folders free: no file where one of them would be.
  for (const folder of ancestorsOf(entry.path)) {
    const found = await reader.find(tree, folder);
    if (!found) return true;
    if (found.type !== "tree") return false;
  }
  return true;
}

/** A carried change keeps the target's mode (e.g. made executable there), as git's checkout would. */
async function adoptModes(ctx: WorkspaceContext, reader: TreeReader, tree: string, entries: OverlayEntry[]): Promise<void> {
  for (const entry of entries) {
    if (entry.baseOid === null) continue;
    const there = await reader.find(tree, entry.path);
    if (there && there.mode !== entry.mode) await ctx.overlay.put({ ...entry, mode: there.mode });
  }
}
