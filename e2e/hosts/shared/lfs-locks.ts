// Git LFS file locks as git-lfs's locking API documents them (create, list,
// verify, unlock), for an emulator that checks who may read and write first.
import type { IncomingMessage, ServerResponse } from "node:http";
import { sendLfs } from "./lfs-batch";
import { readJsonObject } from "./oauth-http";

export type Lock = { id: string; path: string; locked_at: string; owner: { name: string } };

/** One emulator's locks, by repository key. */
export function createLockStore() {
  const byRepo = new Map<string, Lock[]>();
  let nextId = 1;
  const locksOf = (repo: string) => byRepo.get(repo) ?? byRepo.set(repo, []).get(repo)!;

  /**
   * Answers `locks` (GET list, POST create), `locks/verify` and `locks/{id}/unlock`
   * for `user`; `may` says whether they may push (creating, verifying and
   * unlocking need it, as the API says).
   */
  async function serve({ req, res, repo, endpoint, user, mayPush, docs }: { req: IncomingMessage; res: ServerResponse; repo: string; endpoint: string; user: string; mayPush: boolean; docs: string }): Promise<void> {
    const locks = locksOf(repo);
    const url = new URL(req.url ?? "/", "http://emulator");
    const refuse = (status: number, message: string) => sendLfs(res, status, { message, documentation_url: docs });
    if (endpoint === "locks" && req.method === "GET") {
      const path = url.searchParams.get("path");
      const id = url.searchParams.get("id");
      return sendLfs(res, 200, { locks: locks.filter((l) => (!path || l.path === path) && (!id || l.id === id)) });
    }
    if (req.method !== "POST") return refuse(404, "Not Found");
    const body = await readJsonObject(req);
    if (!body) return refuse(422, "Validation Failed");
    if (endpoint === "locks") {
      if (!mayPush) return refuse(403, "You must have push access to create a lock");
      if (typeof body.path !== "string" || !body.path) return refuse(422, "Validation Failed");
      const held = locks.find((l) => l.path === body.path);
      if (held) return sendLfs(res, 409, { lock: held, message: "already created lock", documentation_url: docs });
      const lock: Lock = { id: String(nextId++), path: body.path, locked_at: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"), owner: { name: user } };
      locks.push(lock);
      return sendLfs(res, 201, { lock });
    }
    if (endpoint === "locks/verify") {
      if (!mayPush) return refuse(403, "You must have push access to verify locks");
      return sendLfs(res, 200, { ours: locks.filter((l) => l.owner.name === user), theirs: locks.filter((l) => l.owner.name !== user) });
    }
    const unlock = /^locks\/([^/]+)\/unlock$/.exec(endpoint);
    const lock = unlock ? locks.find((l) => l.id === unlock[1]) : undefined;
    if (!lock) return refuse(404, "Not Found");
    if (!mayPush) return refuse(403, "You must have push access to delete a lock");
    if (lock.owner.name !== user && body.force !== true) return refuse(403, `${lock.path} is locked by ${lock.owner.name}`);
    locks.splice(locks.indexOf(lock), 1);
    sendLfs(res, 200, { lock });
  }

  return { serve };
}
