import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { getDataDir } from "@/lib/config/env";
import { AppError } from "@/lib/errors";
import { extractArchive } from "./extract-archive";
import { UPLOAD_LIMITS, type UploadLimits } from "./limits";
import { toProjectTree } from "./project-tree";
import { tarBytes, tarGzBytes, zipBytes, type TarFixtureEntry, type ZipFixtureEntry } from "./test-support/archives";
import { uploadsDir, withWorkArea } from "./work-area";

const MB = 1024 * 1024;

/** Extracts `bytes` as an upload would, in a work area that is removed afterwards; answers what the project would hold. */
function extract(bytes: Buffer, { fileName = "project.zip", limits }: { fileName?: string; limits?: UploadLimits } = {}) {
  return withWorkArea(async (area) => {
    fs.writeFileSync(area.archive, bytes);
    const tree = await toProjectTree(await extractArchive({ file: area.archive, fileName, into: area.tree, limits }));
    const files = Object.fromEntries([...tree.files].map(([at, file]) => [at, { content: fs.readFileSync(path.join(tree.root, at)), executable: file.executable }]));
    const links = Object.fromEntries([...tree.links].map(([at, link]) => [at, link.target]));
    return { files, links, history: tree.gitDir !== null, warnings: tree.warnings };
  });
}

const leftovers = () => (fs.existsSync(uploadsDir()) ? fs.readdirSync(uploadsDir()) : []);

