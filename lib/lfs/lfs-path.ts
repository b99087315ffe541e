import { parseRepositoryPath } from "../git-server";
import { isOid } from "./oid";

/** What an LFS request under `{clone path}/info/lfs/` asks for. */
export type LfsRoute =
  | { kind: "batch" }
  | { kind: "download"; oid: string }
  | { kind: "upload"; oid: string }
  | { kind: "verify" }
  | { kind: "list-locks" }
  | { kind: "create-lock" }
  | { kind: "verify-locks" }
  | { kind: "unlock"; id: string };

export type LfsRequest = { handle: string; projectName: string; route: LfsRoute | undefined };

const LOCK_ID = /^[a-z0-9]{1,64}$/;

/** Whether a path under /git/ is for the LFS API (`{handle}/{project}.git/info/lfs/...`) rather than for git. */
export function isLfsPath(segments: string[]): boolean {
  return segments[2] === "info" && segments[3] === "lfs";
}

function routeOf(method: string, rest: string[]): LfsRoute | undefined {
  const [area, second, third, ...more] = rest;
  if (more.length > 0) return undefined;
  if (area === "objects" && third === undefined) {
    if (second === "batch") return method === "POST" ? { kind: "batch" } : undefined;
    if (second === "verify") return method === "POST" ? { kind: "verify" } : undefined;
    if (second && isOid(second)) {
      if (method === "GET") return { kind: "download", oid: second };
      if (method === "PUT") return { kind: "upload", oid: second };
    }
    return undefined;
  }
  if (area === "locks") {
    if (second === undefined) return method === "GET" ? { kind: "list-locks" } : method === "POST" ? { kind: "create-lock" } : undefined;
    if (second === "verify" && third === undefined) return method === "POST" ? { kind: "verify-locks" } : undefined;
    if (third === "unlock" && LOCK_ID.test(second)) return method === "POST" ? { kind: "unlock", id: second } : undefined;
  }
  return undefined;
}

/**
 * Reads an LFS request's path (the segments after /git/): the project it names
 * and the route, or no route for anything the LFS API does not answer (an
 * object id that is not a SHA-256, a wrong method). Undefined when the path
 * names no project at all.
 */
export function parseLfsPath({ segments, method }: { segments: string[]; method: string }): LfsRequest | undefined {
  const repository = parseRepositoryPath(segments);
  if (!repository || !isLfsPath(segments)) return undefined;
  return { handle: repository.handle, projectName: repository.projectName, route: routeOf(method, repository.rest.slice(2)) };
}
