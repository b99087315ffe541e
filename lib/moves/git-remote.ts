import { spawn } from "node:child_process";
import { getEnv } from "../config/env";
import { gitEnvironment, runGit } from "../git-server";
import { assertLocationAllowed } from "../hosts";

/** Every branch and tag of a repository, by full ref name, with the object it points at. */
export type RefMap = Map<string, string>;

/** A repository at a host as the real git client reaches it: its URL, and the service account's Authorization header. */
export type GitRemote = { url: string; authHeader: string | null };

const MOVED_REFS = /^refs\/(heads|tags)\//;
const FIFTEEN_MINUTES = 15 * 60 * 1000;

/**
 * Runs git against a host. The credential goes in as configuration through the
 * environment (GIT_CONFIG_*), so it is on no command line (`ps`), in no URL
 * and in no error; redirects are not followed and nothing prompts.
 */
function runRemoteGit({ args, cwd, remote }: { args: string[]; cwd?: string; remote: GitRemote }): Promise<string> {
  assertLocationAllowed(new URL(remote.url), "url");
  const config: [string, string][] = [
    ["http.followRedirects", "false"],
    ["credential.helper", ""],
    ["core.askPass", ""],
    ...(remote.authHeader ? ([["http.extraHeader", `Authorization: ${remote.authHeader}`]] as [string, string][]) : []),
  ];
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(config.length) };
  config.forEach(([key, value], index) => {
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
    const timer = setTimeout(() => child.kill("SIGKILL"), FIFTEEN_MINUTES);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve(Buffer.concat(out).toString("utf8"));
      const last = stderr.replace(/Authorization:[^\n]*/gi, "").trim().split("\n").pop();
      reject(new Error(signal ? "git took too long and was stopped" : last || `git ${args[0]} failed`));
    });
  });
}

function parseRefLines(text: string): RefMap {
  const refs: RefMap = new Map();
  for (const line of text.split("\n")) {
    const [objectId, ref] = line.trim().split(/\s+/);
    if (objectId && ref && MOVED_REFS.test(ref) && !ref.endsWith("^{}")) refs.set(ref, objectId);
  }
  return refs;
}

/** The branches and tags of a bare repository on this server. */
export async function readLocalRefs({ dir }: { dir: string }): Promise<RefMap> {
  const out = await runGit({ args: ["for-each-ref", "--format=%(objectname) %(refname)", "refs/heads", "refs/tags"], cwd: dir });
  return parseRefLines(out.toString("utf8"));
}

/** The branches and tags a host holds, as `git ls-remote` lists them. */
export async function listRemoteRefs({ remote }: { remote: GitRemote }): Promise<RefMap> {
  return parseRefLines(await runRemoteGit({ args: ["ls-remote", "--heads", "--tags", remote.url], remote }));
}

/** Makes the host's branches and tags exactly the local repository's: pushed with --force, and --prune for any the host has that we do not. */
export async function pushAllRefs({ dir, remote }: { dir: string; remote: GitRemote }): Promise<void> {
  await runRemoteGit({ args: ["push", "--quiet", "--force", "--prune", remote.url, "refs/heads/*:refs/heads/*", "refs/tags/*:refs/tags/*"], cwd: dir, remote });
}

/** Brings every branch and tag of the host into the (bare) repository in `dir`. */
export async function fetchAllRefs({ dir, remote }: { dir: string; remote: GitRemote }): Promise<void> {
  await runRemoteGit({ args: ["-c", "fetch.unpackLimit=1", "fetch", "--quiet", "--no-write-fetch-head", "--prune", remote.url, "+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"], cwd: dir, remote });
}

/** The refs that differ between two sides, for a message: missing on one side or at another commit. */
export function refDifferences({ expected, actual }: { expected: RefMap; actual: RefMap }): string[] {
  const names = new Set([...expected.keys(), ...actual.keys()]);
  return [...names].filter((name) => expected.get(name) !== actual.get(name)).sort();
}

/** "3 branches and 1 tag", for reports. */
export function describeRefs(refs: RefMap): string {
  const names = [...refs.keys()];
  const branches = names.filter((name) => name.startsWith("refs/heads/")).length;
  const tags = names.length - branches;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : word.endsWith("ch") ? "es" : "s"}`;
  return `${count(branches, "branch")} and ${count(tags, "tag")}`;
}
