import { describe, expect, it } from "vitest";
import type { FileEntry } from "../types";
import { mountTree, workingTreeFiles } from "./mount-tree";

const entry = (path: string, type: "file" | "dir"): FileEntry => ({ name: path.split("/").at(-1)!, path, type });

/** A working tree of `files` (path -> size in bytes), read through the workspace API's two calls. */
function fakeTree(files: Record<string, number>) {
  const reads: string[] = [];
  const api = {
    async listDirectory({ path }: { path: string }) {
      const prefix = path ? `${path}/` : "";
      const names = new Map<string, "file" | "dir">();
      for (const file of Object.keys(files).filter((f) => f.startsWith(prefix))) {
        const [name, ...rest] = file.slice(prefix.length).split("/");
        names.set(prefix + name!, rest.length ? "dir" : "file");
      }
      return [...names].map(([p, type]) => entry(p, type));
    },
    async readFileBytes({ path }: { path: string }) {
      reads.push(path);
      return new Uint8Array(files[path]!);
    },
  };
  return { files: workingTreeFiles(api), reads };
}

describe("mounting the working tree into a kernel", () => {
  it("copies every file of every folder, in batches", async () => {
    const { files } = fakeTree({ "README.md": 10, "data/sales.csv": 20, "data/raw/2024.csv": 30 });
    const batches: string[][] = [];
    const report = await mountTree(files, async (batch) => void batches.push(batch.map((f) => f.path)));
    expect(report).toEqual({ files: 3, bytes: 60, skipped: [] });
    expect(batches.flat().sort()).toEqual(["README.md", "data/raw/2024.csv", "data/sales.csv"]);
  });

  it("leaves out what passes the limits and says why", async () => {
    const { files } = fakeTree({ "a.csv": 40, "big.bin": 200, "b.csv": 40, "c.csv": 40, "d.csv": 1 });
    const mounted: string[] = [];
    const report = await mountTree(files, async (batch) => void mounted.push(...batch.map((f) => f.path)), { files: 3, fileBytes: 100, totalBytes: 100 });
    expect(mounted).toEqual(["a.csv", "b.csv", "d.csv"]);
    expect(report.skipped).toEqual([
      { path: "big.bin", reason: `larger than ${100 / 2 ** 20} MB` },
      { path: "c.csv", reason: `more than ${100 / 2 ** 20} MB in all` },
    ]);
  });
});
