import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { createProject, createUser } from "./helpers/api";
import { cloneInto, gitOk } from "./helpers/git";
import { residentBytes, sampleResidentMemory } from "./helpers/memory";
import { writeRandomFile } from "./helpers/random-file";

const MB = 1024 * 1024;
const FILES = 3;
const FILE_BYTES = 105 * MB;


/** Runs git without blocking the event loop, so memory can be sampled meanwhile. */
function gitAsync(args: string[], cwd: string, token: string): Promise<{ code: number | null; stderr: string }> {
  const header = `http.extraHeader=Authorization: Basic ${Buffer.from(`git:${token}`).toString("base64")}`;
  return new Promise((resolve) => {
    const child = spawn("git", ["-c", header, "-c", "credential.helper=", ...args], {
      cwd,
      env: { NODE_ENV: "test", PATH: process.env.PATH, HOME: os.tmpdir(), GIT_TERMINAL_PROMPT: "0", GIT_CONFIG_NOSYSTEM: "1" },
    });
    let stderr = "";
    child.stderr.on("data", (c) => (stderr += c));
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("a large push", () => {
  it(
    "streams a pack of over 300 MB into the repository while the server grows by less than 100 MB",
    { timeout: 300_000 },
    async () => {
      const owner = await createUser();
      const project = await createProject(owner);
      const dir = cloneInto(project.cloneUrl, { token: owner.token });
      for (let i = 1; i <= FILES; i++) writeRandomFile(path.join(dir, `data-${i}.bin`), FILE_BYTES);
      gitOk(["add", "."], { cwd: dir });
      gitOk(["commit", "-q", "-m", "Add 315 MB of data"], { cwd: dir });
      const local = gitOk(["rev-parse", "HEAD"], { cwd: dir }).trim();

      const pid = inject("serverPid");
      const baseline = residentBytes(pid);
      const sampler = sampleResidentMemory(pid);
      const push = await gitAsync(["push", "origin", "main"], dir, owner.token);
      const peak = sampler.stop();

      expect(push.code, push.stderr).toBe(0);
      const bare = path.join(inject("dataDir"), "repos", `${project.id}.git`);
      expect(gitOk(["--git-dir", bare, "rev-parse", "refs/heads/main"]).trim()).toBe(local);
      for (let i = 1; i <= FILES; i++) {
        const file = `data-${i}.bin`;
        expect(gitOk(["--git-dir", bare, "rev-parse", `main:${file}`]).trim()).toBe(gitOk(["rev-parse", `HEAD:${file}`], { cwd: dir }).trim());
        expect(Number(gitOk(["--git-dir", bare, "cat-file", "-s", `main:${file}`]).trim())).toBe(FILE_BYTES);
      }
      const packBytes = fs
        .readdirSync(path.join(bare, "objects", "pack"))
        .filter((f) => f.endsWith(".pack"))
        .reduce((sum, f) => sum + fs.statSync(path.join(bare, "objects", "pack", f)).size, 0);
      // Random data does not compress: the pack that arrived is as large as the files.
      expect(packBytes).toBeGreaterThan(300 * MB);

      const growth = peak - baseline;
      console.log(`large push: pack ${(packBytes / MB).toFixed(0)} MB, server RSS ${(baseline / MB).toFixed(0)} -> peak ${(peak / MB).toFixed(0)} MB (+${(growth / MB).toFixed(0)} MB)`);
      expect(growth).toBeLessThan(100 * MB);
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    },
  );
});
