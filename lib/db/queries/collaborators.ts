import { and, asc, eq } from "drizzle-orm";
import { getDb } from "../client";
import { collaborators, users, type Collaborator, type User } from "../schema";

export function getCollaborator({ projectId, userId }: { projectId: string; userId: string }): Collaborator | undefined {
  return getDb()
    .select()
    .from(collaborators)
    .where(and(eq(collaborators.projectId, projectId), eq(collaborators.userId, userId)))
    .get();
}

export function listCollaboratorsWithUsers({ projectId }: { projectId: string }): { collaborator: Collaborator; user: User }[] {
  return getDb()
    .select({ collaborator: collaborators, user: users })
    .from(collaborators)
    .innerJoin(users, eq(users.id, collaborators.userId))
    .where(eq(collaborators.projectId, projectId))
    .orderBy(asc(users.email))
    .all();
}

export function insertCollaborator(values: { projectId: string; userId: string; role: Collaborator["role"]; hostAccount?: Collaborator["hostAccount"] }): Collaborator {
  return getDb().insert(collaborators).values(values).returning().get();
}

export function updateCollaborator({ projectId, userId, changes }: { projectId: string; userId: string; changes: Partial<Pick<Collaborator, "role" | "hostAccount">> }): Collaborator | undefined {
  return getDb()
    .update(collaborators)
    .set(changes)
    .where(and(eq(collaborators.projectId, projectId), eq(collaborators.userId, userId)))
    .returning()
    .get();
}

/** Forgets which accounts at a host were given access (the project's repository moved: none holds access to the new one yet). */
export function clearCollaboratorHostAccounts({ projectId }: { projectId: string }): void {
  getDb().update(collaborators).set({ hostAccount: null }).where(eq(collaborators.projectId, projectId)).run();
}

export function deleteCollaborator({ projectId, userId }: { projectId: string; userId: string }): boolean {
  return (
    getDb()
      .delete(collaborators)
      .where(and(eq(collaborators.projectId, projectId), eq(collaborators.userId, userId)))
      .run().changes > 0
  );
}
