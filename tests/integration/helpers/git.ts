import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export type GitAuth = { token?: string; cookie?: string };

/** Runs the real git command line, never prompting, with a token (HTTP Basic) or a session cookie (sent as a same-origin browser request would be). */
export function git(args: string[], { cwd, auth = {}, input }: { cwd?: string; auth?: GitAuth; input?: string } = {}) {
  const config: string[] = ["-c", "credential.helper=", "-c", "core.askPass=", "-c", "user.name=Test Author", "-c", "user.email=author@example.test", "-c", "init.defaultBranch=main"];
  if (auth.token) config.push("-c", `http.extraHeader=Authorization: Basic ${Buffer.from(`git:${auth.token}`).toString("base64")}`);
  // A browser's same-origin fetch carries Sec-Fetch-Site; without it a cookie-authenticated POST is refused as cross-site.
  if (auth.cookie) config.push("-c", `http.extraHeader=Cookie: ${auth.cookie}`, "-c", "http.extraHeader=Sec-Fetch-Site: same-origin");
  const result = spawnSync("git", [...config, ...args], {
    cwd,
    input,
    env: { NODE_ENV: "test", PATH: process.env.PATH, HOME: os.tmpdir(), GIT_TERMINAL_PROMPT: "0", GIT_ASKPASS: "", SSH_ASKPASS: "", GIT_CONFIG_NOSYSTEM: "1", LANG: "C" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Like `git`, but throws with git's own words when it fails. */
export function gitOk(args: string[], options: Parameters<typeof git>[1] = {}): string {
  const result = git(args, options);
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

export function tempDir(prefix = "benchtop-git-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Clones into a new temporary folder and returns it. */
export function cloneInto(url: string, auth: GitAuth, extra: string[] = []): string {
  const dir = path.join(tempDir(), "work");
  gitOk(["clone", ...extra, url, dir], { auth });
  return dir;
}

/** Adds a commit with one file and returns its id. */
export function commitFile(dir: string, file: string, content: string, message = `Add ${file}`): string {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), content);
  gitOk(["add", file], { cwd: dir });
  gitOk(["commit", "-q", "-m", message], { cwd: dir });
  return gitOk(["rev-parse", "HEAD"], { cwd: dir }).trim();
}
