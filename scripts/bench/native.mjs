// Native git baselines against the same /git URL the browser uses. Each operation
// is timed as a whole process run (spawn included: that is what a person waits for).
import fs from "node:fs";
import path from "node:path";
import { authArgs } from "./setup.mjs";
import { log, run, sleep } from "./util.mjs";

/** The edit both sides make: a line appended, so every commit changes content. */
export const editSuffix = (n) => `\n# bench edit ${n}\n`;

/**
 * Which files each step edits, the same for native git and the browser: the dirty
 * status and the first one-file commit share a file, as a person would.
 */
export function editPlan(targets, reps) {
  let next = 0;
  const take = (n) => {
    const files = targets.slice(next, next + n);
    next += n;
    if (files.length < n) throw new Error("Not enough files to edit; generate a larger repository.");
    return files;
  };
  return {
    oneFile: Array.from({ length: reps }, () => take(1)),
    tenFiles: Array.from({ length: reps }, () => take(10)),
    push: Array.from({ length: reps }, () => take(1)),
  };
}

export async function nativeBaselines({ project, token, env, scratch, targets, reps = 3 }) {
  const auth = authArgs(token);
  const git = (cwd, args, timeoutMs = 120_000) => run("git", [...auth, ...args], { cwd, env, timeoutMs });
  const samples = { clone: [], statusClean: [], statusOneChanged: [], commitOneFile: [], commitTenFiles: [], pushOneCommit: [] };

  // Clone: a fresh folder each time; the last one is kept for the other operations.
  let clone;
  for (let i = 0; i < reps; i++) {
    if (clone) fs.rmSync(clone, { recursive: true, force: true });
    clone = path.join(scratch, `native-clone-${i}`);
    samples.clone.push((await git(scratch, ["clone", "--quiet", "--depth", "1", "--single-branch", project.cloneUrl, clone], 10 * 60_000)).ms);
  }

  let edits = 0;
  const edit = (files) => {
    for (const file of files) fs.appendFileSync(path.join(clone, file), editSuffix(++edits));
  };
  const plan = editPlan(targets, reps);

  // A fresh clone's index is "racily clean" (files and index written in the same
  // second), which makes the first statuses re-read every file; a person's clone is
  // older than a second, so settle it first, untimed.
  await sleep(1_100);
  await git(clone, ["status"]);
  for (let i = 0; i < reps; i++) samples.statusClean.push((await git(clone, ["status"])).ms);
  edit(plan.oneFile[0]);
  for (let i = 0; i < reps; i++) samples.statusOneChanged.push((await git(clone, ["status"])).ms);

  for (let i = 0; i < reps; i++) {
    if (i > 0) edit(plan.oneFile[i]); // the first file is already edited (status above)
    samples.commitOneFile.push((await git(clone, ["commit", "--quiet", "-am", `bench: one file ${i}`])).ms);
  }
  for (let i = 0; i < reps; i++) {
    edit(plan.tenFiles[i]);
    samples.commitTenFiles.push((await git(clone, ["commit", "--quiet", "-am", `bench: ten files ${i}`])).ms);
  }

  // Push what the commits above made first, so each timed push carries one commit.
  await git(clone, ["push", "--quiet"]);
  for (let i = 0; i < reps; i++) {
    edit(plan.push[i]);
    await git(clone, ["commit", "--quiet", "-am", `bench: push ${i}`]);
    samples.pushOneCommit.push((await git(clone, ["push", "--quiet"])).ms);
  }
  fs.rmSync(clone, { recursive: true, force: true });
  log(`native baselines done (clone median ${Math.round([...samples.clone].sort((a, b) => a - b)[Math.floor(reps / 2)])} ms)`);
  return samples;
}
