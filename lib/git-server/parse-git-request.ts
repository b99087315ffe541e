export type GitService = "git-upload-pack" | "git-receive-pack";

export type GitRequest = {
  handle: string;
  projectName: string;
  service: GitService;
  /** `advertise` is GET info/refs; `rpc` is the POST that carries the pack negotiation or the pack. */
  endpoint: "advertise" | "rpc";
};

const HANDLE = /^[a-z0-9_][a-z0-9._-]{0,99}$/i;
const NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/;
const SERVICES = new Set<string>(["git-upload-pack", "git-receive-pack"]);

/**
 * The project a path under /git/ names: `{handle}/{project}[.git]/...`, with
 * the rest of the segments. Undefined for odd characters or a missing part, so
 * that nothing is looked up for them.
 */
export function parseRepositoryPath(segments: string[]): { handle: string; projectName: string; rest: string[] } | undefined {
  const [handle, repo, ...rest] = segments;
  if (!handle || !repo || !HANDLE.test(handle)) return undefined;
  const projectName = repo.toLowerCase().endsWith(".git") ? repo.slice(0, -4) : repo;
  if (!NAME.test(projectName)) return undefined;
  return { handle, projectName, rest };
}

/**
 * Accepts only git's smart-HTTP endpoints under /git/{handle}/{project}[.git]/:
 * `GET info/refs?service=...` and `POST git-upload-pack|git-receive-pack` with
 * the matching content type. Everything else (dumb-protocol files, traversal,
 * odd characters) is refused here, before any process is spawned.
 */
export function parseGitRequest({
  segments,
  method,
  service,
  contentType,
}: {
  segments: string[];
  method: string;
  /** The `service` query parameter. */
  service: string | null;
  contentType: string | null;
}): GitRequest | undefined {
  const repository = parseRepositoryPath(segments);
  if (!repository) return undefined;
  const { handle, projectName } = repository;
  const tail = repository.rest.join("/");
  if (method === "GET" && tail === "info/refs" && service && SERVICES.has(service)) {
    return { handle, projectName, service: service as GitService, endpoint: "advertise" };
  }
  if (method === "POST" && SERVICES.has(tail) && contentType?.split(";")[0]?.trim() === `application/x-${tail}-request`) {
    return { handle, projectName, service: tail as GitService, endpoint: "rpc" };
  }
  return undefined;
}
