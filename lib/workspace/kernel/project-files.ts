import type { PyodideAPI } from "pyodide";
import { checkPath } from "../paths";
import type { WrittenFile } from "./types";

/** Where the project's working tree is in the kernel's file system. */
export const PROJECT_DIR = "/project";

type FS = PyodideAPI["FS"];
/** What each mounted file's modification time was when mounted, by repository path. */
export type MountedFiles = Map<string, number>;

const mtimeOf = (fs: FS, file: string): number => new Date(fs.stat(file).mtime).getTime();

/** Writes working-tree files into the project folder and remembers them as the tree's, not Python's. */
export function writeProjectFiles(fs: FS, mounted: MountedFiles, files: { path: string; bytes: Uint8Array }[]): void {
  for (const { path, bytes } of files) {
    checkPath(path);
    const file = `${PROJECT_DIR}/${path}`;
    fs.mkdirTree(file.slice(0, file.lastIndexOf("/")));
    fs.writeFile(file, bytes);
    mounted.set(path, mtimeOf(fs, file));
  }
}

/** Files Python created or changed under the project folder since they were mounted (no caches). */
export function listWrittenFiles(fs: FS, mounted: MountedFiles): WrittenFile[] {
  const written: WrittenFile[] = [];
  const walk = (folder: string) => {
    for (const name of fs.readdir(`${PROJECT_DIR}/${folder}`) as string[]) {
      if (name === "." || name === ".." || name === "__pycache__" || name === ".ipynb_checkpoints") continue;
      const path = folder ? `${folder}/${name}` : name;
      const stat = fs.stat(`${PROJECT_DIR}/${path}`);
      if (fs.isDir(stat.mode)) walk(path);
      else if (fs.isFile(stat.mode)) {
        const mountedAt = mounted.get(path);
        if (mountedAt === undefined) written.push({ path, size: stat.size, change: "added" });
        else if (mountedAt !== new Date(stat.mtime).getTime()) written.push({ path, size: stat.size, change: "modified" });
      }
    }
  };
  walk("");
  return written.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** The bytes of a file in the kernel's project folder (one Python wrote, to save into the project). */
export function readProjectFile(fs: FS, path: string): Uint8Array {
  return fs.readFile(`${PROJECT_DIR}/${checkPath(path)}`) as Uint8Array;
}
