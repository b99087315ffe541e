import { and, asc, eq, gt, inArray, notExists, sql } from "drizzle-orm";
import { getDb } from "../client";
import { newId } from "../ids";
import { lfsLocks, lfsObjectRefs, lfsObjects, users, type LfsLock, type LfsObject, type User } from "../schema";

/** The objects among `oids` that the project refers to (with their sizes). */
export function listProjectLfsObjects({ projectId, oids }: { projectId: string; oids: string[] }): Pick<LfsObject, "oid" | "size">[] {
  if (oids.length === 0) return [];
  return getDb()
    .select({ oid: lfsObjects.oid, size: lfsObjects.size })
    .from(lfsObjectRefs)
    .innerJoin(lfsObjects, eq(lfsObjects.oid, lfsObjectRefs.oid))
    .where(and(eq(lfsObjectRefs.projectId, projectId), inArray(lfsObjectRefs.oid, oids)))
    .all();
}

/** An object the project refers to, or undefined (it may exist for other projects: that is none of this one's business). */
export function getProjectLfsObject({ projectId, oid }: { projectId: string; oid: string }): Pick<LfsObject, "oid" | "size"> | undefined {
  return listProjectLfsObjects({ projectId, oids: [oid] })[0];
}

/** Whether any project's object has this oid (start-up keeps only files that have a row). */
export function lfsObjectExists({ oid }: { oid: string }): boolean {
  return getDb().select({ oid: lfsObjects.oid }).from(lfsObjects).where(eq(lfsObjects.oid, oid)).get() !== undefined;
}

/** Records an object (once, whoever uploads it first) and the project's reference to it. */
export function insertLfsObjectRef({ projectId, oid, size }: { projectId: string; oid: string; size: number }): void {
  const db = getDb();
  db.insert(lfsObjects).values({ oid, size }).onConflictDoNothing().run();
  db.insert(lfsObjectRefs).values({ projectId, oid }).onConflictDoNothing().run();
}

/** Gives a project (a copy) a reference to every object another project refers to: objects are shared, not duplicated. */
export function copyLfsObjectRefs({ fromProjectId, toProjectId }: { fromProjectId: string; toProjectId: string }): number {
  return getDb()
    .insert(lfsObjectRefs)
    .select(
      getDb()
        .select({ projectId: sql<string>`${toProjectId}`.as("project_id"), oid: lfsObjectRefs.oid, createdAt: sql<Date>`cast(unixepoch('subsecond') * 1000 as integer)`.as("created_at") })
        .from(lfsObjectRefs)
        .where(eq(lfsObjectRefs.projectId, fromProjectId)),
    )
    .onConflictDoNothing()
    .run().changes;
}

/** Deletes the rows of objects no project refers to any more; answers their oids (their files are the caller's to remove). */
export function deleteUnreferencedLfsObjects(): string[] {
  const db = getDb();
  const referred = db.select({ oid: lfsObjectRefs.oid }).from(lfsObjectRefs).where(eq(lfsObjectRefs.oid, lfsObjects.oid));
  return db
    .delete(lfsObjects)
    .where(notExists(referred))
    .returning({ oid: lfsObjects.oid })
    .all()
    .map((row) => row.oid);
}

export type LfsLockWithOwner = { lock: LfsLock; owner: Pick<User, "id" | "handle" | "name"> };

const lockWithOwner = { lock: lfsLocks, owner: { id: users.id, handle: users.handle, name: users.name } };

/** Takes a lock on a path; undefined when someone already holds one there (the unique index decides between two at once). */
export function insertLfsLock({ projectId, path, ownerId }: { projectId: string; path: string; ownerId: string }): LfsLock | undefined {
  return getDb().insert(lfsLocks).values({ id: newId(), projectId, path, ownerId }).onConflictDoNothing().returning().get();
}

export function getLfsLock({ projectId, id, path }: { projectId: string } & ({ id: string; path?: never } | { path: string; id?: never })): LfsLockWithOwner | undefined {
  return getDb()
    .select(lockWithOwner)
    .from(lfsLocks)
    .innerJoin(users, eq(users.id, lfsLocks.ownerId))
    .where(and(eq(lfsLocks.projectId, projectId), id !== undefined ? eq(lfsLocks.id, id) : eq(lfsLocks.path, path!)))
    .get();
}

/**
 * A project's locks in path order, after `afterPath` (the cursor), at most
 * `limit`, optionally only one path or one id.
 */
export function listLfsLocks({
  projectId,
  path,
  id,
  afterPath,
  limit,
}: {
  projectId: string;
  path?: string;
  id?: string;
  afterPath?: string;
  limit: number;
}): LfsLockWithOwner[] {
  return getDb()
    .select(lockWithOwner)
    .from(lfsLocks)
    .innerJoin(users, eq(users.id, lfsLocks.ownerId))
    .where(
      and(
        eq(lfsLocks.projectId, projectId),
        path !== undefined ? eq(lfsLocks.path, path) : undefined,
        id !== undefined ? eq(lfsLocks.id, id) : undefined,
        afterPath !== undefined ? gt(lfsLocks.path, afterPath) : undefined,
      ),
    )
    .orderBy(asc(lfsLocks.path))
    .limit(limit)
    .all();
}

export function deleteLfsLock({ projectId, id }: { projectId: string; id: string }): boolean {
  return getDb().delete(lfsLocks).where(and(eq(lfsLocks.projectId, projectId), eq(lfsLocks.id, id))).run().changes > 0;
}
