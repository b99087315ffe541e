// Small helpers shared by the benchmark: timing, medians, time limits, and running
// native git with a deadline (a hung git must end the run, not stall it).
import { spawn } from "node:child_process";

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function median(values) {
  const sorted = values.filter((v) => typeof v === "number" && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const round = (value, digits = 1) => (value == null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

export const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/** A failure of the harness or the app (not a slow number): the run stops with this message. */
export class BenchError extends Error {}

/** Rejects with a BenchError naming `what` when `promise` takes longer than `ms`. */
export async function withTimeout(promise, ms, what) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new BenchError(`${what} did not finish within ${Math.round(ms / 1000)} s.`)), ms);
  });
  try {
    return await Promise.race([promise, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs a command and resolves with its output and wall time. Rejects (BenchError, with
 * the tail of stderr) on a non-zero exit or when `timeoutMs` passes; the child is killed then.
 * `input` (string or Buffer) is written to stdin.
 */
export function run(command, args, { cwd, env, input, timeoutMs = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    const started = nowMs();
    const child = spawn(command, args, { cwd, env, stdio: ["pipe", "pipe", "pipe"] });
    const out = [];
    const err = [];
    child.stdout.on("data", (chunk) => out.push(chunk));
    child.stderr.on("data", (chunk) => err.push(chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new BenchError(`${command} could not start: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const ms = nowMs() - started;
      const stdout = Buffer.concat(out).toString("utf8");
      const stderr = Buffer.concat(err).toString("utf8");
      if (code === 0) return resolve({ stdout, stderr, ms });
      const why = signal === "SIGKILL" ? `was stopped after ${Math.round(timeoutMs / 1000)} s` : `exited with ${code ?? signal}`;
      reject(new BenchError(`\`${command} ${args.join(" ")}\` ${why}:\n${stderr.slice(-2000)}`));
    });
    child.stdin.on("error", () => {}); // a child that exits early closes its stdin; the exit code says why
    child.stdin.end(input);
  });
}

export function formatBytes(bytes) {
  if (bytes == null) return "-";
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}

export const log = (...parts) => console.log("bench:", ...parts);
