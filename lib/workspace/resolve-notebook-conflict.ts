import type { WorkspaceContext } from "./context";
import { WorkspaceError } from "./errors";
import { guard } from "./local-errors";
import { encodeText } from "./merge-text";
import { writeMergedNotebook } from "./merge-notebook-files";
import { loadNotebookMerge } from "./notebook-merge-sides";
import { checkPath } from "./paths";
import { findBaseFile, openWorkingTree, saveFile } from "./working-tree";

export type NotebookChoice = "ours" | "theirs";

/**
 * Settles a notebook the merge in progress left in conflict, cell by cell:
 * `choices[i]` keeps our or their version of conflict i of readNotebookConflicts
 * (a cell, or a key of the notebook's metadata). The notebook is merged again
 * from the three versions and written in our version's layout, replacing what
 * the file holds now, without the conflict flag.
 *
 * Throws `invalid` without a merge, for a path that is not one of its notebook
 * conflicts, or when `choices` does not give one choice per conflict.
 */
export async function resolveNotebookConflict({ ctx, path, choices }: { ctx: WorkspaceContext; path: string; choices: NotebookChoice[] }): Promise<void> {
  checkPath(path);
  return guard("resolve the conflict", async () => {
    const { files } = await loadNotebookMerge({ ctx, path });
    const count = files.merge.conflicts.length;
    if (!Array.isArray(choices) || choices.length !== count || choices.some((choice) => choice !== "ours" && choice !== "theirs")) {
      throw new WorkspaceError("invalid", `"${path}" has ${count} conflict${count === 1 ? "" : "s"}: choose ours or theirs for each, then resolve again.`, { paths: [path] });
    }
    let text: string;
    try {
      text = writeMergedNotebook(files, choices);
    } catch (error) {
      throw new WorkspaceError("conflict", `These choices do not make a valid notebook of "${path}". Choose differently, or take ours or theirs for the whole file.`, { paths: [path], cause: error });
    }
    const tree = await openWorkingTree(ctx);
    const mode = (await ctx.overlay.get(path))?.mode ?? (await findBaseFile(tree, path))?.mode ?? "100644";
    await saveFile(tree, { path, content: encodeText(text), mode, conflict: false });
  });
}
