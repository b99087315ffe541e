import type { PromiseFsClient } from "isomorphic-git";

/**
 * Removes a folder and everything in it through the isomorphic-git fs client.
 * lightning-fs has no recursive `rmdir`, so this walks the tree itself. A
 * missing folder is not an error; the root folder "/" is emptied.
 */
export async function removeDirectory({ fs, path }: { fs: PromiseFsClient; path: string }): Promise<void> {
  let stat: { isDirectory(): boolean };
  try {
    stat = await fs.promises.lstat(path);
  } catch {
    return;
  }
  if (!stat.isDirectory()) {
    await fs.promises.unlink(path);
    return;
  }
  const names = (await fs.promises.readdir(path)) as string[];
  const parent = path === "/" ? "" : path.replace(/\/+$/, "");
  await Promise.all(names.map((name) => removeDirectory({ fs, path: `${parent}/${name}` })));
  // The volume's root cannot be removed; emptying it is the same.
  if (parent !== "") await fs.promises.rmdir(path);
}
