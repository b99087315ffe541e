import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { stagingPath } from "../../git-server";
import { archiveHistory } from "./history-archive";
import { resolveRevision } from "./resolve-revision";
import type { ArchiveFormat } from "./schema";
import { streamBody } from "./stream-body";
import { gitText, makeFixtureRepository } from "./test-support/fixture-repository";

let source: string;
let commits: ReturnType<typeof makeFixtureRepository>;
const project = { id: "p1", name: "fixture", defaultBranch: "main" };
const leftovers = () => (fs.existsSync(stagingPath({ name: "" })) ? fs.readdirSync(stagingPath({ name: "" })).filter((name) => name.startsWith("archive-")) : []);

async function download(ref: string, format: ArchiveFormat): Promise<string> {
  const revision = await resolveRevision({ dir: source, ref, project });
  const { source: packed, temp } = await archiveHistory({ repository: { dir: source, release: async () => {}, remote: null, projectId: project.id }, revision, format, name: project.name });
  const body = streamBody({ source: packed, onClose: temp.remove });
  const bytes = Buffer.from(await new Response(body).arrayBuffer());
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "history-out-"));
  const file = path.join(out, `archive.${format}`);
  fs.writeFileSync(file, bytes);
  if (format === "zip") execFileSync("unzip", ["-q", file, "-d", out]);
  else execFileSync("tar", ["-xzf", file, "-C", out]);
  return path.join(out, project.name);
}

beforeAll(() => {
  source = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "history-")), "repo.git");
  commits = makeFixtureRepository(source);
});

describe("archiveHistory", () => {
  for (const format of ["tar.gz", "zip"] as const) {
    it(`packs a clean working copy of the branch with every branch, tag and commit in .git (${format})`, async () => {
      const dir = await download("HEAD", format);
      expect(gitText(["for-each-ref", "--format=%(objectname) %(refname)"], dir)).toBe(gitText(["for-each-ref", "--format=%(objectname) %(refname)"], source));
      expect(gitText(["log", "--all", "--format=%H %P %an %at %s"], dir)).toBe(gitText(["log", "--all", "--format=%H %P %an %at %s"], source));
      gitText(["fsck", "--full", "--strict"], dir);
      expect(gitText(["symbolic-ref", "HEAD"], dir).trim()).toBe("refs/heads/main");
      expect(gitText(["status", "--porcelain"], dir)).toBe("");
      expect(fs.readFileSync(path.join(dir, "data/nested/values.csv"), "utf8")).toBe("a,b\n1,2\n");
      expect(fs.readlinkSync(path.join(dir, "values-link.csv"))).toBe("data/nested/values.csv");
      expect(fs.statSync(path.join(dir, "run.sh")).mode & 0o111).not.toBe(0);
      // Nothing of the server: no hooks, no remote, no reflog; only core settings.
      expect(fs.readdirSync(path.join(dir, ".git")).sort()).toEqual(["HEAD", "config", "index", "objects", "refs"]);
      expect(gitText(["config", "--local", "--list"], dir).split("\n").filter(Boolean).every((line) => line.startsWith("core."))).toBe(true);
      expect(leftovers()).toEqual([]);
    });
  }

  it("checks out a tag or a commit as a detached HEAD, still with every branch", async () => {
    const dir = await download("v1", "tar.gz");
    expect(gitText(["rev-parse", "HEAD"], dir).trim()).toBe(commits.first);
    expect(() => gitText(["symbolic-ref", "-q", "HEAD"], dir)).toThrow();
    expect(fs.existsSync(path.join(dir, "run.sh"))).toBe(false);
    expect(gitText(["status", "--porcelain"], dir)).toBe("");
    expect(gitText(["rev-parse", "refs/heads/feature/x"], dir).trim()).toBe(commits.feature);
  });

  it("removes its temporary folder when the reader stops half-way", async () => {
    const revision = await resolveRevision({ dir: source, ref: "main", project });
    const { source: packed, temp } = await archiveHistory({ repository: { dir: source, release: async () => {}, remote: null, projectId: project.id }, revision, format: "zip", name: project.name });
    expect(fs.existsSync(temp.dir)).toBe(true);
    const reader = streamBody({ source: packed, onClose: temp.remove }).getReader();
    await reader.read();
    await reader.cancel();
    expect(fs.existsSync(temp.dir)).toBe(false);
  });

  it("removes its temporary folder when the client leaves (the request's signal)", async () => {
    const revision = await resolveRevision({ dir: source, ref: "main", project });
    const { source: packed, temp } = await archiveHistory({ repository: { dir: source, release: async () => {}, remote: null, projectId: project.id }, revision, format: "tar.gz", name: project.name });
    const controller = new AbortController();
    const reader = streamBody({ source: packed, onClose: temp.remove, signal: controller.signal }).getReader();
    await reader.read();
    controller.abort();
    await expect.poll(() => fs.existsSync(temp.dir)).toBe(false);
  });
});
