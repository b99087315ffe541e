// A project on the test git server, a native client that works on it beside the
// browser session, and sessions (WorkspaceContexts over real HTTP) that clone it.
import nodeFs from "node:fs";
import path from "node:path";
import http from "isomorphic-git/http/node";
import { cloneRepository } from "../clone-repository";
import type { WorkspaceContext } from "../context";
import { createMemoryOverlay } from "../overlay/memory-overlay";
import { AUTHOR, git, put, tempDir } from "./fixture-repo";
import type { GitHttpServer } from "./git-http-server";

export type Remote = {
  name: string;
  url: string;
  /** The bare repository the server serves. */
  bare: string;
  /** A native clone working beside the session ("another person"). */
  native: string;
};

let count = 0;

/** A bare repository on `server` with one commit per entry of `history` on main, and a native clone of it. */
export function createRemote(server: GitHttpServer, history: Record<string, string | null>[]): Remote {
  const name = `project-${++count}`;
  const bare = server.gitdirOf(name);
  git(server.root, ["init", "--quiet", "--bare", "--initial-branch=main", bare]);
  const native = path.join(tempDir("native"), "work");
  git(path.dirname(native), ["clone", "--quiet", bare, native]);
  git(native, ["checkout", "--quiet", "-B", "main"]);
  history.forEach((files, i) => nativeCommit(native, files, `Commit ${i + 1}`));
  git(native, ["push", "--quiet", "origin", "main"]);
  return { name, url: server.urlOf(name), bare, native };
}

/** Commits `files` (null deletes) in a native clone; returns the commit id. */
export function nativeCommit(dir: string, files: Record<string, string | null>, message: string): string {
  for (const [file, content] of Object.entries(files)) {
    if (content === null) nodeFs.rmSync(path.join(dir, file));
    else put(dir, file, content);
  }
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "--quiet", "-m", message]);
  return git(dir, ["rev-parse", "HEAD"]);
}

/** Commits in the native clone and pushes to the server: someone else's work arriving. */
export function pushFromNative(remote: Remote, files: Record<string, string | null>, message = "Native change"): string {
  git(remote.native, ["pull", "--quiet", "--no-rebase", "origin", "main"]);
  const oid = nativeCommit(remote.native, files, message);
  git(remote.native, ["push", "--quiet", "origin", "main"]);
  return oid;
}

/** What the server's repository says, e.g. bareGit(remote, ["rev-parse", "main"]). */
export function bareGit(remote: Remote, args: string[]): string {
  return git(remote.bare, args);
}

/** A browser session's context on `url`: Node's fs in a temp folder, memory overlay, Node HTTP. */
export function sessionContext(url: string): WorkspaceContext {
  const dir = path.join(tempDir("session"), "repo");
  return {
    fs: nodeFs as unknown as WorkspaceContext["fs"],
    dir,
    gitdir: path.join(dir, ".git"),
    cache: {},
    overlay: createMemoryOverlay(),
    http,
    url,
    author: AUTHOR,
  };
}

/** A session that has cloned `remote` (depth 1 unless told). */
export async function openSession(remote: Remote, depth?: number): Promise<WorkspaceContext> {
  const ctx = sessionContext(remote.url);
  await cloneRepository({ ctx, depth });
  return ctx;
}
