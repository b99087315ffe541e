import { and, asc, desc, eq, exists, isNotNull, isNull, or, sql } from "drizzle-orm";
import { getDb } from "../client";
import { newId } from "../ids";
import { collaborators, projects, repositories, users, type Collaborator, type Project, type Repository, type User } from "../schema";
import { releaseProjectOldPath } from "./project-old-paths";

export type ProjectWithOwner = { project: Project; owner: User };

// A project still being created is nobody's to see or use yet; only its name is taken.
const isReady = () => eq(projects.state, "ready");

export function insertProject(values: {
  ownerId: string;
  name: string;
  description: string;
  defaultBranch: string;
  backend?: Project["backend"];
  repositoryId?: string | null;
  vcsBackendId?: string | null;
  remoteName?: string | null;
  remoteLocation?: string | null;
  state?: Project["state"];
}): Project {
  const project = getDb()
    .insert(projects)
    .values({ id: newId(), nameKey: values.name.toLowerCase(), ...values })
    .returning()
    .get();
  // The new project takes its path back from any project that used to answer there.
  releaseProjectOldPath(project);
  return project;
}

export function getProjectWithOwnerById({ id }: { id: string }): ProjectWithOwner | undefined {
  return getDb()
    .select({ project: projects, owner: users })
    .from(projects)
    .innerJoin(users, eq(users.id, projects.ownerId))
    .where(and(eq(projects.id, id), isReady()))
    .get();
}

export function getProjectWithOwnerByPath({ handle, name }: { handle: string; name: string }): ProjectWithOwner | undefined {
  return getDb()
    .select({ project: projects, owner: users })
    .from(projects)
    .innerJoin(users, eq(users.id, projects.ownerId))
    .where(and(eq(users.handle, handle.toLowerCase()), eq(projects.nameKey, name.toLowerCase()), isReady()))
    .get();
}

/** Whether the owner has a project with this name (any case): false, or the state of the one that has it. */
export function projectNameTaken({ ownerId, name, exceptId }: { ownerId: string; name: string; exceptId?: string }): Project["state"] | false {
  const row = getDb()
    .select({ id: projects.id, state: projects.state })
    .from(projects)
    .where(and(eq(projects.ownerId, ownerId), eq(projects.nameKey, name.toLowerCase())))
    .get();
  return row !== undefined && row.id !== exceptId ? row.state : false;
}

export function updateProjectRow({ id, changes }: { id: string; changes: Partial<Omit<Project, "id" | "createdAt">> }): Project | undefined {
  const withKey = changes.name ? { ...changes, nameKey: changes.name.toLowerCase() } : changes;
  const project = getDb()
    .update(projects)
    .set({ ...withKey, updatedAt: new Date() })
    .where(eq(projects.id, id))
    .returning()
    .get();
  // A new name or owner is a new path, which no other project's old path may keep.
  if (project && (changes.name !== undefined || changes.ownerId !== undefined)) releaseProjectOldPath(project);
  return project;
}

/**
 * Marks a project as failed (the red mark): which operation, why, when and who
 * reported it. Not an edit of the project, so its updatedAt (activity) stays.
 */
export function setProjectFailure({ id, operation, message, at, byId }: { id: string; operation: string; message: string; at: Date; byId: string | null }): void {
  getDb().update(projects).set({ failedOperation: operation, failedMessage: message, failedAt: at, failedById: byId }).where(eq(projects.id, id)).run();
}

/** Clears a project's red mark (only when it is for `operation`, if given); false when there was none to clear. */
export function clearProjectFailure({ id, operation }: { id: string; operation?: string }): boolean {
  return (
    getDb()
      .update(projects)
      .set({ failedOperation: null, failedMessage: null, failedAt: null, failedById: null })
      .where(and(eq(projects.id, id), operation ? eq(projects.failedOperation, operation) : isNotNull(projects.failedOperation)))
      .run().changes > 0
  );
}

/** Marks a project as being moved by `jobId`; false when another move already holds it. */
export function markProjectMoving({ id, jobId }: { id: string; jobId: string }): boolean {
  return getDb()
    .update(projects)
    .set({ movingJobId: jobId })
    .where(and(eq(projects.id, id), isNull(projects.movingJobId)))
    .run().changes > 0;
}

/** Ends a move's hold on a project (nothing happens when another move holds it). */
export function clearProjectMoving({ id, jobId }: { id: string; jobId: string }): void {
  getDb().update(projects).set({ movingJobId: null }).where(and(eq(projects.id, id), eq(projects.movingJobId, jobId))).run();
}

/**
 * Switches a project being moved by `jobId` to its new backend, only while it is
 * still on `from` (its repository's backend when the move started) and held by
 * that move; the hold ends with it. Undefined when the project changed meanwhile.
 */
