import { recordEvent } from "../audit";
import { deleteLfsLock, getLfsLock, insertLfsLock, listLfsLocks, type LfsLockWithOwner, type User } from "../db";
import { canManage, type ProjectAccess } from "../projects";
import { pageOfLocks, type LockPage } from "./lock-pages";

/** A lock as the Git LFS API shows it; the owner is named by their handle, which is unique and what `git lfs locks` prints. */
export type LockView = { id: string; path: string; locked_at: string; owner: { name: string } };

export const toLockView = ({ lock, owner }: LfsLockWithOwner): LockView => ({
  id: lock.id,
  path: lock.path,
  locked_at: lock.createdAt.toISOString(),
  owner: { name: owner.handle },
});

/** Takes the lock on a path for the caller (audited as lfs.locked), or answers the lock someone already holds there. */
export function createLock({ access, actor, path }: { access: ProjectAccess; actor: User; path: string }): { created: LockView } | { existing: LockView } {
  const projectId = access.project.id;
  // Two tries: a lock released between the refused insert and the read is taken on the second.
  for (let attempt = 0; attempt < 2; attempt++) {
    const lock = insertLfsLock({ projectId, path, ownerId: actor.id });
    if (lock) {
      recordEvent({ action: "lfs.locked", actor, project: access.project, detail: { lockId: lock.id, path } });
      return { created: toLockView({ lock, owner: actor }) };
    }
    const existing = getLfsLock({ projectId, path });
    if (existing) return { existing: toLockView(existing) };
  }
  throw new Error(`The lock on ${path} changed hands twice while it was being taken.`);
}

/** One page of a project's locks, optionally only one path or one id. */
export function listLocks({ access, page, path, id }: { access: ProjectAccess; page: LockPage; path?: string; id?: string }) {
  const rows = listLfsLocks({ projectId: access.project.id, path, id, afterPath: page.afterPath, limit: page.limit + 1 });
  const { locks, nextCursor } = pageOfLocks(
    rows.map((row) => ({ ...toLockView(row), ownerId: row.owner.id })),
    page.limit,
  );
  return { locks, nextCursor };
}

export type UnlockOutcome = { unlocked: LockView } | { refused: "missing" } | { refused: "not_yours" | "not_manager"; lock: LockView };

/**
 * Releases a lock (audited as lfs.unlocked). Another person's lock goes only
 * with `force`, and only for the project's owner or an administrator: an
 * editor who needs it asks its holder.
 */
export function unlock({ access, actor, id, force }: { access: ProjectAccess; actor: User; id: string; force: boolean }): UnlockOutcome {
  const found = getLfsLock({ projectId: access.project.id, id });
  if (!found) return { refused: "missing" };
  const lock = toLockView(found);
  const theirs = found.owner.id !== actor.id;
  if (theirs && !force) return { refused: "not_yours", lock };
  if (theirs && !canManage(access.role)) return { refused: "not_manager", lock };
  if (!deleteLfsLock({ projectId: access.project.id, id })) return { refused: "missing" };
  recordEvent({ action: "lfs.unlocked", actor, project: access.project, detail: { lockId: id, path: lock.path, owner: lock.owner.name, forced: theirs } });
  return { unlocked: lock };
}
