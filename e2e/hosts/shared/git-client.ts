// The real git command line, run without blocking the event loop so that an
// emulator in the same process can answer it.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export function runGit(args: string[], cwd?: string): Promise<{ code: number; stderr: string; stdout: string }> {
  const env = { PATH: process.env.PATH, HOME: os.tmpdir(), GIT_TERMINAL_PROMPT: "0", GIT_CONFIG_NOSYSTEM: "1", GIT_AUTHOR_NAME: "T", GIT_AUTHOR_EMAIL: "t@example.test", GIT_COMMITTER_NAME: "T", GIT_COMMITTER_EMAIL: "t@example.test" };
  return new Promise((resolve) => {
    execFile("git", args, { cwd, env: env as unknown as NodeJS.ProcessEnv }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr: String(stderr), stdout: String(stdout) });
    });
  });
}

/**
 * Clones with an Authorization header (an empty repository clones too), commits
 * one file and tries to push it to main; reports both steps and the commit pushed.
 */
export async function cloneAndPush({ url, authorization }: { url: string; authorization: string | null }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bb-git-"));
  const header = authorization ? ["-c", `http.extraHeader=Authorization: ${authorization}`] : [];
  const clone = await runGit([...header, "clone", "-q", url, "work"], dir);
  let push = { code: -1, stderr: "not tried", stdout: "" };
  let commit: string | null = null;
  if (clone.code === 0) {
    const work = path.join(dir, "work");
    fs.writeFileSync(path.join(work, `pushed-${Date.now()}.txt`), "pushed\n");
    await runGit(["add", "-A"], work);
    await runGit(["commit", "-q", "-m", "Push test"], work);
    commit = (await runGit(["rev-parse", "HEAD"], work)).stdout.trim();
    push = await runGit([...header, "push", "-q", "origin", "HEAD:main"], work);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const outcome = ({ code, stderr }: { code: number; stderr: string }) => ({ code, stderr });
  return { clone: outcome(clone), push: outcome(push), commit };
}
