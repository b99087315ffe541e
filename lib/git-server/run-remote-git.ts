import { spawn } from "node:child_process";
import { getEnv } from "../config/env";
import { gitEnvironment } from "./run-git";

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/**
 * Runs git against a repository at a host (fetch, push, ls-remote) and answers
 * its standard output. The credential goes in as configuration through the
 * environment (GIT_CONFIG_*), so it is on no command line (`ps`), in no URL,
 * in no config file and in no error; redirects are not followed and nothing
 * prompts. A failure is an Error with git's last line, without the credential.
 */
export function runRemoteGit({
  args,
  cwd,
  authHeader,
  config = [],
  timeoutMs = FIFTEEN_MINUTES,
}: {
  args: string[];
  cwd?: string;
  authHeader: string | null;
  config?: [string, string][];
  timeoutMs?: number;
}): Promise<string> {
  const settings: [string, string][] = [
    ["http.followRedirects", "false"],
    ["credential.helper", ""],
    ["core.askPass", ""],
    ...config,
    ...(authHeader ? ([["http.extraHeader", `Authorization: ${authHeader}`]] as [string, string][]) : []),
  ];
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(settings.length) };
  settings.forEach(([key, value], index) => {
    env[`GIT_CONFIG_KEY_${index}`] = key;
    env[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  return new Promise((resolve, reject) => {
    const child = spawn(getEnv().BENCHTOP_GIT_BIN, args, { cwd, env: gitEnvironment(env), stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => {
      if (stderr.length < 8192) stderr += chunk.toString("utf8");
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve(Buffer.concat(out).toString("utf8"));
      const last = stderr.replace(/Authorization:[^\n]*/gi, "").trim().split("\n").pop();
      reject(new Error(signal ? "it took too long" : last || `git ${args[0]} failed`));
    });
  });
}
