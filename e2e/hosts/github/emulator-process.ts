// Starts serve-emulator.ts in a child process (see there for why).
import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import type { GitHubContractWorld } from "./contract-seed";
import type { GitHubAccessWorld } from "./org-access-seed";
import type { GitHubOrgWorld } from "./org-seed";

/** Read back what the child holds with GET {url}/_emulator/inspect, and take the API down with POST {url}/_emulator/outage. */
export type GitHubEmulatorProcess = { url: string; apiRoot: string; lfsStorageUrl: string; world: GitHubContractWorld; orgWorld: GitHubOrgWorld; accessWorld: GitHubAccessWorld; stop(): Promise<void> };

// __dirname rather than import.meta: Playwright loads specs as CommonJS, Vitest as ESM, and both
// give __dirname, so Vitest tests and Playwright specs share this launcher.
const tsx = path.resolve(__dirname, "../../../node_modules/.bin/tsx");

/**
 * A GitHub emulator seeded with the contract world, in its own process (TypeScript run through tsx).
 * `port` and `lfsStoragePort` (its LFS storage host) are free ports unless given.
 */
export async function startGitHubEmulatorProcess({ port = 0, lfsStoragePort = 0 }: { port?: number; lfsStoragePort?: number } = {}): Promise<GitHubEmulatorProcess> {
  const child = spawn(tsx, [path.join(__dirname, "serve-emulator.ts")], {
    env: { ...process.env, GITHUB_EMULATOR_PORT: String(port), GITHUB_EMULATOR_LFS_STORAGE_PORT: String(lfsStoragePort) },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const first = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`the GitHub emulator exited (${code}) before it started`)));
  });
  const { url, apiRoot, lfsStorageUrl, world, orgWorld, accessWorld } = JSON.parse(first) as Omit<GitHubEmulatorProcess, "stop">;
  return {
    url,
    apiRoot,
    lfsStorageUrl,
    world,
    orgWorld,
    accessWorld,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
