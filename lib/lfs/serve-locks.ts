import { z } from "zod";
import { readQuery } from "../http";
import { canWrite } from "../projects";
import { readLfsJson, type LfsContext } from "./lfs-context";
import { lfsError, lfsJson } from "./lfs-responses";
import { createLock, listLocks, unlock, type LockView } from "./locks";
import { lockPageSchema } from "./lock-pages";

const refSchema = z.object({ name: z.string() }).nullish();

const lockPathSchema = z
  .string({ message: 'Give the "path" of the file to lock.' })
  .min(1, 'Give the "path" of the file to lock.')
  .max(4096, "Use a path of at most 4096 characters.")
  .refine((path) => !/[\u0000-\u001f]/.test(path), "A path cannot hold control characters.");

const LOCK_ACCESS_MESSAGE = "Locking files needs push access to this project. Ask its owner for the editor role.";

const describeLock = (lock: LockView) => `${lock.path} is locked by ${lock.owner.name} since ${lock.locked_at.slice(0, 10)}`;

/** POST {clone URL}/info/lfs/locks: the caller locks a file (editors and up); 409 with the lock someone else holds. */
export async function serveCreateLock({ request, caller, access }: LfsContext): Promise<Response> {
  if (!canWrite(access.role)) return lfsError(403, LOCK_ACCESS_MESSAGE);
  const { path } = await readLfsJson(request, z.object({ path: lockPathSchema, ref: refSchema }));
  const outcome = createLock({ access, actor: caller.user, path });
  if ("created" in outcome) return lfsJson({ lock: outcome.created }, 201);
  const { existing } = outcome;
  const mine = existing.owner.name === caller.user.handle;
  const message = mine ? `You already hold the lock on ${existing.path}.` : `${describeLock(existing)}. Ask them to unlock it when they are done.`;
  return lfsError(409, message, { extra: { lock: existing } });
}

const listQuerySchema = lockPageSchema.extend({
  path: z.string().max(4096).optional(),
  id: z.string().max(64).optional(),
  refspec: z.string().optional(),
});

const withoutOwnerIds = (locks: (LockView & { ownerId: string })[]): LockView[] => locks.map(({ ownerId: _ownerId, ...lock }) => lock);

/** GET {clone URL}/info/lfs/locks?path=&id=&cursor=&limit=: the project's locks, for anyone who reads it. */
export function serveListLocks({ request, access }: LfsContext): Response {
  const query = readQuery(request, listQuerySchema);
  const { locks, nextCursor } = listLocks({ access, page: { afterPath: query.cursor, limit: query.limit }, path: query.path || undefined, id: query.id || undefined });
  return lfsJson({ locks: withoutOwnerIds(locks), ...(nextCursor ? { next_cursor: nextCursor } : {}) });
}

/** POST {clone URL}/info/lfs/locks/verify: the locks split into the caller's and everyone else's, before a push (editors and up). */
export async function serveVerifyLocks({ request, caller, access }: LfsContext): Promise<Response> {
  if (!canWrite(access.role)) return lfsError(403, LOCK_ACCESS_MESSAGE);
  const body = await readLfsJson(request, lockPageSchema.extend({ ref: refSchema }));
  const { locks, nextCursor } = listLocks({ access, page: { afterPath: body.cursor, limit: body.limit } });
  const ours = locks.filter((lock) => lock.ownerId === caller.user.id);
  const theirs = locks.filter((lock) => lock.ownerId !== caller.user.id);
  return lfsJson({ ours: withoutOwnerIds(ours), theirs: withoutOwnerIds(theirs), ...(nextCursor ? { next_cursor: nextCursor } : {}) });
}

/** POST {clone URL}/info/lfs/locks/{id}/unlock: the holder releases a lock; with `force`, the project's owner or an administrator releases anyone's. */
export async function serveUnlock({ request, caller, access }: LfsContext, id: string): Promise<Response> {
  if (!canWrite(access.role)) return lfsError(403, LOCK_ACCESS_MESSAGE);
  const { force } = await readLfsJson(request, z.object({ force: z.boolean().optional(), ref: refSchema }));
  const outcome = unlock({ access, actor: caller.user, id, force: force ?? false });
  if ("unlocked" in outcome) return lfsJson({ lock: outcome.unlocked });
  if (outcome.refused === "missing") return lfsError(404, `There is no lock ${id} in ${access.project.name}: it may have been released already. Run "git lfs locks" to see the locks.`);
  const held = describeLock(outcome.lock);
  if (outcome.refused === "not_yours") return lfsError(403, `${held}, not you. The project's owner or an administrator can release it with "git lfs unlock --force".`);
  return lfsError(403, `${held}. Only the project's owner or an administrator can release another person's lock: ask ${outcome.lock.owner.name} to unlock it.`);
}
