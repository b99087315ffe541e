// Repositories for the local workspace tests, built with the real `git`, and a
// WorkspaceContext that points isomorphic-git at one of them through Node's fs.
import { execFileSync } from "node:child_process";
import nodeFs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { WorkspaceContext } from "../context";
import { CLONED_KEY } from "../is-cloned";
import { createMemoryOverlay } from "../overlay/memory-overlay";

export const AUTHOR = { name: "Ada Tester", email: "ada@example.com" };

/** Bytes that are not text: a PNG header with NUL bytes. */
export const BINARY = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0x00]);

const roots: string[] = [];

export function tempDir(label: string): string {
  const dir = nodeFs.mkdtempSync(path.join(os.tmpdir(), `benchtop-ws-${label}-`));
  roots.push(dir);
  return dir;
}

/** Removes every folder tempDir made (call from afterAll). */
export function removeTempDirs(): void {
  for (const dir of roots.splice(0)) nodeFs.rmSync(dir, { recursive: true, force: true });
}

let tick = 0;

/** Runs native git in `cwd` with no user or system config; returns trimmed stdout. */
export function git(cwd: string, args: string[], input?: string | Buffer): string {
  const date = `${1_700_000_000 + tick++} +0000`;
  return execFileSync("git", args, {
    cwd,
    input,
    maxBuffer: 256 * 1024 * 1024,
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: cwd,
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_AUTHOR_NAME: "Native Tester",
      GIT_AUTHOR_EMAIL: "native@example.com",
      GIT_COMMITTER_NAME: "Native Tester",
      GIT_COMMITTER_EMAIL: "native@example.com",
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
      LANG: "C",
    } as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
    stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
  }).trim();
}

/** Writes a file (creating its folders) inside a checkout. */
export function put(dir: string, file: string, content: string | Uint8Array, mode?: number): void {
  const full = path.join(dir, file);
  nodeFs.mkdirSync(path.dirname(full), { recursive: true });
  nodeFs.writeFileSync(full, content);
  if (mode !== undefined) nodeFs.chmodSync(full, mode);
}

const lines = (n: number, label: string) => Array.from({ length: n }, (_, i) => `${label} line ${i + 1}`).join("\n") + "\n";

/**
 * A repository with nested folders, an executable, a binary file, a folder
 * with a single file and several commits on `main`, plus a `feature` branch
 * that changed README.md and added feature.txt.
 */
export function createSeedRepo(): string {
  const dir = tempDir("seed");
  git(dir, ["init", "--quiet", "--initial-branch=main"]);
  put(dir, "README.md", "# Fixture\n\nA repository for tests.\n");
  put(dir, "src/app.py", lines(40, "app"));
  put(dir, "src/lib/util.py", "def util():\n    return 1\n");
  put(dir, "src/lib/deep/nested.txt", "deep\n");
  put(dir, "scripts/run.sh", "#!/bin/sh\necho run\n", 0o755);
  put(dir, "data/image.png", BINARY);
  put(dir, "docs/only.md", "the only file here\n");
  put(dir, "notes/a.txt", "a\n");
  put(dir, "notes/b.txt", "b\n");
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "--quiet", "-m", "Add project"]);

  put(dir, "src/app.py", lines(40, "app").replace("app line 20\n", "app line twenty\n"));
  put(dir, "src/lib/extra.py", "EXTRA = 1\n");
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "--quiet", "-m", "Update app"]);

  git(dir, ["checkout", "--quiet", "-b", "feature"]);
  put(dir, "README.md", "# Fixture\n\nChanged on feature.\n");
  put(dir, "feature.txt", "feature\n");
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "--quiet", "-m", "Feature work"]);
  git(dir, ["checkout", "--quiet", "main"]);

  git(dir, ["rm", "--quiet", "notes/b.txt"]);
  git(dir, ["mv", "src/lib/extra.py", "src/extra.py"]);
  git(dir, ["commit", "--quiet", "-m", "Tidy notes\n\nMove extra up."]);
  return dir;
}

/**
 * A native clone of `origin` (remote branches under refs/remotes/origin/*),
 * marked complete as cloneRepository marks its copies.
 */
export function cloneRepo(origin: string, extra: string[] = []): string {
  const dir = path.join(tempDir("clone"), "repo");
  git(path.dirname(dir), ["clone", "--quiet", ...extra, origin, dir]);
  git(dir, ["config", CLONED_KEY, "true"]);
  return dir;
}

/** A context on the repository at `dir`, with an empty in-memory overlay. */
export function contextFor(dir: string, gitdir = path.join(dir, ".git")): WorkspaceContext {
  return {
    fs: nodeFs as unknown as WorkspaceContext["fs"],
    dir,
    gitdir,
    cache: {},
    overlay: createMemoryOverlay(),
    http: {} as WorkspaceContext["http"],
    url: "",
    author: AUTHOR,
  };
}

export const encode = (text: string) => new TextEncoder().encode(text);
export const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
