// Git smart HTTP for the host emulators: the real `git http-backend` over bare
// repositories in a folder, behind whatever credential check the provider uses.
import { spawn } from "node:child_process";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";

/** True for the smart-HTTP endpoints git uses (nothing else is served). */
export function isGitRequest(pathname: string, search: URLSearchParams, method: string): boolean {
  if (method === "GET" && pathname.endsWith("/info/refs")) return ["git-upload-pack", "git-receive-pack"].includes(search.get("service") ?? "");
  return method === "POST" && (pathname.endsWith("/git-upload-pack") || pathname.endsWith("/git-receive-pack"));
}

/** Whether the request wants to push (receive-pack). */
export function isPush(pathname: string, search: URLSearchParams): boolean {
  return pathname.endsWith("/git-receive-pack") || search.get("service") === "git-receive-pack";
}

/**
 * Serves one git request for the bare repository `repoPath` (relative to `root`,
 * e.g. "acme/models.git") with `git http-backend`, streaming both ways.
 */
export function serveGit({ req, res, root, repoPath, suffix, user }: { req: IncomingMessage; res: ServerResponse; root: string; repoPath: string; suffix: string; user: string }): void {
  const url = new URL(req.url ?? "/", "http://emulator");
  const child = spawn("git", ["http-backend"], {
    env: {
      PATH: process.env.PATH,
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: "1",
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_GLOBAL: "/dev/null",
      PATH_INFO: `/${repoPath}/${suffix}`,
      QUERY_STRING: url.search.slice(1),
      REQUEST_METHOD: req.method ?? "GET",
      CONTENT_TYPE: req.headers["content-type"] ?? "",
      REMOTE_USER: user,
      REMOTE_ADDR: "127.0.0.1",
      GIT_CONFIG_COUNT: "2",
      GIT_CONFIG_KEY_0: "http.receivepack",
      GIT_CONFIG_VALUE_0: "true",
      // receive-pack runs the repository's own hooks (protected-branch.ts installs a
      // pre-receive there); pinned so that no inherited core.hooksPath points elsewhere.
      GIT_CONFIG_KEY_1: "core.hooksPath",
      GIT_CONFIG_VALUE_1: path.resolve(root, repoPath, "hooks"),
      ...(req.headers["content-encoding"] ? { HTTP_CONTENT_ENCODING: String(req.headers["content-encoding"]) } : {}),
      ...(req.headers["git-protocol"] ? { GIT_PROTOCOL: String(req.headers["git-protocol"]) } : {}),
    } as unknown as NodeJS.ProcessEnv,
  });
  req.pipe(child.stdin);
  child.stdin.on("error", () => {});
  let head = Buffer.alloc(0);
  let sentHead = false;
  child.stdout.on("data", (chunk: Buffer) => {
    if (sentHead) return void res.write(chunk);
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf("\r\n\r\n");
    if (end < 0) return;
    let status = 200;
    for (const line of head.subarray(0, end).toString("latin1").split("\r\n")) {
      const colon = line.indexOf(":");
      if (colon < 0) continue;
      const name = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (name.toLowerCase() === "status") status = parseInt(value, 10);
      else res.setHeader(name, value);
    }
    res.statusCode = status;
    sentHead = true;
    res.write(head.subarray(end + 4));
  });
  child.stdout.on("end", () => res.end());
  res.on("close", () => child.kill());
}
