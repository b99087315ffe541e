import type { WorkspaceContext } from "./context";
import { WorkspaceError } from "./errors";
import { guard } from "./local-errors";
import type { OverlayEntry } from "./overlay/overlay-store";
import { checkFolderPath, compareNames, joinPath } from "./paths";
import type { FileEntry } from "./types";
import { changeKindOf, folderExists, openWorkingTree } from "./working-tree";

/**
 * Lists one folder of the working tree ("" for the root): the base tree's
 * entries there with the overlay laid on top. New files (and the folders they
 * imply) appear, deleted files and folders left empty disappear. Folders come
 * first, then files, each sorted by name; a folder is `modified` when anything
 * inside it changed.
 *
 * Throws `not_found` when the folder does not exist, `invalid` for a bad path.
 */
export async function listDirectory({ ctx, path }: { ctx: WorkspaceContext; path: string }): Promise<FileEntry[]> {
  const folder = checkFolderPath(path);
  return guard("list the folder", async () => {
    const tree = await openWorkingTree(ctx);
    const baseEntry = folder === "" ? null : await tree.reader.find(tree.base.tree, folder);
    const baseTree = folder === "" ? tree.base.tree : baseEntry?.type === "tree" ? baseEntry.oid : null;
    const baseChildren = baseTree ? await tree.reader.entries(baseTree) : [];

    const { direct, nested } = groupByChild(await ctx.overlay.listUnder(folder), folder);
    if (!baseTree && ![...direct.values(), ...[...nested.values()].flat()].some((e) => e.content)) {
      throw new WorkspaceError("not_found", `There is no folder "${folder}". Reload the file list.`);
    }

    const folders = new Map<string, FileEntry>();
    const files = new Map<string, FileEntry>();
    for (const child of baseChildren) {
      const childPath = joinPath(folder, child.path);
      if (child.type === "tree") {
        const inside = nested.get(child.path);
        if (!inside) folders.set(child.path, { name: child.path, path: childPath, type: "dir" });
        else if (await folderExists(tree, childPath, inside)) folders.set(child.path, changedFolder(child.path, childPath, inside));
      } else if (child.type === "blob" && !direct.has(child.path)) {
        files.set(child.path, { name: child.path, path: childPath, type: "file" });
      }
      // Submodules (type "commit") have no content here to show.
    }
    for (const [name, entry] of direct) {
      if (entry.content) files.set(name, { name, path: entry.path, type: "file", change: changeKindOf(entry), conflict: entry.conflict ?? false });
    }
    for (const [name, inside] of nested) {
      if (!folders.has(name) && inside.some((e) => e.content)) folders.set(name, changedFolder(name, joinPath(folder, name), inside));
    }
    const byName = (a: FileEntry, b: FileEntry) => compareNames(a.name, b.name);
    return [...[...folders.values()].sort(byName), ...[...files.values()].sort(byName)];
  });
}

/** Overlay entries inside `folder`, by child name: directly in it, or somewhere inside a child folder. */
function groupByChild(entries: OverlayEntry[], folder: string) {
  const direct = new Map<string, OverlayEntry>();
  const nested = new Map<string, OverlayEntry[]>();
  const prefix = folder === "" ? "" : `${folder}/`;
  for (const entry of entries) {
    if (entry.path === folder) continue;
    const rest = entry.path.slice(prefix.length);
    const slash = rest.indexOf("/");
    if (slash === -1) direct.set(rest, entry);
    else {
      const name = rest.slice(0, slash);
      const list = nested.get(name);
      if (list) list.push(entry);
      else nested.set(name, [entry]);
    }
  }
  return { direct, nested };
}

function changedFolder(name: string, path: string, inside: OverlayEntry[]): FileEntry {
  return { name, path, type: "dir", change: "modified", conflict: inside.some((e) => e.conflict === true) };
}
