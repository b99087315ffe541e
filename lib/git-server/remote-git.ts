import { runRemoteGit } from "./run-remote-git";

const TEN_MINUTES = 10 * 60 * 1000;

/** Every branch and tag, as fetch and push copy them. */
const ALL_REFS = ["+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"];

/**
 * Fetches every branch and tag of a remote repository into the bare repository
 * in `dir` with the real git client. The credential travels as an HTTP header
 * (never in the URL, the command line, the config or the logs); redirects are
 * not followed.
 */
export async function fetchIntoRepository({ dir, url, authHeader, timeoutMs = TEN_MINUTES }: { dir: string; url: string; authHeader: string | null; timeoutMs?: number }): Promise<void> {
  // fetch.unpackLimit=1 keeps what arrives as a pack, as the git server does with pushes: exploding a
  // large pack into loose objects costs time and, for big files, memory in git itself.
  await runRemoteGit({ args: ["fetch", "--quiet", "--no-write-fetch-head", url, ...ALL_REFS], cwd: dir, authHeader, config: [["fetch.unpackLimit", "1"]], timeoutMs });
}

/** Pushes every branch and tag of the bare repository in `dir` to a (new) remote repository with the real git client, the credential as for fetchIntoRepository. */
export async function pushFromRepository({ dir, url, authHeader, timeoutMs = TEN_MINUTES }: { dir: string; url: string; authHeader: string | null; timeoutMs?: number }): Promise<void> {
  await runRemoteGit({ args: ["push", "--quiet", url, ...ALL_REFS], cwd: dir, authHeader, timeoutMs });
}
