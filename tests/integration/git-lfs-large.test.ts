// A 200 MB file through Benchtop's Git LFS API with the real `git lfs` client:
// streamed to disk on push (the server's memory stays flat), identical byte for
// byte in a fresh clone and after `git lfs pull`.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { createProject, createUser } from "./helpers/api";
import { credentialHelper, lfsGit, lfsGitOk, sha256File, storedObject } from "./helpers/git-lfs";
import { residentBytes, sampleResidentMemory } from "./helpers/memory";
import { writeRandomFile } from "./helpers/random-file";
import { tempDir } from "./helpers/git";

const MB = 1024 * 1024;
const FILE_BYTES = 200 * MB;

describe("a large file with Git LFS", () => {
  it(
    "pushes a 200 MB file with the server growing by less than 50 MB, and clones and pulls it back identical",
    { timeout: 600_000 },
    async () => {
      const owner = await createUser();
      const project = await createProject(owner);
      const auth = credentialHelper(owner.token);
      const root = tempDir("benchtop-lfs-large-");
      const work = path.join(root, "work");
      await lfsGitOk([...auth, "clone", "-q", project.cloneUrl, work]);
      await lfsGitOk(["lfs", "install", "--local"], { cwd: work });
      await lfsGitOk(["lfs", "track", "*.bin"], { cwd: work });
      writeRandomFile(path.join(work, "weights.bin"), FILE_BYTES);
      const oid = await sha256File(path.join(work, "weights.bin"));
      await lfsGitOk(["add", ".gitattributes", "weights.bin"], { cwd: work });
      await lfsGitOk(["commit", "-q", "-m", "Add the model's weights"], { cwd: work });

      const pid = inject("serverPid");
      const baseline = residentBytes(pid);
      const sampler = sampleResidentMemory(pid);
      const push = await lfsGit([...auth, "push", "origin", "main"], { cwd: work });
      const peak = sampler.stop();
      expect(push.status, push.stderr).toBe(0);

      // Stored once, by its SHA-256, whole; the repository holds the pointer only.
      const stored = storedObject(inject("dataDir"), oid);
      expect(fs.statSync(stored).size).toBe(FILE_BYTES);
      expect(await sha256File(stored)).toBe(oid);
      const growth = peak - baseline;
      console.log(`LFS push: ${FILE_BYTES / MB} MB, server RSS ${(baseline / MB).toFixed(0)} -> peak ${(peak / MB).toFixed(0)} MB (+${(growth / MB).toFixed(0)} MB)`);
      expect(growth).toBeLessThan(50 * MB);

      // A fresh clone smudges the pointer into the content.
      const clone = path.join(root, "clone");
      const downloadBaseline = residentBytes(pid);
      const downloadSampler = sampleResidentMemory(pid);
      const cloned = await lfsGit([...auth, "clone", "-q", project.cloneUrl, clone], { cwd: root });
      const downloadPeak = downloadSampler.stop();
      expect(cloned.status, cloned.stderr).toBe(0);
      console.log(`LFS clone: server RSS +${((downloadPeak - downloadBaseline) / MB).toFixed(0)} MB`);
      expect(await sha256File(path.join(clone, "weights.bin"))).toBe(oid);
      expect(await lfsGitOk(["lfs", "fsck"], { cwd: clone })).toContain("Git LFS fsck OK");

      // Without smudging, the clone has the pointer; git lfs pull fetches the content.
      const skipped = path.join(root, "skipped");
      await lfsGitOk([...auth, "clone", "-q", project.cloneUrl, skipped], { env: { GIT_LFS_SKIP_SMUDGE: "1" } });
      const pointer = fs.readFileSync(path.join(skipped, "weights.bin"), "utf8");
      expect(pointer).toBe(`version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize ${FILE_BYTES}\n`);
      await lfsGitOk([...auth, "lfs", "pull"], { cwd: skipped });
      expect(await sha256File(path.join(skipped, "weights.bin"))).toBe(oid);
      expect(await lfsGitOk(["lfs", "fsck"], { cwd: skipped })).toContain("Git LFS fsck OK");

      fs.rmSync(root, { recursive: true, force: true });
    },
  );
});
