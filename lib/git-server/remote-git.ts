import { spawn } from "node:child_process";
import { getEnv } from "../config/env";
import { gitEnvironment } from "./run-git";

const TEN_MINUTES = 10 * 60 * 1000;

/** Every branch and tag, as fetch and push copy them. */
const ALL_REFS = ["+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"];

/**
 * Runs git against a remote repository from the bare repository in `dir`. The
 * credential travels as an HTTP header (never in the URL, the config or the
 * logs); redirects are not followed; a failure carries git's last words
 * without anything that could hold the credential.
 */
function runRemoteGit({ dir, args, authHeader, timeoutMs }: { dir: string; args: string[]; authHeader: string | null; timeoutMs: number }): Promise<void> {
  const config = ["-c", "http.followRedirects=false", "-c", "credential.helper=", "-c", "core.askPass="];
  if (authHeader) config.push("-c", `http.extraHeader=Authorization: ${authHeader}`);
  return new Promise((resolve, reject) => {
    const child = spawn(getEnv().BENCHTOP_GIT_BIN, [...config, ...args], { cwd: dir, env: gitEnvironment(), stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => {
      if (stderr.length < 4096) stderr += c.toString("utf8");
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve();
      const reason = signal ? "it took too long" : (stderr.replace(/Authorization:[^\n]*/gi, "").trim().split("\n").pop() ?? "git failed");
      reject(new Error(reason));
    });
  });
}

/** Fetches every branch and tag of a remote repository into the bare repository in `dir` with the real git client. */
export function fetchIntoRepository({ dir, url, authHeader, timeoutMs = TEN_MINUTES }: { dir: string; url: string; authHeader: string | null; timeoutMs?: number }): Promise<void> {
  // fetch.unpackLimit=1 keeps what arrives as a pack, as the git server does with pushes: exploding a
  // large pack into loose objects costs time and, for big files, memory in git itself.
  return runRemoteGit({ dir, authHeader, timeoutMs, args: ["-c", "fetch.unpackLimit=1", "fetch", "--quiet", "--no-write-fetch-head", url, ...ALL_REFS] });
}

/** Pushes every branch and tag of the bare repository in `dir` to a remote repository with the real git client. */
export function pushFromRepository({ dir, url, authHeader, timeoutMs = TEN_MINUTES }: { dir: string; url: string; authHeader: string | null; timeoutMs?: number }): Promise<void> {
  return runRemoteGit({ dir, authHeader, timeoutMs, args: ["push", "--quiet", "--porcelain", url, ...ALL_REFS] });
}
