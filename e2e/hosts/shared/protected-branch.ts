// Protected branches the way the providers enforce them on push: a real
// pre-receive hook in the bare repository, which `git http-backend` runs
// (git-http.ts pins core.hooksPath to the repository's own hooks folder). What
// the hook prints on stderr reaches the pushing client as "remote: ..." lines.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const env = { PATH: process.env.PATH, HOME: os.tmpdir(), GIT_CONFIG_NOSYSTEM: "1" } as unknown as NodeJS.ProcessEnv;

/** A POSIX shell single-quoted literal. */
const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/** Creates refs/heads/{branch} at the default branch's commit unless it exists. */
export function ensureBranch({ bare, branch }: { bare: string; branch: string }): void {
  const ref = `refs/heads/${branch}`;
  try {
    execFileSync("git", ["--git-dir", bare, "rev-parse", "--verify", "--quiet", ref], { env, stdio: "ignore" });
  } catch {
    execFileSync("git", ["--git-dir", bare, "update-ref", ref, "HEAD"], { env, stdio: "ignore" });
  }
}

/**
 * (Re)writes hooks/pre-receive so that any update of one of `branches` is
 * refused with `refusal(ref)` printed line by line on stderr. Every branch of
 * the repository is listed each time, so that protecting a second branch keeps the first.
 */
export function installProtectedBranchHook({ bare, branches, refusal }: { bare: string; branches: string[]; refusal: (ref: string) => string[] }): void {
  const cases = branches
    .map((branch) => {
      const ref = `refs/heads/${branch}`;
      const lines = refusal(ref).map((line) => `      printf '%s\\n' ${quote(line)} >&2`);
      return `    ${quote(ref)})\n${lines.join("\n")}\n      refused=1 ;;`;
    })
    .join("\n");
  const script = `#!/bin/sh
# Installed by the host emulator: protected branches refuse every push.
refused=0
while read -r old new ref; do
  case "$ref" in
${cases}
  esac
done
exit $refused
`;
  const hooks = path.join(bare, "hooks");
  fs.mkdirSync(hooks, { recursive: true });
  fs.writeFileSync(path.join(hooks, "pre-receive"), script, { mode: 0o755 });
}
