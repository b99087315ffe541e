import { spawn } from "node:child_process";
import { getDataDir, getEnv } from "../config/env";

/**
 * The environment every git process of Benchtop runs with: nothing inherited but
 * PATH, no system or user configuration, never a terminal prompt.
 */
export function gitEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // Typed as ProcessEnv for spawn(); Next declares NODE_ENV on it, which git does not need.
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: getDataDir(),
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_TERMINAL_PROMPT: "0",
    LANG: "C",
    ...extra,
  } as unknown as NodeJS.ProcessEnv;
}

export class GitCommandError extends Error {
  constructor(
    readonly args: string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`git ${args[0] ?? ""} failed (exit ${exitCode}): ${stderr.trim().slice(0, 500)}`);
    this.name = "GitCommandError";
  }
}

/** Runs git to completion and returns its standard output. For small outputs only (plumbing). */
export function runGit({ args, cwd, input, env = {} }: { args: string[]; cwd?: string; input?: string | Buffer; env?: Record<string, string> }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(getEnv().BENCHTOP_GIT_BIN, args, { cwd, env: gitEnvironment(env), stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.on("data", (c: Buffer) => err.push(c));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new GitCommandError(args, code, Buffer.concat(err).toString("utf8")));
    });
    child.stdin.on("error", () => {});
    child.stdin.end(input);
  });
}
