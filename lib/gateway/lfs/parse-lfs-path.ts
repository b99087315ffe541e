/**
 * Reads a Git LFS API request through the gateway: the LFS server of a git URL
 * is `{git URL}.git/info/lfs` (git-lfs's server discovery), so a session or the
 * `git lfs` client asks `/proxy/{host}[:{port}]/{repository}/info/lfs/...`.
 * Only the batch API and the locks API are accepted; anything else is `null`.
 */
import { GATEWAY_PREFIX, contentTypeIs, isUnsafeSegment, parseAuthority, repositoryPath } from "../parse-gateway-path";

export const LFS_MEDIA_TYPE = "application/vnd.git-lfs+json";

export type LfsRequest = {
  hostname: string;
  port: string | null;
  /** The repository part of the path, as sent (`/acme/models.git`). */
  repoPath: string;
  /** The batch API (its operation is in the body), or the locks API. */
  endpoint: "batch" | "locks";
  /** For the locks API: whether the request creates, verifies or releases locks (editors only), not just lists them. */
  writesLocks: boolean;
  /** What follows `info/lfs/` upstream, with the query string when there is one (`locks?path=a.psd`). */
  upstreamSuffix: string;
};

/** The query parameters of listing locks (git-lfs's locking API); nothing else is passed on. */
const LOCK_LIST_PARAMS = ["path", "id", "cursor", "limit", "refspec"];

const isLockId = (segment: string) => /^[A-Za-z0-9._-]{1,128}$/.test(segment);

/** The locks API's endpoints after `info/lfs/`, or null. */
function readLocks(rest: string[], method: string, search: string): Pick<LfsRequest, "writesLocks" | "upstreamSuffix"> | null {
  if (rest[0] !== "locks") return null;
  if (rest.length === 1 && method === "GET") {
    const params = new URLSearchParams(search);
    if ([...params.keys()].some((k) => !LOCK_LIST_PARAMS.includes(k))) return null;
    const query = params.toString();
    return { writesLocks: false, upstreamSuffix: query ? `locks?${query}` : "locks" };
  }
  if (method !== "POST" || (search && search !== "?")) return null;
  if (rest.length === 1) return { writesLocks: true, upstreamSuffix: "locks" };
  if (rest.length === 2 && rest[1] === "verify") return { writesLocks: true, upstreamSuffix: "locks/verify" };
  if (rest.length === 3 && isLockId(rest[1]!) && rest[2] === "unlock") return { writesLocks: true, upstreamSuffix: `locks/${rest[1]}/unlock` };
  return null;
}

/**
 * Parses `pathname` (raw, percent-encoded, starting with `/proxy/`) as an LFS
 * API request. POSTs must carry the LFS media type, which no page of another
 * site can send without the browser asking first.
 */
export function parseLfsPath({ pathname, search, method, contentType }: { pathname: string; search: string; method: string; contentType: string | null }): LfsRequest | null {
  if (!pathname.startsWith(GATEWAY_PREFIX)) return null;
  const segments = pathname.slice(GATEWAY_PREFIX.length).split("/");
  const authority = parseAuthority(segments.shift() ?? "");
  if (!authority || segments.some(isUnsafeSegment)) return null;
  const at = segments.findIndex((segment, i) => segment === "info" && segments[i + 1] === "lfs");
  if (at < 1) return null;
  const repoPath = repositoryPath(segments.slice(0, at));
  if (!repoPath) return null;
  const rest = segments.slice(at + 2);
  if (method === "POST" && !contentTypeIs(contentType, LFS_MEDIA_TYPE)) return null;

  const base = { hostname: authority.hostname, port: authority.port, repoPath };
  if (rest.length === 2 && rest[0] === "objects" && rest[1] === "batch") {
    if (method !== "POST" || (search && search !== "?")) return null;
    return { ...base, endpoint: "batch", writesLocks: false, upstreamSuffix: "objects/batch" };
  }
  const locks = readLocks(rest, method, search);
  return locks ? { ...base, endpoint: "locks", ...locks } : null;
}

/** The LFS server of a registered git URL, as git-lfs finds it: `.git` added when missing, then `/info/lfs`. */
export function lfsBasePath(gitUrl: URL): string {
  const path = gitUrl.pathname.replace(/\/+$/, "");
  return `${/\.git$/i.test(path) ? path : `${path}.git`}/info/lfs`;
}
