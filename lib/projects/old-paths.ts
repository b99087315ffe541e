import { upsertProjectOldPath, type Project, type User } from "../db";

/** How long a clone URL keeps working for git after a rename or a change of owner. */
export const OLD_PATH_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Remembers the path a project on Benchtop's git server is leaving (its owner's
 * handle and its name before a rename or a transfer), so that clones made with
 * the old URL keep fetching and pushing for OLD_PATH_DAYS: the git endpoint
 * redirects git there, and git names the new URL. Projects whose repository
 * lives at a git host keep their host's URL, so nothing is remembered for them.
 */
export function rememberOldPath({ project, owner, now = new Date() }: { project: Project; owner: Pick<User, "handle">; now?: Date }): void {
  if (project.backend !== "internal") return;
  upsertProjectOldPath({ handle: owner.handle, name: project.name, projectId: project.id, expiresAt: new Date(now.getTime() + OLD_PATH_DAYS * DAY_MS), now });
}