export function switchMovingProject({
  id,
  jobId,
  from,
  changes,
}: {
  id: string;
  jobId: string;
  from: Pick<Project, "backend" | "vcsBackendId">;
  changes: Pick<Project, "backend" | "vcsBackendId" | "remoteName" | "remoteLocation">;
}): Project | undefined {
  const sameBackend = from.vcsBackendId ? eq(projects.vcsBackendId, from.vcsBackendId) : isNull(projects.vcsBackendId);
  return getDb()
    .update(projects)
    .set({ ...changes, movingJobId: null, updatedAt: new Date() })
    .where(and(eq(projects.id, id), eq(projects.movingJobId, jobId), eq(projects.backend, from.backend), sameBackend))
    .returning()
    .get();
}

/** Every project that is ready, with its owner, by owner handle and name (the admin console's list). */
export function listAllProjects(): ProjectWithOwner[] {
  return getDb().select({ project: projects, owner: users }).from(projects).innerJoin(users, eq(users.id, projects.ownerId)).where(isReady()).orderBy(asc(users.handle), asc(projects.nameKey)).all();
}

/** Projects whose creation has not finished (at start: whose creation was cut off), with their owners. */
export function listCreatingProjects(): ProjectWithOwner[] {
  return getDb().select({ project: projects, owner: users }).from(projects).innerJoin(users, eq(users.id, projects.ownerId)).where(eq(projects.state, "creating")).all();
}

export function deleteProjectRow({ id }: { id: string }): void {
  getDb().delete(projects).where(eq(projects.id, id)).run();
}

export type ProjectListFilter = "all" | "mine" | "shared";

/** Projects a user may see: owned, shared with them, or every project for an admin with filter "all". */
export function listVisibleProjects({
  userId,
  isAdmin,
  q,
  filter,
  sort,
  limit,
  offset,
}: {
  userId: string;
  isAdmin: boolean;
  q?: string;
  filter: ProjectListFilter;
  sort: "name" | "activity";
  limit: number;
  offset: number;
}): ProjectWithOwner[] {
  const db = getDb();
  const isShared = exists(
    db
      .select({ one: sql`1` })
      .from(collaborators)
      .where(and(eq(collaborators.projectId, projects.id), eq(collaborators.userId, userId))),
  );
  const visibility =
    filter === "mine"
      ? eq(projects.ownerId, userId)
      : filter === "shared"
        ? isShared
        : isAdmin
          ? undefined
          : or(eq(projects.ownerId, userId), isShared);
  const pattern = q ? `%${q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%` : undefined;
  const search = pattern ? sql`${projects.nameKey} like ${pattern} escape '\\'` : undefined;
  const order =
    sort === "activity"
      ? [desc(sql`coalesce(${projects.lastPushAt}, ${projects.updatedAt}, ${projects.createdAt})`), asc(projects.nameKey)]
      : [asc(projects.nameKey), asc(users.handle)];
  return db
    .select({ project: projects, owner: users })
    .from(projects)
    .innerJoin(users, eq(users.id, projects.ownerId))
    .where(and(visibility, search, isReady()))
    .orderBy(...order)
    .limit(limit)
    .offset(offset)
    .all();
}

/**
 * Projects whose repository lives on a git host (backend "remote", linked to a
 * registered repository; backend "external", in the organization's) that the
 * user belongs to (owner or collaborator; admins: all), each with the linked
 * repository (null for "external") and the user's collaborator role (null for
 * the owner and admins).
 */
export function listHostedProjectsOfMember({ user }: { user: Pick<User, "id" | "role"> }): { project: Project; repository: Repository | null; collaboratorRole: Collaborator["role"] | null }[] {
  const membership = or(eq(projects.ownerId, user.id), eq(collaborators.userId, user.id), sql`${user.role === "admin" ? 1 : 0} = 1`);
  return getDb()
    .select({ project: projects, repository: repositories, collaboratorRole: collaborators.role })
    .from(projects)
    .leftJoin(repositories, eq(projects.repositoryId, repositories.id))
    .leftJoin(collaborators, and(eq(collaborators.projectId, projects.id), eq(collaborators.userId, user.id)))
    .where(and(or(and(eq(projects.backend, "remote"), sql`${repositories.id} is not null`), eq(projects.backend, "external")), membership, isReady()))
    .all();
}

/** The projects linked to a registered repository, including one still being created (it holds the link). */
export function listProjectsLinkedTo({ repositoryId }: { repositoryId: string }): Project[] {
  return getDb().select().from(projects).where(eq(projects.repositoryId, repositoryId)).all();
}
