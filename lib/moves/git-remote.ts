import { fetchIntoRepository, runGit, runRemoteGit } from "../git-server";
import { assertLocationAllowed } from "../hosts";

/** Every branch and tag of a repository, by full ref name, with the object it points at. */
export type RefMap = Map<string, string>;

/** A repository at a host as the real git client reaches it: its URL, and the service account's Authorization header. */
export type GitRemote = { url: string; authHeader: string | null };

const MOVED_REFS = /^refs\/(heads|tags)\//;

/** Runs git against the host, after the same address check as every outgoing request (https, or a host on BENCHTOP_INSECURE_HOSTS). */
function runAtHost({ args, cwd, remote }: { args: string[]; cwd?: string; remote: GitRemote }): Promise<string> {
  assertLocationAllowed(new URL(remote.url), "url");
  return runRemoteGit({ args, cwd, authHeader: remote.authHeader });
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
  return parseRefLines(await runAtHost({ args: ["ls-remote", "--heads", "--tags", remote.url], remote }));
}

/** Makes the host's branches and tags exactly the local repository's: pushed with --force, and --prune for any the host has that we do not. */
export async function pushAllRefs({ dir, remote }: { dir: string; remote: GitRemote }): Promise<void> {
  await runAtHost({ args: ["push", "--quiet", "--force", "--prune", remote.url, "refs/heads/*:refs/heads/*", "refs/tags/*:refs/tags/*"], cwd: dir, remote });
}

/** Brings every branch and tag of the host into the (bare) repository in `dir`. */
export async function fetchAllRefs({ dir, remote }: { dir: string; remote: GitRemote }): Promise<void> {
  assertLocationAllowed(new URL(remote.url), "url");
  await fetchIntoRepository({ dir, url: remote.url, authHeader: remote.authHeader });
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
