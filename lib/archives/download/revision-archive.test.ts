import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { archiveRevision } from "./revision-archive";
import type { ArchiveFormat } from "./schema";
import { streamBody } from "./stream-body";
import { makeFixtureRepository } from "./test-support/fixture-repository";

let dir: string;
let commits: ReturnType<typeof makeFixtureRepository>;

async function archiveBytes(commit: string, format: ArchiveFormat): Promise<Buffer> {
  const git = archiveRevision({ dir, commit, format, prefix: "fixture" });
  return Buffer.from(await new Response(streamBody({ source: git.stdout, finished: git.finished, onClose: git.kill })).arrayBuffer());
}

beforeAll(() => {
  dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "revision-")), "repo.git");
  commits = makeFixtureRepository(dir);
});

describe("archiveRevision", () => {
  it("gives the same bytes each time, as git archive of the commit does, with no time in the gzip header", async () => {
    for (const format of ["zip", "tar.gz"] as const) {
      const first = await archiveBytes(commits.main, format);
      await new Promise((r) => setTimeout(r, 1100));
      const second = await archiveBytes(commits.main, format);
      expect(createHash("sha256").update(second).digest("hex")).toBe(createHash("sha256").update(first).digest("hex"));
      const native = execFileSync("git", ["archive", `--format=${format}`, "--prefix=fixture/", commits.main], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
      expect(first.equals(native)).toBe(true);
    }
    const gz = await archiveBytes(commits.main, "tar.gz");
    expect([...gz.subarray(0, 3)]).toEqual([0x1f, 0x8b, 8]);
    expect(gz.readUInt32LE(4)).toBe(0);
  });

  it("breaks the body off when git fails, instead of ending it as if whole", async () => {
    const git = archiveRevision({ dir, commit: "0".repeat(40), format: "zip", prefix: "fixture" });
    await expect(new Response(streamBody({ source: git.stdout, finished: git.finished, onClose: git.kill })).arrayBuffer()).rejects.toThrow();
  });
});
