import { and, eq, gt, inArray, lte } from "drizzle-orm";
import { getDb } from "../client";
import { projectOldPaths, projects, users, type Project, type User } from "../schema";

/**
 * Remembers that /git/{handle}/{name}.git reached this project until now (one
 * row per path: a later rename away from the same path replaces it). Rows that
 * have expired are dropped on the way.
 */
export function upsertProjectOldPath({ handle, name, projectId, expiresAt, now = new Date() }: { handle: string; name: string; projectId: string; expiresAt: Date; now?: Date }): void {
  const db = getDb();
  db.delete(projectOldPaths).where(lte(projectOldPaths.expiresAt, now)).run();
  const row = { handle: handle.toLowerCase(), nameKey: name.toLowerCase(), projectId, expiresAt, createdAt: now };
  db.insert(projectOldPaths)
    .values(row)
    .onConflictDoUpdate({ target: [projectOldPaths.handle, projectOldPaths.nameKey], set: { projectId, expiresAt, createdAt: now } })
    .run();
}

/** The project an old path still reaches (not expired, the project ready), with its current owner and until when. */
export function getProjectWithOwnerByOldPath({ handle, name, now = new Date() }: { handle: string; name: string; now?: Date }): { project: Project; owner: User; expiresAt: Date } | undefined {
  return getDb()
    .select({ project: projects, owner: users, expiresAt: projectOldPaths.expiresAt })
    .from(projectOldPaths)
    .innerJoin(projects, eq(projects.id, projectOldPaths.projectId))
    .innerJoin(users, eq(users.id, projects.ownerId))
    .where(and(eq(projectOldPaths.handle, handle.toLowerCase()), eq(projectOldPaths.nameKey, name.toLowerCase()), gt(projectOldPaths.expiresAt, now), eq(projects.state, "ready")))
    .get();
}

/** A project took the path {owner's handle}/{nameKey}: an old path there no longer applies. */
export function releaseProjectOldPath({ ownerId, nameKey }: { ownerId: string; nameKey: string }): void {
  const db = getDb();
  const ownerHandle = db.select({ handle: users.handle }).from(users).where(eq(users.id, ownerId));
  db.delete(projectOldPaths)
    .where(and(inArray(projectOldPaths.handle, ownerHandle), eq(projectOldPaths.nameKey, nameKey)))
    .run();
}
