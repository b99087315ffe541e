// The contract clones with a blocking git (execFileSync), which would freeze an
// emulator running on the test's own event loop; this one runs in a child process.
import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import type { GitLabContractSeed } from "./gitlab-emulator";
import type { GitLabGroupWorld } from "./org-seed";

/** Read back what the child holds with GET {url}/_emulator/inspect, and take the API down with POST {url}/_emulator/outage. */
export type GitLabEmulatorProcess = { url: string; apiRoot: string; lfsStorageUrl: string; seed: GitLabContractSeed; groupWorld: GitLabGroupWorld; stop(): Promise<void> };

/**
 * Starts serve-contract-emulator.ts under tsx (which ships with vite and drizzle-kit) and waits for its address.
 * `port` 0 (the default) takes a free one; browser tests pass a fixed port that the app server's
 * BENCHTOP_INSECURE_HOSTS names.
 */
export async function startGitLabEmulatorProcess({ port = 0 }: { port?: number } = {}): Promise<GitLabEmulatorProcess> {
  const script = path.join(__dirname, "serve-contract-emulator.ts");
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: path.resolve(__dirname, "../../.."),
    env: { ...process.env, GITLAB_EMULATOR_PORT: String(port) },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const first = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.once("line", (line) => {
      lines.close();
      resolve(line);
    });
    child.once("exit", (code) => reject(new Error(`the GitLab emulator exited (${code}) before it started`)));
  });
  const { url, apiRoot, lfsStorageUrl, seed, groupWorld } = JSON.parse(first) as Omit<GitLabEmulatorProcess, "stop">;
  return {
    url,
    apiRoot,
    lfsStorageUrl,
    seed,
    groupWorld,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.stdin.end();
      }),
  };
}
