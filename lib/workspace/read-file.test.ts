import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deletePath } from "./delete-path";
import { readFile } from "./read-file";
import { readFileBytes } from "./read-file-bytes";
import { BINARY, cloneRepo, contextFor, createSeedRepo, decode, encode, removeTempDirs } from "./test-support/fixture-repo";
import { MAX_EDITOR_BYTES } from "./types";
import { writeFile } from "./write-file";

let seed: string;
beforeAll(() => {
  seed = createSeedRepo();
});
afterAll(removeTempDirs);

describe("readFile and readFileBytes", () => {
  it("reads committed text, version 0", async () => {
    const ctx = contextFor(cloneRepo(seed));
    expect(await readFile({ ctx, path: "src/lib/deep/nested.txt" })).toEqual({ path: "src/lib/deep/nested.txt", size: 5, binary: false, tooLarge: false, text: "deep\n", version: 0 });
  });

  it("reads the saved edit first, with its version", async () => {
    const ctx = contextFor(cloneRepo(seed));
    const { version } = await writeFile({ ctx, path: "README.md", content: encode("edited\n") });
    expect(version).toBeGreaterThan(0);
    expect(await readFile({ ctx, path: "README.md" })).toMatchObject({ text: "edited\n", version });
    expect(decode(await readFileBytes({ ctx, path: "README.md" }))).toBe("edited\n");
  });

  it("marks binary and invalid UTF-8 content, and files too large for the editor", async () => {
    const ctx = contextFor(cloneRepo(seed));
    const image = await readFile({ ctx, path: "data/image.png" });
    expect(image).toMatchObject({ binary: true, tooLarge: false, size: BINARY.length });
    expect(image.text).toBeUndefined();
    expect(await readFileBytes({ ctx, path: "data/image.png" })).toEqual(BINARY);

    await writeFile({ ctx, path: "latin1.txt", content: new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]) });
    expect(await readFile({ ctx, path: "latin1.txt" })).toMatchObject({ binary: true });

    await writeFile({ ctx, path: "bom.txt", content: new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]) });
    expect((await readFile({ ctx, path: "bom.txt" })).text).toBe("\ufeffhi");

    const big = new Uint8Array(MAX_EDITOR_BYTES + 1).fill(0x61);
    await writeFile({ ctx, path: "big.txt", content: big });
    const read = await readFile({ ctx, path: "big.txt" });
    expect(read).toMatchObject({ size: MAX_EDITOR_BYTES + 1, tooLarge: true, binary: false });
    expect(read.text).toBeUndefined();
  });

  it("refuses deleted files, missing files and folders", async () => {
    const ctx = contextFor(cloneRepo(seed));
    await deletePath({ ctx, path: "README.md" });
    await expect(readFile({ ctx, path: "README.md" })).rejects.toMatchObject({ code: "not_found" });
    await expect(readFileBytes({ ctx, path: "nope.txt" })).rejects.toMatchObject({ code: "not_found" });
    await expect(readFile({ ctx, path: "src" })).rejects.toMatchObject({ code: "invalid" });
    await expect(readFile({ ctx, path: "src/app.py/x" })).rejects.toMatchObject({ code: "not_found" });
  });
});
