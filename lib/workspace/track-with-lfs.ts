import type { WorkspaceContext } from "./context";
import { WorkspaceError } from "./errors";
import { isLfsTracked } from "./lfs/lfs-files";
import { addLfsTrackLine, checkTrackPattern } from "./lfs/track-pattern";
import { guard } from "./local-errors";
import { findFile, openWorkingTree, readWorkingBytes, saveFile } from "./working-tree";

const ATTRIBUTES = ".gitattributes";

/**
 * "Track with LFS": adds `pattern` to the top .gitattributes (an uncommitted
 * change, like `git lfs track`). Files saved or added at matching paths from
 * then on are kept by Git LFS; files already committed stay as they are until
 * they change. Refuses (`invalid`) a pattern that cannot be a line's pattern.
 */
export async function trackWithLfs({ ctx, pattern }: { ctx: WorkspaceContext; pattern: string }): Promise<{ changed: boolean }> {
  const problem = checkTrackPattern(pattern);
  if (problem) throw new WorkspaceError("invalid", problem);
  return guard("track the files with Git LFS", async () => {
    const tree = await openWorkingTree(ctx);
    const file = await findFile(tree, ATTRIBUTES);
    const before = file ? new TextDecoder().decode(await readWorkingBytes(tree, file)) : "";
    const after = addLfsTrackLine(before, pattern);
    if (after === before) return { changed: false };
    await saveFile(tree, { path: ATTRIBUTES, content: new TextEncoder().encode(after), mode: file?.mode ?? "100644" });
    return { changed: true };
  });
}

/** Whether .gitattributes (edits included) gives `path` to Git LFS. */
export async function checkLfsTracked({ ctx, path }: { ctx: WorkspaceContext; path: string }): Promise<boolean> {
  return guard("read .gitattributes", async () => isLfsTracked(await openWorkingTree(ctx), path));
}
