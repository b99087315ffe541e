import { listUserRows, type User } from "../db";

/** Users matching `q` (email, name or handle), one page at a time. */
export function listUsers({ q, page, perPage }: { q?: string; page: number; perPage: number }): { users: User[]; nextPage: number | null } {
  const rows = listUserRows({ q, limit: perPage + 1, offset: (page - 1) * perPage });
  return { users: rows.slice(0, perPage), nextPage: rows.length > perPage ? page + 1 : null };
}