/** Extracts `bytes`, expecting a refusal; checks that nothing stayed in the upload area, and answers the error. */
async function refusal(bytes: Buffer, options: Parameters<typeof extract>[1] = {}): Promise<AppError> {
  const error = await extract(bytes, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(leftovers()).toEqual([]);
  return error as AppError;
}

const binary = Buffer.from([0, 1, 2, 255, 13, 10, 0, 128]);
const plainZip: ZipFixtureEntry[] = [
  { name: "README.md", data: "# Hello\r\n" },
  { name: "src/", mode: 0o040755 },
  { name: "src/run.sh", data: "#!/bin/sh\necho hi\n", mode: 0o100755 },
  { name: "data/raw.bin", data: binary, method: 0 },
  { name: "latest", data: "data/raw.bin", mode: 0o120777 },
];
const plainTar: TarFixtureEntry[] = [
  { name: "README.md", data: "# Hello\r\n" },
  { name: "src/", type: "Directory" },
  { name: "src/run.sh", data: "#!/bin/sh\necho hi\n", mode: 0o755 },
  { name: "data/raw.bin", data: binary },
  { name: "latest", type: "SymbolicLink", linkpath: "data/raw.bin" },
];

describe("extracting an upload", () => {
  it.each([
    ["zip", zipBytes(plainZip)],
    ["tar.gz", tarGzBytes(plainTar)],
    ["plain tar", tarBytes(plainTar)],
  ])("takes a %s of plain files byte for byte, with executable bits and a link inside the project", async (_, bytes) => {
    const project = await extract(bytes);
    expect(Object.keys(project.files).sort()).toEqual(["README.md", "data/raw.bin", "src/run.sh"]);
    expect(project.files["README.md"]!.content.toString()).toBe("# Hello\r\n");
    expect(project.files["data/raw.bin"]!.content.equals(binary)).toBe(true);
    expect(project.files["src/run.sh"]!.executable).toBe(true);
    expect(project.files["README.md"]!.executable).toBe(false);
    expect(project.links).toEqual({ latest: "data/raw.bin" });
    expect(project.history).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it("reads names as UTF-8 when they are, flagged or not, and as CP437 otherwise", async () => {
    const project = await extract(
      zipBytes([
        { name: "notes é.txt", data: "flagged" },
        { name: "données.csv", data: "unflagged", utf8Flag: false },
        // 0x82 is "é" in CP437, and no UTF-8.
        { name: Buffer.from([0x63, 0x61, 0x66, 0x82, 0x2e, 0x74, 0x78, 0x74]), data: "cp437", utf8Flag: false },
      ]),
    );
    expect(Object.keys(project.files).sort()).toEqual(["café.txt", "données.csv", "notes é.txt"]);
  });

  it("unwraps a single top-level folder, and leaves out Finder's __MACOSX folder", async () => {
    const project = await extract(
      zipBytes([
        { name: "analysis/", mode: 0o040755 },
        { name: "analysis/notes.txt", data: "notes" },
        { name: "analysis/src/model.py", data: "print(1)\n" },
        { name: "__MACOSX/analysis/._notes.txt", data: "resource fork" },
      ]),
    );
    expect(Object.keys(project.files).sort()).toEqual(["notes.txt", "src/model.py"]);
  });

  it("does not unwrap a folder that has company at the top", async () => {
    const project = await extract(tarGzBytes([{ name: "analysis/notes.txt", data: "n" }, { name: "LICENSE", data: "MIT" }]));
    expect(Object.keys(project.files).sort()).toEqual(["LICENSE", "analysis/notes.txt"]);
  });

  it("recognizes a repository (a .git folder), inside a wrapping folder too", async () => {
    const project = await extract(tarGzBytes([{ name: "repo/.git/HEAD", data: "ref: refs/heads/main\n" }, { name: "repo/README.md", data: "x" }]));
    expect(project.history).toBe(true);
  });

  it("leaves out a repository nested below the top, with a warning", async () => {
    const project = await extract(zipBytes([{ name: "app.py", data: "x" }, { name: "vendor/lib/.git/HEAD", data: "ref: refs/heads/main\n" }, { name: "vendor/lib/lib.py", data: "y" }]));
    expect(Object.keys(project.files).sort()).toEqual(["app.py", "vendor/lib/lib.py"]);
    expect(project.warnings).toEqual([expect.stringContaining('"vendor/lib/.git" was left out')]);
  });
});

describe("refusing a malicious or broken archive", () => {
  const outside = () => path.join(getDataDir(), "x");

  it.each([
    ["zip", zipBytes([{ name: "ok.txt", data: "ok" }, { name: "../x", data: "escaped" }])],
    ["tar.gz", tarGzBytes([{ name: "ok.txt", data: "ok" }, { name: "../x", data: "escaped" }])],
    ["zip, deeper", zipBytes([{ name: "a/b/../../../x", data: "escaped" }])],
  ])("a zip-slip entry in a %s", async (_, bytes) => {
    const error = await refusal(bytes);
    expect(error.message).toMatch(/The archive has an entry ".*\.\.\/x" that points outside the project\. Make the archive again from inside the project folder\./);
    expect(error.apiCode).toBe("invalid_input");
    expect(fs.existsSync(outside())).toBe(false);
  });

  it.each([
    ["zip", (target: string) => zipBytes([{ name: target, data: "planted" }])],
    ["tar.gz", (target: string) => tarGzBytes([{ name: target, data: "planted" }])],
  ])("an absolute path in a %s", async (_, make) => {
    const target = path.join(getDataDir(), `planted-${Date.now()}`);
    const error = await refusal(make(target));
    expect(error.message).toContain(`The archive has an entry with an absolute path, "${target}"`);
    expect(fs.existsSync(target)).toBe(false);
  });

  it.each([
    ["zip", zipBytes([{ name: "etc", data: "../../../../etc", mode: 0o120777 }, { name: "readme.txt", data: "x" }])],
    ["tar.gz", tarGzBytes([{ name: "passwd", type: "SymbolicLink", linkpath: "/etc/passwd" }, { name: "readme.txt", data: "x" }])],
    ["tar.gz, out of a wrapping folder", tarGzBytes([{ name: "top/readme.txt", data: "x" }, { name: "top/up", type: "SymbolicLink", linkpath: "../top/readme.txt" }])],
  ])("a symbolic link pointing outside in a %s", async (_, bytes) => {
    const error = await refusal(bytes);
    expect(error.message).toMatch(/The archive has a symbolic link ".+" to ".+", outside the project\./);
  });

  it("a link followed by a file written through it (nothing is written through a link)", async () => {
    const error = await refusal(tarGzBytes([{ name: "sub", type: "SymbolicLink", linkpath: "." }, { name: "sub/x.txt", data: "through the link" }]));
    expect(error.message).toContain('the entry "sub" twice');
  });

  it("a hard link", async () => {
    const error = await refusal(tarGzBytes([{ name: "a.txt", data: "a" }, { name: "b.txt", type: "Link", linkpath: "a.txt" }]));
    expect(error.message).toContain('The archive has a hard link "b.txt" (to "a.txt"); Benchtop takes no hard links.');
  });

  it.each([
    ["a FIFO in a tar.gz", tarGzBytes([{ name: "pipe", type: "FIFO" }]), 'named pipe (FIFO), "pipe"'],
    ["a device in a tar.gz", tarGzBytes([{ name: "dev/null", type: "CharacterDevice" }]), 'device file, "dev/null"'],
    ["a device in a zip", zipBytes([{ name: "dev/zero", mode: 0o020644 }]), 'character device, "dev/zero"'],
  ])("%s", async (_, bytes, says) => {
    const error = await refusal(bytes);
    expect(error.message).toContain(`The archive has a ${says}; a project holds only files, folders and symbolic links.`);
  });

  it.each([
    ["zip", () => zipBytes([{ name: "zeros.bin", data: Buffer.alloc(100 * MB) }])],
    ["tar.gz", () => tarGzBytes([{ name: "zeros.bin", data: Buffer.alloc(100 * MB) }])],
  ])("a bomb: a %s that expands more than 200 times its size", async (_, make) => {
    const bytes = make();
    expect(bytes.length).toBeLessThan(MB);
    const error = await refusal(bytes);
    expect(error.message).toContain('The archive expands to more than 200 times its own size, as a "zip bomb" does');
  });

  it.each([
    ["zip", zipBytes(Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.txt`, data: "x" })))],
    ["tar.gz", tarGzBytes(Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.txt`, data: "x" })))],
  ])("too many entries in a %s", async (_, bytes) => {
    const error = await refusal(bytes, { limits: { ...UPLOAD_LIMITS, maxEntries: 10 } });
    expect(error.message).toBe("The archive has more than 10 files and folders. Upload a smaller project, or push it with git.");
    expect(error.apiCode).toBe("too_large");
  });

  it("more bytes than the expanded-size limit", async () => {
    const error = await refusal(tarGzBytes([{ name: "a.bin", data: Buffer.alloc(3 * MB, 1) }]), { limits: { ...UPLOAD_LIMITS, maxExpandedBytes: 2 * MB } });
    expect(error.message).toBe("The archive expands to more than 2 MB. Upload a smaller project, or push it with git.");
  });

  it.each([
    ["zip", zipBytes(plainZip)],
    ["tar.gz", zlib.gzipSync(tarBytes([{ name: "big.txt", data: "line of text\n".repeat(20_000) }]))],
    ["tar", tarBytes([{ name: "big.txt", data: "line of text\n".repeat(2_000) }])],
  ])("a truncated %s", async (_, whole) => {
    const error = await refusal(whole.subarray(0, Math.floor(whole.length / 2)), { fileName: "cut.tgz" });
    expect(error.message).toContain('"cut.tgz" is damaged or incomplete: it ends too early or cannot be read to the end');
  });

  it("a file that is not an archive, whatever its name", async () => {
    const error = await refusal(Buffer.from("just some notes\n"), { fileName: "notes.zip" });
    expect(error.message).toBe('"notes.zip" is not a zip or tar.gz archive (its first bytes are neither). Upload a .zip, .tar.gz or .tgz file.');
  });

  it("an empty file", async () => {
    const error = await refusal(Buffer.alloc(0), { fileName: "empty.zip" });
    expect(error.message).toContain("is not a zip or tar.gz archive");
  });

  it("a gzip file that holds no tar", async () => {
    const error = await refusal(zlib.gzipSync(Buffer.from("x".repeat(2000))), { fileName: "notes.tar.gz" });
    expect(error.message).toContain('"notes.tar.gz" is compressed with gzip but holds no tar archive');
  });

  it.each([
    ["the same file twice", zipBytes([{ name: "a.txt", data: "1" }, { name: "a.txt", data: "2" }]), 'the entry "a.txt" twice'],
    ["a file where a folder is", tarGzBytes([{ name: "a", data: "1" }, { name: "a/b", data: "2" }]), 'the entry "a/b" twice'],
    ["a folder where a file is", tarGzBytes([{ name: "a/b", data: "2" }, { name: "a", data: "1" }]), 'the entry "a" twice'],
    ["a backslash", zipBytes([{ name: "..\\evil.txt", data: "1" }]), "contains a backslash"],
    ["a name git cannot check out", tarGzBytes([{ name: "tab\there.txt", data: "1" }]), "a path git could not check out"],
    ["no files at all", zipBytes([{ name: "empty/", mode: 0o040755 }]), "The archive holds no files."],
  ])("%s", async (_, bytes, says) => {
    const error = await refusal(bytes);
    expect(error.message).toContain(says);
  });
});

describe("the real limits", () => {
  it("refuses a zip of 100,001 entries (ZIP64) from its central directory, before writing anything", async () => {
    const bytes = zipBytes(Array.from({ length: 100_001 }, (_, i) => ({ name: `f/${i}`, method: 0 as const })));
    const error = await refusal(bytes);
    expect(error.message).toBe("The archive has more than 100,000 files and folders. Upload a smaller project, or push it with git.");
  });
});
