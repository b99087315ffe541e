import type { GatewayRequest } from "./parse-gateway-path";

/** The port a URL connects to: its own, else the scheme's default. */
export function effectivePort(url: URL): string {
  return url.port || (url.protocol === "https:" ? "443" : "80");
}

/** A repository path in comparable form: decoded, lower case, no trailing slash or `.git`. */
export function normalisePath(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // keep as sent; it then matches nothing registered
  }
  return decoded.toLowerCase().replace(/\/+$/, "").replace(/\.git$/, "");
}

/** Whether a gateway request addresses this git URL (host with port and path, case-insensitive, `.git` optional). */
export function requestMatchesGitUrl(request: Pick<GatewayRequest, "hostname" | "port" | "repoPath">, gitUrl: URL): boolean {
  if (request.hostname !== gitUrl.hostname.toLowerCase()) return false;
  // No port in the request means the default port of the registered URL's scheme.
  const defaultPort = gitUrl.protocol === "https:" ? "443" : "80";
  if ((request.port ?? defaultPort) !== effectivePort(gitUrl)) return false;
  return normalisePath(request.repoPath) === normalisePath(gitUrl.pathname);
}
