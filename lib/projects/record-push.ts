import { recordEvent } from "../audit";
import { clearProjectFailure, runInTransaction, updateProjectRow, type Project, type User } from "../db";
import type { RefUpdate } from "../git-server";

/**
 * Records one push, the same way for the internal git server and the git
 * gateway: a `git.push` event naming exactly the refs that push moved (as git
 * reported them) and who pushed, and the project's last push time. A push that
 * moved nothing (every ref refused, or the pack) records nothing: the trail
 * never claims a ref that did not move. A push that moved refs shows that
 * pushing works again, so it clears a red mark left by a failed push. Never
 * throws: a push that happened stays pushed even if it could not be recorded,
 * and the log says so.
 */
export function recordPush({
  actor,
  project,
  refs,
  detail = {},
}: {
  actor: Pick<User, "id" | "email">;
  /** The project pushed to; null for a registered repository reached through the gateway. */
  project: Pick<Project, "id" | "name"> | null;
  refs: RefUpdate[];
  /** More to say about where the push went (the gateway's repository and URL). */
  detail?: Record<string, unknown>;
}): void {
  if (refs.length === 0) return;
  try {
    runInTransaction(() => {
      recordEvent({ action: "git.push", actor, project, detail: { ...detail, refs } });
      if (project) {
        updateProjectRow({ id: project.id, changes: { lastPushAt: new Date() } });
        clearProjectFailure({ id: project.id, operation: "push" });
      }
    });
  } catch (error) {
    console.error("Could not record a push in the audit trail:", error instanceof Error ? error.message : error);
  }
}
