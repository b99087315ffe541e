import { and, asc, eq } from "drizzle-orm";
import { getDb } from "../client";
import { repositories, type Repository } from "../schema";

export type NewRepository = Omit<Repository, "createdAt" | "updatedAt" | "nameKey">;

export function insertRepository(values: NewRepository): Repository {
  return getDb()
    .insert(repositories)
    .values({ ...values, nameKey: values.name.toLowerCase() })
    .returning()
    .get();
}

export function getRepositoryOfOwner({ id, ownerId }: { id: string; ownerId: string }): Repository | undefined {
  return getDb()
    .select()
    .from(repositories)
    .where(and(eq(repositories.id, id), eq(repositories.ownerId, ownerId)))
    .get();
}

export function listRepositoriesOfOwner({ ownerId }: { ownerId: string }): Repository[] {
  return getDb().select().from(repositories).where(eq(repositories.ownerId, ownerId)).orderBy(asc(repositories.nameKey)).all();
}

export function repositoryNameTaken({ ownerId, name, exceptId }: { ownerId: string; name: string; exceptId?: string }): boolean {
  const row = getDb()
    .select({ id: repositories.id })
    .from(repositories)
    .where(and(eq(repositories.ownerId, ownerId), eq(repositories.nameKey, name.toLowerCase())))
    .get();
  return row !== undefined && row.id !== exceptId;
}

export function updateRepositoryRow({ id, changes }: { id: string; changes: Partial<Omit<Repository, "id" | "ownerId" | "createdAt">> }): Repository | undefined {
  const withKey = changes.name ? { ...changes, nameKey: changes.name.toLowerCase() } : changes;
  return getDb()
    .update(repositories)
    .set({ ...withKey, updatedAt: new Date() })
    .where(eq(repositories.id, id))
    .returning()
    .get();
}

export function deleteRepositoryRow({ id }: { id: string }): void {
  getDb().delete(repositories).where(eq(repositories.id, id)).run();
}

export function getRepositoryById({ id }: { id: string }): Repository | undefined {
  return getDb().select().from(repositories).where(eq(repositories.id, id)).get();
}
