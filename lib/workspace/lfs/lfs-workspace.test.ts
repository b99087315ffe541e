// Git LFS in the working tree, without a network: content at an LFS path becomes a
// pinned object and a pointer, which commits carry and readers resolve; the pointer is
// the one git lfs writes for the same bytes (native `git lfs pointer`).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addFile } from "../add-file";
import { commitChanges } from "../commit-changes";
import { readFile } from "../read-file";
import { readFileBlob } from "../read-file-blob";
import { resetLocalCopy } from "../reset-local-copy";
import { cloneRepo, contextFor, createSeedRepo, decode, encode, git, removeTempDirs, tempDir } from "../test-support/fixture-repo";
import { trackWithLfs } from "../track-with-lfs";
import { writeFile } from "../write-file";
import { createMemoryLfsStore } from "./object-store";

let seed: string;
beforeAll(() => {
  seed = createSeedRepo();
});
afterAll(removeTempDirs);

const lfsContext = () => ({ ...contextFor(cloneRepo(seed)), lfs: createMemoryLfsStore() });

/** The pointer native git lfs writes for `content`. */
function nativePointer(content: Uint8Array): string {
  const dir = tempDir("lfs-pointer-");
  fs.writeFileSync(path.join(dir, "file"), content);
  return execFileSync("git", ["lfs", "pointer", "--file=file"], { cwd: dir, stdio: ["ignore", "pipe", "ignore"] }).toString("utf8");
}

describe("Git LFS in the working tree", () => {
  it("keeps content saved at a tracked path as a pinned object, commits its pointer and opens it as its content", async () => {
    const ctx = lfsContext();
    expect(await trackWithLfs({ ctx, pattern: "*.csv" })).toEqual({ changed: true });
    expect(await trackWithLfs({ ctx, pattern: "*.csv" })).toEqual({ changed: false });
    const csv = encode("day,sales\nmon,3\n");
    await writeFile({ ctx, path: "data/sales.csv", content: csv });

    const pointer = nativePointer(csv);
    expect(decode((await ctx.overlay.get("data/sales.csv"))!.content!)).toBe(pointer);
    expect(await ctx.lfs.list()).toMatchObject([{ size: csv.length, pinned: true }]);
    const opened = await readFile({ ctx, path: "data/sales.csv" });
    expect(opened).toMatchObject({ text: "day,sales\nmon,3\n", size: csv.length, lfs: { size: csv.length } });
    expect(new Uint8Array(await (await readFileBlob({ ctx, path: "data/sales.csv" })).arrayBuffer())).toEqual(csv);

    await commitChanges({ ctx, message: "Add sales" });
    expect(git(ctx.dir, ["cat-file", "-p", "HEAD:data/sales.csv"])).toBe(pointer.trimEnd());
    expect(git(ctx.dir, ["cat-file", "-p", "HEAD:.gitattributes"])).toBe("*.csv filter=lfs diff=lfs merge=lfs -text");
  });

  it("makes content saved before its path was tracked an object when committing", async () => {
    const ctx = lfsContext();
    const bytes = encode("id,value\n1,2\n");
    await writeFile({ ctx, path: "early.csv", content: bytes });
    expect(decode((await ctx.overlay.get("early.csv"))!.content!)).toBe("id,value\n1,2\n");
    await trackWithLfs({ ctx, pattern: "*.csv" });
    await commitChanges({ ctx, message: "Track and add" });
    expect(git(ctx.dir, ["cat-file", "-p", "HEAD:early.csv"])).toBe(nativePointer(bytes).trimEnd());
  });

  it("adds a file from disk at a tracked path as an object, and refuses a huge untracked one", async () => {
    const ctx = lfsContext();
    await trackWithLfs({ ctx, pattern: "/models/big[[:space:]]model.bin" });
    const bytes = new Uint8Array(20 * 1024 * 1024 + 3).map((_, i) => i % 251);
    const added = await addFile({ ctx, path: "models/big model.bin", file: new Blob([bytes]) });
    expect(added.lfs).toBe(true);
    expect(decode((await ctx.overlay.get("models/big model.bin"))!.content!)).toBe(nativePointer(bytes));
    expect(await addFile({ ctx, path: "models/small.bin", file: new Blob([encode("plain")]) })).toMatchObject({ lfs: false });
    expect(decode((await ctx.overlay.get("models/small.bin"))!.content!)).toBe("plain");
    const huge = { size: 600 * 1024 * 1024 } as Blob;
    await expect(addFile({ ctx, path: "huge.bin", file: huge })).rejects.toMatchObject({ code: "invalid", message: expect.stringContaining("Track it with Git LFS") });

    // Resetting the local copy takes the objects not pushed with the work they belonged to.
    await ctx.lfs.put({ oid: "f".repeat(64), size: 1, blob: new Blob(["x"]), pinned: false, usedAt: 1 });
    await resetLocalCopy({ ctx, force: true });
    expect(await ctx.lfs.list()).toMatchObject([{ oid: "f".repeat(64), pinned: false }]);
  });
});
