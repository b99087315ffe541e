// The real `git` and `git lfs` command lines (Debian's git-lfs), each run in
// a HOME of its own where `git lfs install` has set up the filters, without
// blocking the event loop (an emulator or relay in the same process answers).
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export type GitRun = { code: number | null; stdout: string; stderr: string };

/** A fresh HOME whose global config has git-lfs's filters (git lfs install --skip-repo). Remove it when done. */
export function makeLfsHome(): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "git-lfs-home-"));
  execFileSync("git", ["lfs", "install", "--skip-repo"], { env: { PATH: process.env.PATH, HOME: home, GIT_CONFIG_NOSYSTEM: "1" } as unknown as NodeJS.ProcessEnv, stdio: "ignore" });
  return home;
}

/**
 * Runs git (and through it git-lfs) with extra HTTP headers on every request,
 * which git-lfs honours as git does (http.extraHeader): the Authorization of
 * a host, or a Benchtop session's cookie. `env` adds to a bare environment
 * (GIT_TRACE, GIT_CURL_VERBOSE...).
 */
export function runGitLfs(args: string[], { cwd, home, headers = {}, env = {} }: { cwd?: string; home: string; headers?: Record<string, string>; env?: Record<string, string> }): Promise<GitRun> {
  const config = ["-c", "credential.helper=", "-c", "core.askPass=", "-c", "user.name=Test Author", "-c", "user.email=author@example.test", "-c", "init.defaultBranch=main"];
  for (const [name, value] of Object.entries(headers)) config.push("-c", `http.extraHeader=${name}: ${value}`);
  return new Promise((resolve) => {
    const child = spawn("git", [...config, ...args], {
      cwd,
      env: { PATH: process.env.PATH, HOME: home, GIT_TERMINAL_PROMPT: "0", GIT_ASKPASS: "", SSH_ASKPASS: "", GIT_CONFIG_NOSYSTEM: "1", LANG: "C", ...env } as unknown as NodeJS.ProcessEnv,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
