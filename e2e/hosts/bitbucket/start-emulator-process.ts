// Starts a contract-seeded Bitbucket emulator in a child process (see serve-contract-emulator.ts).
import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import type { BitbucketCloudWorkspaceWorld, BitbucketServerProjectWorld } from "./org-seed";

type WorldOf<K> = K extends "cloud" ? BitbucketCloudWorkspaceWorld : BitbucketServerProjectWorld;

/** The child also holds org-seed.ts's world; read it back with GET {url}/_emulator/inspect. */
export async function startEmulatorProcess<K extends "cloud" | "server">(kind: K): Promise<{ url: string; apiRoot: string; world: WorldOf<K>; stop(): Promise<void> }> {
  const script = path.join(__dirname, "serve-contract-emulator.ts");
  // tsx ships with vite and drizzle-kit; resolved from the project root.
  const child = spawn(process.execPath, ["--import", "tsx", script, kind], { cwd: path.resolve(__dirname, "../../.."), stdio: ["pipe", "pipe", "inherit"] });
  const first = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.once("line", (line) => {
      lines.close();
      resolve(line);
    });
    child.once("exit", (code) => reject(new Error(`the ${kind} emulator exited (${code}) before it started`)));
  });
  const { url, apiRoot, world } = JSON.parse(first) as { url: string; apiRoot: string; world: WorldOf<K> };
  return {
    url,
    apiRoot,
    world,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.stdin.end();
      }),
  };
}
