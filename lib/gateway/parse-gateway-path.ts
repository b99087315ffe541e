/**
 * Parses a git gateway URL as isomorphic-git's `corsProxy` builds it:
 * `/proxy/{host}[:{port}]/{repository path}/{git endpoint}`. Only git smart
 * HTTP is accepted; anything else is `null` (the caller answers 404).
 */

export const GATEWAY_PREFIX = "/proxy/";

export type GitService = "git-upload-pack" | "git-receive-pack";

export type GatewayRequest = {
  /** Host name as WHATWG URL normalises it: lower case, numeric IPv4 forms turned dotted, IPv6 in brackets. */
  hostname: string;
  /** The port given in the URL, or null when none was given. */
  port: string | null;
  /** The repository part of the path, as sent, with a leading slash (`/acme/models.git`). */
  repoPath: string;
  /** `advertise` = GET info/refs, `rpc` = POST to the service. */
  endpoint: "advertise" | "rpc";
  service: GitService;
  /** What follows the repository path upstream: `info/refs?service=...` or the service name. */
  upstreamSuffix: string;
};

const SERVICES: readonly GitService[] = ["git-upload-pack", "git-receive-pack"];

const isService = (value: string | null | undefined): value is GitService => SERVICES.includes(value as GitService);

/** Segments that could change the path's meaning once decoded or normalised upstream. */
export function isUnsafeSegment(segment: string): boolean {
  if (segment === "") return true;
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return true;
  }
  return decoded === "." || decoded === ".." || /[/\\\0?#]/.test(decoded) || /[\u0000-\u001f\u007f]/.test(decoded);
}

/**
 * The host part of the gateway path, normalised by the WHATWG URL parser (so
 * `2130706433`, `0x7f000001` and `0177.0.0.1` all become `127.0.0.1`). Null for
 * user info, an empty host or a bad port.
 */
export function parseAuthority(authority: string): { hostname: string; port: string | null } | null {
  if (!authority || /[@/\\?#\s%]/.test(authority)) return null;
  const portMatch = /^(\[[^\]]*\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(authority);
  if (!portMatch) return null;
  const port = portMatch[2] ?? null;
  if (port !== null && (Number(port) < 1 || Number(port) > 65535)) return null;
  let url: URL;
  try {
    url = new URL(`http://${portMatch[1]}/`);
  } catch {
    return null;
  }
  if (!url.hostname || url.username || url.password || url.pathname !== "/") return null;
  return { hostname: url.hostname.toLowerCase(), port: port === null ? null : String(Number(port)) };
}

/** The repository part of a path, split at `.git/`: only its last segment may end in .git. */
export function repositoryPath(segments: string[]): string | null {
  if (segments.length === 0 || segments.slice(0, -1).some((s) => /\.git$/i.test(s))) return null;
  return `/${segments.join("/")}`;
}

export function contentTypeIs(header: string | null, expected: string): boolean {
  return (header ?? "").split(";")[0]!.trim().toLowerCase() === expected;
}

/**
 * Reads a gateway request. `pathname` is the raw (still percent-encoded) path of
 * the request URL, starting with `/proxy/`; `search` its query string.
 */
export function parseGatewayPath({
  pathname,
  search,
  method,
  contentType,
}: {
  pathname: string;
  search: string;
  method: string;
  contentType: string | null;
}): GatewayRequest | null {
  if (!pathname.startsWith(GATEWAY_PREFIX)) return null;
  const segments = pathname.slice(GATEWAY_PREFIX.length).split("/");
  const authority = parseAuthority(segments.shift() ?? "");
  if (!authority) return null;
  if (segments.some(isUnsafeSegment)) return null;

  const params = new URLSearchParams(search);
  let endpoint: GatewayRequest["endpoint"];
  let service: GitService;
  let repoSegments: string[];
  const last = segments[segments.length - 1];
  if (method === "GET" && segments.length >= 3 && segments[segments.length - 2] === "info" && last === "refs") {
    const asked = params.get("service");
    if (!isService(asked) || [...params.keys()].some((k) => k !== "service") || params.getAll("service").length !== 1) return null;
    endpoint = "advertise";
    service = asked;
    repoSegments = segments.slice(0, -2);
  } else if (method === "POST" && segments.length >= 2 && isService(last)) {
    if (search && search !== "?") return null;
    if (!contentTypeIs(contentType, `application/x-${last}-request`)) return null;
    endpoint = "rpc";
    service = last;
    repoSegments = segments.slice(0, -1);
  } else {
    return null;
  }
  const repoPath = repositoryPath(repoSegments);
  if (!repoPath) return null;
  return {
    hostname: authority.hostname,
    port: authority.port,
    repoPath,
    endpoint,
    service,
    upstreamSuffix: endpoint === "advertise" ? `info/refs?service=${service}` : service,
  };
}
