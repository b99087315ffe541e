// Bare repositories for the emulators, made with the real git binary.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const env = { NODE_ENV: "test", PATH: process.env.PATH, HOME: os.tmpdir(), GIT_CONFIG_NOSYSTEM: "1", GIT_AUTHOR_NAME: "Seed", GIT_AUTHOR_EMAIL: "seed@example.test", GIT_COMMITTER_NAME: "Seed", GIT_COMMITTER_EMAIL: "seed@example.test" } as const;
const git = (args: string[], cwd?: string) => execFileSync("git", args, { cwd, env: env as unknown as NodeJS.ProcessEnv, encoding: "utf8" });

/**
 * Creates `root/<repoPath>` (e.g. "acme/models.git") as a bare repository holding
 * `files` on `main` and, when asked, extra branches each with one more commit.
 * The contract's default content: README.md "# Seeded\n" and src/app.py.
 */
export function seedBareRepo({
  root,
  repoPath,
  files = { "README.md": "# Seeded\n", "src/app.py": "print('hello')\n" },
  branches = ["feature"],
}: {
  root: string;
  repoPath: string;
  files?: Record<string, string | Buffer>;
  branches?: string[];
}): string {
  const bare = path.join(root, repoPath);
  fs.mkdirSync(path.dirname(bare), { recursive: true });
  git(["init", "-q", "--bare", "--initial-branch=main", bare]);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "emulator-seed-"));
  git(["init", "-q", "--initial-branch=main", work]);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
    fs.writeFileSync(path.join(work, file), content);
  }
  git(["add", "-A"], work);
  git(["commit", "-q", "-m", "Seed"], work);
  for (const branch of branches) {
    git(["checkout", "-q", "-b", branch], work);
    fs.writeFileSync(path.join(work, `${branch}.txt`), `${branch}\n`);
    git(["add", "-A"], work);
    git(["commit", "-q", "-m", `Start ${branch}`], work);
    git(["checkout", "-q", "main"], work);
  }
  git(["push", "-q", bare, "--all"], work);
  fs.rmSync(work, { recursive: true, force: true });
  return bare;
}

/** Reads the tree of a bare repository at a ref: entries of one folder, as `git ls-tree -l` gives them. */
export function listTree({ bare, ref, folder }: { bare: string; ref: string; folder: string }): { name: string; path: string; type: "blob" | "tree"; oid: string; size: number | null; mode: string }[] {
  const spec = folder ? `${ref}:${folder}` : `${ref}:`;
  const out = git(["--git-dir", bare, "ls-tree", "-l", spec]);
  return out
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [meta, name] = line.split("\t") as [string, string];
      const [mode, type, oid, size] = meta.split(/\s+/) as [string, "blob" | "tree", string, string];
      return { name, path: folder ? `${folder}/${name}` : name, type, oid, size: size === "-" ? null : Number(size), mode };
    });
}

/** A file's bytes at a ref. */
export function readBlob({ bare, ref, file }: { bare: string; ref: string; file: string }): Buffer {
  return execFileSync("git", ["--git-dir", bare, "show", `${ref}:${file}`], { env: env as unknown as NodeJS.ProcessEnv });
}

/** Branch names with their commits. */
export function listBranchRefs({ bare }: { bare: string }): { name: string; commit: string }[] {
  return git(["--git-dir", bare, "for-each-ref", "--format=%(refname:short) %(objectname)", "refs/heads"])
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [name, commit] = line.split(" ") as [string, string];
      return { name, commit };
    });
}

/** An empty bare repository (no commits), as a host creates one without auto-init. */
export function createEmptyBareRepo({ root, repoPath }: { root: string; repoPath: string }): string {
  const bare = path.join(root, repoPath);
  fs.mkdirSync(path.dirname(bare), { recursive: true });
  git(["init", "-q", "--bare", "--initial-branch=main", bare]);
  return bare;
}

/** Every ref with its object, read with `git for-each-ref` (read-back for tests). */
export function listAllRefs({ bare }: { bare: string }): Record<string, string> {
  const out = git(["--git-dir", bare, "for-each-ref", "--format=%(refname) %(objectname)"]);
  return Object.fromEntries(out.split("\n").filter(Boolean).map((line) => line.split(" ") as [string, string]));
}
