// Everything the run starts or creates (app server, browsers, temp folders) registers
// how to undo it here, so a normal end, a failure and Ctrl-C all leave nothing behind.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const tasks = []; // { name, run: async () => void, runSync?: () => void }, undone in reverse order
let cleaning = null;

/** Registers an undo step; returns a function that runs it early (and only once). */
export function onCleanup(name, run, runSync) {
  const task = { name, run, runSync, done: false };
  tasks.push(task);
  return async () => {
    if (task.done) return;
    task.done = true;
    await run();
  };
}

/** A temp folder removed at the end of the run. */
export function tempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `benchtop-bench-${prefix}-`));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  onCleanup(`remove ${dir}`, async () => remove(), remove);
  return dir;
}

/** Runs every pending undo step, newest first; a failing step does not stop the others. */
export function cleanupAll() {
  cleaning ??= (async () => {
    for (const task of tasks.slice().reverse()) {
      if (task.done) continue;
      task.done = true;
      try {
        await task.run();
      } catch (error) {
        console.error(`bench: cleanup step "${task.name}" failed: ${error?.message ?? error}`);
      }
    }
  })();
  return cleaning;
}

/** Ctrl-C and termination clean up, then exit; a last synchronous pass covers an abrupt exit. */
export function installSignalHandlers() {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.once(signal, () => {
      console.error(`\nbench: ${signal} received, stopping the server and removing temp folders...`);
      // A second Ctrl-C while cleaning up still ends the process (the exit hook below runs).
      process.once(signal, () => process.exit(130));
      const hardStop = setTimeout(() => process.exit(130), 15_000);
      cleanupAll().finally(() => {
        clearTimeout(hardStop);
        process.exit(130);
      });
    });
  }
  process.on("exit", () => {
    for (const task of tasks.slice().reverse()) {
      if (task.done || !task.runSync) continue;
      try {
        task.runSync();
      } catch {
        // best effort while exiting
      }
    }
  });
}
