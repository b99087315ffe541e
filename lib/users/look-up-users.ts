import { listUserRows } from "../db";

/** Fewer characters than this find nobody: a single letter would list most of the directory. */
export const LOOKUP_MIN_LENGTH = 2;
export const LOOKUP_LIMIT = 8;

export type UserCard = { id: string; email: string; name: string; handle: string };

/**
 * People to share a project with, as the caller types (any signed-in user may
 * ask): enabled accounts whose email, name or handle contains `q`, a few at a
 * time, with only what a colleague sees on a project's page.
 */
export function lookUpUsers({ q }: { q: string }): UserCard[] {
  const query = q.trim();
  if (query.length < LOOKUP_MIN_LENGTH) return [];
  return listUserRows({ q: query, enabledOnly: true, limit: LOOKUP_LIMIT, offset: 0 }).map(({ id, email, name, handle }) => ({ id, email, name, handle }));
}
