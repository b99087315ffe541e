import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { tempDir } from "./git";

let home: string | undefined;

/**
 * A HOME whose git configuration has Git LFS's filters (`git lfs install`), as
 * a person's has once they set up Git LFS: clones then fetch the real content.
 * Its own, so that git runs elsewhere in the tests stay without Git LFS.
 */
export function lfsHome(): string {
  if (home) return home;
  const dir = tempDir("benchtop-lfs-home-");
  const result = spawnSync("git", ["lfs", "install", "--skip-repo"], { env: { NODE_ENV: "test", PATH: process.env.PATH, HOME: dir, GIT_CONFIG_NOSYSTEM: "1" }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`git lfs install failed: ${result.stderr} (the integration tests need Debian's git-lfs: node scripts/ensure-debian-tools.mjs)`);
  home = dir;
  return dir;
}

/**
 * git's configuration for a token given the way a person's credential helper
 * gives it: git and git lfs ask the helper for each URL on the host (the batch
 * API, then the transfer URLs it answers with), unlike http.extraHeader, which
 * git lfs would send everywhere unasked.
 */
export const credentialHelper = (token: string): string[] => ["-c", `credential.helper=!f() { echo username=git; echo password=${token}; }; f`];

type LfsGitOptions = { cwd?: string; env?: Record<string, string> };

/**
 * The real git command line with Git LFS set up (see lfsHome), never prompting.
 * Asynchronous, so that the test's own HTTP connections to the server stay
 * serviced (a blocked event loop misses the server closing an idle one), and
 * the server's memory can be sampled meanwhile.
 */
export function lfsGit(args: string[], { cwd, env = {} }: LfsGitOptions = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const config = ["-c", "credential.helper=", "-c", "core.askPass=", "-c", "user.name=Test Author", "-c", "user.email=author@example.test", "-c", "init.defaultBranch=main"];
  return new Promise((resolve) => {
    const child = spawn("git", [...config, ...args], {
      cwd,
      env: { NODE_ENV: "test", PATH: process.env.PATH, HOME: lfsHome(), GIT_TERMINAL_PROMPT: "0", GIT_ASKPASS: "", SSH_ASKPASS: "", GIT_CONFIG_NOSYSTEM: "1", LANG: "C", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Like lfsGit, but throws with git's own words when it fails. */
export async function lfsGitOk(args: string[], options: LfsGitOptions = {}): Promise<string> {
  const result = await lfsGit(args, options);
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

/** The SHA-256 of a file, read a piece at a time. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Where Benchtop keeps an object: DATA_DIR/lfs/objects/{xx}/{yy}/{oid}. */
export const storedObject = (dataDir: string, oid: string) => path.join(dataDir, "lfs", "objects", oid.slice(0, 2), oid.slice(2, 4), oid);
