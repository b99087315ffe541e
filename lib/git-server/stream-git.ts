import { spawn } from "node:child_process";
import type { Readable } from "node:stream";
import { getEnv } from "../config/env";
import { gitEnvironment } from "./run-git";

const STDERR_KEEP_BYTES = 4096;

/** A git process whose output is read as a stream: its stdout, whether it ended well, and a way to stop it. */
export type GitStream = { stdout: Readable; finished: () => Promise<void>; kill: () => void };

/**
 * Runs git with its standard output left to the caller to stream (an archive
 * of any size, never held in memory). `finished` resolves once git exited 0
 * and rejects with git's own words otherwise; `kill` stops it (the reader left).
 */
export function streamGit({ args, cwd }: { args: string[]; cwd: string }): GitStream {
  const child = spawn(getEnv().BENCHTOP_GIT_BIN, args, { cwd, env: gitEnvironment(), stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    if (stderr.length < STDERR_KEEP_BYTES) stderr += chunk.toString("utf8").slice(0, STDERR_KEEP_BYTES - stderr.length);
  });
  const exited = new Promise<void>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => (code === 0 ? resolve() : reject(new Error(`git ${args[0]} failed (${signal ?? `exit ${code}`}): ${stderr.trim().slice(0, 500)}`))));
  });
  // Nobody may be waiting yet: a failure is read through finished().
  exited.catch(() => {});
  return {
    stdout: child.stdout,
    finished: () => exited,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  };
}
