// The adapter contract: the same checks run against every provider's emulator,
// so that each adapter is held to the same behaviour (see e2e/hosts/).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isHostError } from "../errors";
import type { GitHostAdapter } from "../types";

/**
 * What a provider's emulator must seed for the contract:
 * - repository `expected.fullName` with default branch `main` and a branch `feature`,
 *   holding README.md ("# Seeded\n") and src/app.py ("print('hello')\n") on main;
 * - a private repository the `outsider` token cannot see;
 * - tokens: `admin` (may push), `readOnly` (may read, not push), `bad` (unknown),
 *   `rateLimited` (the emulator answers as the provider does when the limit is hit),
 *   and, where the provider reports scopes, `narrow` (valid but lacking a needed scope).
 */
export type ContractFixture = {
  adapter(options: { token: string | null; repo?: "seeded" | "missing" | "private" }): GitHostAdapter;
  tokens: { admin: string; readOnly: string; bad: string; rateLimited: string; outsider: string; narrow?: string };
  expected: { fullName: string };
  stop(): Promise<void>;
};

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

async function failureOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (!isHostError(error)) throw error;
    return error;
  }
  throw new Error("expected a HostError");
}

export function runGitHostContract(name: string, setup: () => Promise<ContractFixture>): void {
  describe(`${name} adapter contract`, () => {
    let f: ContractFixture;
    beforeAll(async () => {
      f = await setup();
    }, 60_000);
    afterAll(async () => f?.stop());

    it("tests the connection and reports the repository and push permission", async () => {
      const report = await f.adapter({ token: f.tokens.admin }).testConnection();
      expect(report.repository.fullName).toBe(f.expected.fullName);
      expect(report.repository.defaultBranch).toBe("main");
      expect(report.repository.canPush).toBe(true);
      const readOnly = await f.adapter({ token: f.tokens.readOnly }).testConnection();
      expect(readOnly.repository.canPush).toBe(false);
    });

    it("gets the repository, lists branches and files, reads a file", async () => {
      const adapter = f.adapter({ token: f.tokens.admin });
      expect((await adapter.getRepo()).fullName).toBe(f.expected.fullName);
      const branches = await adapter.listBranches();
      expect(branches.map((b) => b.name)).toEqual(expect.arrayContaining(["main", "feature"]));
      for (const b of branches) expect(b.commit).toMatch(/^[0-9a-f]{40}$/);
      const root = await adapter.listFiles({});
      expect(root).toEqual(expect.arrayContaining([expect.objectContaining({ path: "README.md", type: "file" }), expect.objectContaining({ path: "src", type: "dir" })]));
      expect(await adapter.listFiles({ path: "src", ref: "main" })).toEqual([expect.objectContaining({ path: "src/app.py", type: "file" })]);
      expect(decode(await adapter.readFile({ path: "README.md" }))).toBe("# Seeded\n");
      expect(decode(await adapter.readFile({ path: "src/app.py", ref: "main" }))).toBe("print('hello')\n");
    });

    it("gives git a URL and credential it can clone with", () => {
      const adapter = f.adapter({ token: f.tokens.admin });
      const header = adapter.gitAuthHeader();
      expect(header).toBeTruthy();
      const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "contract-")), "clone");
      execFileSync("git", ["-c", `http.extraHeader=Authorization: ${header}`, "clone", "-q", adapter.gitRemoteUrl(), dir], {
        env: { NODE_ENV: "test", PATH: process.env.PATH, HOME: os.tmpdir(), GIT_TERMINAL_PROMPT: "0", GIT_CONFIG_NOSYSTEM: "1" },
      });
      expect(fs.readFileSync(path.join(dir, "README.md"), "utf8")).toBe("# Seeded\n");
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    });

    it("says a bad token is bad", async () => {
      const error = await failureOf(f.adapter({ token: f.tokens.bad }).testConnection());
      expect(error.code).toBe("bad_credentials");
      expect(error.message).toMatch(/token/i);
    });

    it("says a missing repository is missing", async () => {
      const error = await failureOf(f.adapter({ token: f.tokens.admin, repo: "missing" }).getRepo());
      expect(error.code).toBe("not_found");
    });

    it("says when the token may not see a private repository", async () => {
      const error = await failureOf(f.adapter({ token: f.tokens.outsider, repo: "private" }).getRepo());
      expect(["not_found", "no_permission"]).toContain(error.code);
      expect(error.message).toMatch(/access|permission|not found/i);
    });

    it("reports a rate limit with the time it resets", async () => {
      const error = await failureOf(f.adapter({ token: f.tokens.rateLimited }).getRepo());
      expect(error.code).toBe("rate_limited");
      expect(error.resetAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    });

    it("names the scopes a narrow token lacks, where the provider reports scopes", async () => {
      if (!f.tokens.narrow) return;
      const report = await f.adapter({ token: f.tokens.narrow }).testConnection();
      expect(report.token?.missingScopes.length).toBeGreaterThan(0);
    });
  });
}
