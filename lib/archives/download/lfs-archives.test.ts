// Archives of commits with files stored with Git LFS hold those files' content,
// not their pointers: a revision as zip or tar.gz, and a download with history
// (whose clone has the objects where git lfs looks, so `git lfs fsck` passes).
// Content that cannot be had is refused with the files it concerns.
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { insertLfsObjectRef } from "../../db";
import { serverLfsObjectFile } from "../../lfs-objects";
import { createProject } from "../../projects";
import { newTestUser } from "../../projects/test-support/external-project";
import { archiveHistory } from "./history-archive";
import { archiveRevisionWithLfs } from "./revision-archive";
import type { SourceRepository } from "./source-repository";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const git = (cwd: string, ...args: string[]) => execFileSync("git", ["-c", "user.name=T", "-c", "user.email=t@example.test", ...args], { cwd }).toString("utf8");

const model = randomBytes(700_000);
const table = Buffer.from("region,amount\nnorth,10\n");
let repository: SourceRepository;
let commit: string;
let lost: string;
let projectId: string;
let stolen: string;
const secret = randomBytes(3000);

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of source) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

function unpack(bytes: Buffer, format: "zip" | "tar.gz"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lfs-archive-out-"));
  const file = path.join(dir, `a.${format}`);
  fs.writeFileSync(file, bytes);
  if (format === "zip") execFileSync("/usr/bin/python3", ["-c", "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])", file, dir]);
  else execFileSync("tar", ["-xzf", file, "-C", dir]);
  return dir;
}

beforeAll(async () => {
  projectId = (await createProject({ input: { name: "models", description: "" }, owner: await newTestUser("lfs-archive") })).id;
  const other = (await createProject({ input: { name: "secrets", description: "" }, owner: await newTestUser("lfs-archive-other") })).id;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "lfs-archive-"));
  git(work, "init", "-q", "-b", "main", "repo");
  const repo = path.join(work, "repo");
  fs.mkdirSync(path.join(repo, "data"));
  for (const [name, bytes] of [["model.bin", model], ["data/table.csv", table]] as const) {
    fs.writeFileSync(path.join(repo, name), bytes);
    const place = serverLfsObjectFile(sha256(bytes));
    fs.mkdirSync(path.dirname(place), { recursive: true });
    fs.writeFileSync(place, bytes);
    insertLfsObjectRef({ projectId, oid: sha256(bytes), size: bytes.length });
    fs.writeFileSync(path.join(repo, name), execFileSync("git", ["lfs", "pointer", `--file=${name}`], { cwd: repo, stdio: ["ignore", "pipe", "ignore"] }));
  }
  fs.writeFileSync(path.join(repo, ".gitattributes"), "*.bin filter=lfs diff=lfs merge=lfs -text\n*.csv filter=lfs diff=lfs merge=lfs -text\n");
  fs.writeFileSync(path.join(repo, "README.md"), "# Models\n");
  git(repo, "add", "--all");
  git(repo, "commit", "-q", "-m", "models");
  commit = git(repo, "rev-parse", "HEAD").trim();
  fs.writeFileSync(path.join(repo, "gone.bin"), execFileSync("git", ["lfs", "pointer", "--file=README.md"], { cwd: repo, stdio: ["ignore", "pipe", "ignore"] }).toString("utf8").replace(/oid sha256:[0-9a-f]+/, `oid sha256:${"e".repeat(64)}`));
  git(repo, "add", "--all");
  git(repo, "commit", "-q", "-m", "lost");
  lost = git(repo, "rev-parse", "HEAD").trim();
  // Another project's object, in the shared store: this project's pointer to it must not read it.
  const place = serverLfsObjectFile(sha256(secret));
  fs.mkdirSync(path.dirname(place), { recursive: true });
  fs.writeFileSync(place, secret);
  insertLfsObjectRef({ projectId: other, oid: sha256(secret), size: secret.length });
  git(repo, "rm", "-q", "gone.bin");
  fs.writeFileSync(path.join(repo, "stolen.bin"), secret);
  fs.writeFileSync(path.join(repo, "stolen.bin"), execFileSync("git", ["lfs", "pointer", "--file=stolen.bin"], { cwd: repo, stdio: ["ignore", "pipe", "ignore"] }));
  git(repo, "add", "--all");
  git(repo, "commit", "-q", "-m", "stolen");
  stolen = git(repo, "rev-parse", "HEAD").trim();
  repository = { dir: path.join(repo, ".git"), release: async () => {}, remote: null, projectId };
});

describe("archives of LFS files", () => {
  it("hold the files' content in a revision's zip and tar.gz", async () => {
    for (const format of ["zip", "tar.gz"] as const) {
      const { source, temp } = await archiveRevisionWithLfs({ repository, commit, format, prefix: "models" });
      const out = unpack(await collect(source), format);
      await temp.remove();
      expect(sha256(fs.readFileSync(path.join(out, "models", "model.bin")))).toBe(sha256(model));
      expect(fs.readFileSync(path.join(out, "models", "data", "table.csv")).equals(table)).toBe(true);
      expect(fs.readFileSync(path.join(out, "models", "README.md"), "utf8")).toBe("# Models\n");
    }
  });

  it("hold the content and the objects in a download with history, which git lfs finds whole", async () => {
    const { source, temp } = await archiveHistory({ repository, revision: { kind: "commit", name: commit, commit }, format: "tar.gz", name: "models" });
    const out = path.join(unpack(await collect(source), "tar.gz"), "models");
    await temp.remove();
    expect(sha256(fs.readFileSync(path.join(out, "model.bin")))).toBe(sha256(model));
    expect(fs.existsSync(path.join(out, ".git", "lfs", "objects", sha256(model).slice(0, 2), sha256(model).slice(2, 4), sha256(model)))).toBe(true);
    execFileSync("git", ["lfs", "install", "--local"], { cwd: out, stdio: "ignore" });
    expect(execFileSync("git", ["lfs", "fsck"], { cwd: out }).toString("utf8")).toContain("Git LFS fsck OK");
  });

  it("are refused, naming the file, when an object's content is nowhere", async () => {
    await expect(archiveRevisionWithLfs({ repository, commit: lost, format: "zip", prefix: "models" })).rejects.toThrow(/gone\.bin is stored with Git LFS, but the content is not on Benchtop's git server/);
  });

  it("attack: a pointer naming another project's object (its hash and size) does not put that content in the archive", async () => {
    await expect(archiveRevisionWithLfs({ repository, commit: stolen, format: "zip", prefix: "models" })).rejects.toThrow(/stolen\.bin is stored with Git LFS, but the content is not on Benchtop's git server/);
    await expect(archiveHistory({ repository, revision: { kind: "commit", name: stolen, commit: stolen }, format: "tar.gz", name: "models" })).rejects.toThrow(/stolen\.bin/);
  });
});
