import { desc, eq } from "drizzle-orm";
import { getDb } from "../client";
import { newId } from "../ids";
import { retiredRepositories, type RetiredRepository } from "../schema";

export type { RetiredRepository } from "../schema";

export function insertRetiredRepository(values: Omit<RetiredRepository, "id" | "createdAt" | "message" | "vcsBackendId"> & { message?: string | null; vcsBackendId?: string | null }): RetiredRepository {
  return getDb().insert(retiredRepositories).values({ id: newId(), ...values }).returning().get();
}

export function listRetiredRepositories(): RetiredRepository[] {
  return getDb().select().from(retiredRepositories).orderBy(desc(retiredRepositories.createdAt)).all();
}

export function getRetiredRepository({ id }: { id: string }): RetiredRepository | undefined {
  return getDb().select().from(retiredRepositories).where(eq(retiredRepositories.id, id)).get();
}

export function deleteRetiredRepository({ id }: { id: string }): boolean {
  return getDb().delete(retiredRepositories).where(eq(retiredRepositories.id, id)).run().changes > 0;
}

export function setRetiredRepositoryMessage({ id, message }: { id: string; message: string }): void {
  getDb().update(retiredRepositories).set({ message }).where(eq(retiredRepositories.id, id)).run();
}
