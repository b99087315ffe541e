import { recordEventUnlessRecent, SESSION_EVENT_WINDOW_MS } from "../audit";
import type { User } from "../db";
import { AppError } from "../errors";
import { loadRepository } from "./manage-repository";

/**
 * Records `session.opened` (at most once a minute per repository) on one of the caller's registered git repositories
 * (admin audit: it belongs to no project), once the session's workspace has
 * opened in the browser.
 */
export function recordRepositorySessionOpened({ id, user }: { id: string; user: User }): void {
  const repository = loadRepository({ id, user });
  if (repository.provider === "s3") throw new AppError("invalid_input", "A bucket has no session: it has no git history to clone. Browse its files instead.");
  recordEventUnlessRecent({ action: "session.opened", actor: user, detail: { repositoryId: repository.id, location: repository.location }, withinMs: SESSION_EVENT_WINDOW_MS });
}
