import { recordEventUnlessRecent, SESSION_EVENT_WINDOW_MS } from "../audit";
import { clearProjectFailure, type User } from "../db";
import { loadProject } from "./access";
import { remoteOf } from "./project-remote";

/**
 * Records `session.opened` for a member of the project: the session's page
 * calls this once its workspace has opened (showing the page records nothing).
 * Opened again by the same member within a minute, it records nothing more:
 * reloading a session is not news. A session that opened clears a red mark
 * left by a session that could not open.
 * not_found for a caller who may not see the project.
 */
export function recordProjectSessionOpened({ id, user }: { id: string; user: User }): void {
  const { project, role } = loadProject({ id, user });
  const remote = remoteOf(project);
  clearProjectFailure({ id: project.id, operation: "open" });
  recordEventUnlessRecent({ action: "session.opened", actor: user, project, detail: { role, ...(remote?.repository ? { repositoryId: remote.repository.id } : {}) }, withinMs: SESSION_EVENT_WINDOW_MS });
}
