import git from "isomorphic-git";
import { checkBranchName, localRef } from "./branch-name";
import type { WorkspaceContext } from "./context";
import { WorkspaceError } from "./errors";
import { guard } from "./local-errors";
import { resolveOptional } from "./remote-branch";

/**
 * Creates a local branch at the current commit, without switching to it.
 * Refuses: `invalid` for a name git would not take, `exists` when the name is
 * taken (or clashes with a branch "name/..." or a branch that is a prefix of
 * it), `not_found` before the first commit.
 */
export async function createBranch({ ctx, name }: { ctx: WorkspaceContext; name: string }): Promise<void> {
  checkBranchName(name);
  await guard("create the branch", async () => {
    const { fs, dir, gitdir } = ctx;
    if (await resolveOptional({ ctx, ref: localRef(name) })) throw new WorkspaceError("exists", `A branch "${name}" already exists. Choose another name or switch to it.`);
    // Refs are files: "a" and "a/b" cannot both exist.
    const clash = (await git.listBranches({ fs, dir, gitdir })).find((b) => b.startsWith(`${name}/`) || name.startsWith(`${b}/`));
    if (clash) throw new WorkspaceError("exists", `A branch "${name}" cannot sit beside the branch "${clash}". Choose another name.`);
    const head = await resolveOptional({ ctx, ref: "HEAD" });
    if (!head) throw new WorkspaceError("not_found", "There is no commit to start a branch from yet. Commit first.");
    await git.writeRef({ fs, dir, gitdir, ref: localRef(name), value: head });
  });
}
