import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startGitHubEmulatorProcess, type GitHubEmulatorProcess } from "../../e2e/hosts/github/emulator-process";
import { api, baseUrl, createUser, signInBrowser, unique } from "./helpers/api";
import { gatewayUrl, gitAsync } from "./helpers/gateway";
import { git, gitOk, tempDir } from "./helpers/git";
import { residentBytes, sampleResidentMemory } from "./helpers/memory";
import { writeRandomFile } from "./helpers/random-file";

const MB = 1024 * 1024;
const FILES = 3;
const FILE_BYTES = 105 * MB;


let emulator: GitHubEmulatorProcess;
beforeAll(async () => {
  emulator = await startGitHubEmulatorProcess();
});
afterAll(async () => {
  await emulator?.stop();
});

describe("a large push through the git gateway", () => {
  it(
    "streams over 300 MB of incompressible data to the git host while the server grows by less than 100 MB",
    { timeout: 420_000 },
    async () => {
      const token = emulator.world.tokens.admin;
      const user = await createUser();
      const cookie = await signInBrowser(user);
      const registered = await api("/api/v1/repositories", { method: "POST", token: user.token, body: { provider: "github-enterprise", name: unique("big-"), location: `${emulator.url}/acme/models`, token } });
      expect(registered.status, registered.text).toBe(201);

      const dir = path.join(tempDir(), "work");
      const clone = await gitAsync(["clone", gatewayUrl(baseUrl(), `${emulator.url}/acme/models.git`), dir], { cookie });
      expect(clone.code, clone.stderr).toBe(0);
      for (let i = 1; i <= FILES; i++) writeRandomFile(path.join(dir, `data-${i}.bin`), FILE_BYTES);
      gitOk(["add", "."], { cwd: dir });
      gitOk(["commit", "-q", "-m", "Add 315 MB of data"], { cwd: dir });
      const local = gitOk(["rev-parse", "HEAD"], { cwd: dir }).trim();

      const pid = inject("serverPid");
      const baseline = residentBytes(pid);
      const sampler = sampleResidentMemory(pid);
      const push = await gitAsync(["push", "origin", "HEAD:main"], { cwd: dir, cookie });
      const peak = sampler.stop();
      expect(push.code, push.stderr).toBe(0);

      // The git host has the commit (its id covers every byte of the tree), and the files at their full size.
      const remote = gitOk(["ls-remote", `${emulator.url}/acme/models.git`, "refs/heads/main"], { auth: { token } });
      expect(remote.split(/\s+/)[0]).toBe(local);
      const listing = await fetch(`${emulator.apiRoot}/repos/acme/models/contents/?ref=main`, { headers: { authorization: `token ${token}` } });
      const entries = (await listing.json()) as { name: string; size: number; sha: string }[];
      for (let i = 1; i <= FILES; i++) {
        const file = `data-${i}.bin`;
        const entry = entries.find((e) => e.name === file);
        expect(entry?.size, file).toBe(FILE_BYTES);
        expect(entry?.sha).toBe(gitOk(["rev-parse", `HEAD:${file}`], { cwd: dir }).trim());
      }
      expect(git(["cat-file", "-s", "HEAD:data-1.bin"], { cwd: dir }).stdout.trim()).toBe(String(FILE_BYTES));

      const growth = peak - baseline;
      console.log(`gateway large push: ${((FILES * FILE_BYTES) / MB).toFixed(0)} MB, server RSS ${(baseline / MB).toFixed(0)} -> peak ${(peak / MB).toFixed(0)} MB (+${(growth / MB).toFixed(0)} MB)`);
      expect(growth).toBeLessThan(100 * MB);
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    },
  );
});
