import fs from "node:fs";
import path from "node:path";
import { getDataDir, getEnv } from "../config/env";
// The rule sessions apply to names; the hook runs its very source, so both refuse the same names.
import { pathProblem } from "../workspace/path-rules";
import { largeFileWarning } from "./large-files";

/** Where the git server's hooks live (`core.hooksPath`), written at every start. */
export function hooksDir(): string {
  return path.join(getDataDir(), "hooks");
}

const shellQuote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

/**
 * The pre-receive check: the paths that the pushed commits add (the commits
 * reachable from the new tips and from no ref yet, diffed against their
 * parents; -z so that no name is quoted) must be names git can check out.
 * Each refused path gets one line, which git shows as "remote: ...".
 * A push that passes gets a "warning:" line for each new file over 100 MB
 * (largeFileWarning), and goes through all the same.
 */
function checkScript({ gitBin }: { gitBin: string }): string {
  return `// Written by Benchtop at every start (lib/git-server/push-hooks.ts); edits here are lost.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const GIT = ${JSON.stringify(gitBin)};
const SHOWN = 20;
const pathProblem = (${pathProblem.toString()});
const largeFileWarning = (${largeFileWarning.toString()});

function git(args, input) {
  const result = spawnSync(GIT, args, { input, maxBuffer: 1024 * 1024 * 1024 });
  if (result.status !== 0) {
    console.error("Benchtop could not check the pushed file names; nothing was changed. Try again, and tell the administrator if it keeps failing.");
    process.exit(1);
  }
  return result.stdout;
}

const tips = readFileSync(0, "utf8")
  .split("\\n")
  .map((line) => line.split(" ")[1])
  .filter((oid) => oid && !/^0+$/.test(oid));
if (tips.length === 0) process.exit(0);

const commits = git(["rev-list", ...tips, "--not", "--all"]);
if (commits.length === 0) process.exit(0);
const added = git(["diff-tree", "--stdin", "-r", "-z", "-m", "--root", "--no-commit-id", "--name-only", "--no-renames", "--diff-filter=A"], commits);

// Warnings only: whatever fails here, the push goes on.
function warnAboutLargeFiles() {
  const listed = spawnSync(GIT, ["rev-list", "--objects", ...tips, "--not", "--all"], { maxBuffer: 1024 * 1024 * 1024 });
  if (listed.status !== 0) return;
  const sized = spawnSync(GIT, ["cat-file", "--batch-check=%(objecttype) %(objectsize) %(rest)"], { input: listed.stdout, maxBuffer: 1024 * 1024 * 1024 });
  if (sized.status !== 0) return;
  let shown = 0;
  let more = 0;
  for (const line of sized.stdout.toString("utf8").split("\\n")) {
    const match = /^blob (\\d+) (.+)$/.exec(line);
    const warning = match ? largeFileWarning(match[2], Number(match[1])) : null;
    if (!warning) continue;
    if (shown < SHOWN) console.error("warning: " + warning);
    else more += 1;
    shown += 1;
  }
  if (more > 0) console.error("warning: ... and " + more + " more files over 100 MB.");
}

const refused = new Map();
for (const name of new Set(added.toString("utf8").split("\\0"))) {
  const problem = name ? pathProblem(name) : null;
  if (problem) refused.set(name, problem);
}
if (refused.size === 0) {
  warnAboutLargeFiles();
  process.exit(0);
}

const visible = (name) => JSON.stringify(name.length > 80 ? name.slice(0, 80) + "…" : name);
for (const [name, problem] of [...refused].slice(0, SHOWN)) console.error("Benchtop refused " + visible(name) + ": " + problem + ".");
if (refused.size > SHOWN) console.error("... and " + (refused.size - SHOWN) + " more paths like these.");
console.error("Nothing was pushed. Rename these paths (git mv) in new commits, or rewrite the commits that added them, then push again.");
process.exit(1);
`;
}

/**
 * Writes the git server's hooks into `dir` (DATA_DIR/hooks), replacing what an
 * older version wrote: a POSIX sh `pre-receive` that execs the Node binary
 * running this server with the generated check beside it, so the hook needs
 * nothing from the environment (git http-backend runs with almost none).
 * Each file is swapped in whole, so a push never runs a half-written hook.
 */
export function writePushHooks({ dir = hooksDir(), nodeBin = process.execPath, gitBin = getEnv().BENCHTOP_GIT_BIN }: { dir?: string; nodeBin?: string; gitBin?: string } = {}): string {
  fs.mkdirSync(dir, { recursive: true });
  const check = path.join(dir, "check-pushed-paths.mjs");
  const files: [string, string, number][] = [
    [check, checkScript({ gitBin }), 0o644],
    [path.join(dir, "pre-receive"), `#!/bin/sh\n# Written by Benchtop at every start; edits here are lost.\nexec ${shellQuote(nodeBin)} ${shellQuote(check)}\n`, 0o755],
  ];
  for (const [file, text, mode] of files) {
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, text, { mode });
    fs.chmodSync(temporary, mode);
    fs.renameSync(temporary, file);
  }
  return dir;
}
