// A loopback git smart-HTTP server for workspace tests: the system `git
// http-backend` over bare repositories in a temp folder, plus routes that answer
// with a fixed status (401, 403, 404...) so error mapping meets real HTTP.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

export type GitHttpServer = {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  origin: string;
  /** Folder holding the bare repositories. */
  root: string;
  /** The URL isomorphic-git uses for the bare repository `name` (`{origin}/git/{name}.git`). */
  urlOf(name: string): string;
  /** Path of the bare repository `name`. */
  gitdirOf(name: string): string;
  /** Refuses pushes to `name` with 403 (a viewer), while fetches still work. */
  setReadOnly(name: string, readOnly: boolean): void;
  /** A URL whose every request is answered with `status`. */
  statusUrl(status: number): string;
  /**
   * The gateway form: `{origin}/proxy`, usable as `corsProxy`. Requests to
   * `/proxy/{this server's host:port}/...` are served as `/...`.
   */
  proxyBase: string;
  /** Method and path (with query) of every request received, in order. */
  requests: string[];
  close(): Promise<void>;
};

/** The environment of the backend: no user or system config. */
function gitTestEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: home,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_TERMINAL_PROMPT: "0",
    LANG: "C",
    ...extra,
  } as unknown as NodeJS.ProcessEnv;
}

export async function startGitHttpServer(): Promise<GitHttpServer> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "benchtop-ws-repos-"));
  const readOnly = new Set<string>();
  const requests: string[] = [];
  let host = "";

  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const url = new URL(req.url ?? "/", "http://localhost");
    const proxyPrefix = `/proxy/${host}/`;
    if (url.pathname.startsWith(proxyPrefix)) url.pathname = url.pathname.slice(proxyPrefix.length - 1);
    const status = /^\/status\/(\d{3})\//.exec(url.pathname);
    if (status) {
      res.writeHead(Number(status[1]), { "content-type": "text/plain" });
      res.end("refused by test server\n");
      return;
    }
    const match = /^\/git\/([^/]+)\.git(\/.*)$/.exec(url.pathname);
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    const [, name = "", rest = ""] = match;
    const isPush = rest === "/git-receive-pack" || url.searchParams.get("service") === "git-receive-pack";
    if (isPush && readOnly.has(name)) {
      res.writeHead(403, { "content-type": "text/plain" });
      res.end("push not allowed\n");
      return;
    }
    serveBackend({ root, pathInfo: `/${name}.git${rest}`, query: url.search.slice(1), req, res });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const origin = `http://${host}`;

  return {
    origin,
    root,
    urlOf: (name) => `${origin}/git/${name}.git`,
    gitdirOf: (name) => path.join(root, `${name}.git`),
    setReadOnly(name, value) {
      if (value) readOnly.add(name);
      else readOnly.delete(name);
    },
    statusUrl: (code) => `${origin}/status/${code}/repo.git`,
    proxyBase: `${origin}/proxy`,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

function serveBackend({ root, pathInfo, query, req, res }: { root: string; pathInfo: string; query: string; req: http.IncomingMessage; res: http.ServerResponse }) {
  const config: [string, string][] = [
    ["http.receivepack", "true"],
    ["http.uploadpack", "true"],
    ["receive.fsckObjects", "true"],
    ["uploadpack.allowFilter", "true"],
  ];
  const header = (name: string) => {
    const value = req.headers[name];
    return typeof value === "string" ? value : undefined;
  };
  const env = gitTestEnv(root, {
    GIT_PROJECT_ROOT: root,
    GIT_HTTP_EXPORT_ALL: "1",
    PATH_INFO: pathInfo,
    QUERY_STRING: query,
    REQUEST_METHOD: req.method ?? "GET",
    REMOTE_USER: "tester",
    REMOTE_ADDR: "127.0.0.1",
    GIT_CONFIG_COUNT: String(config.length),
    ...Object.fromEntries(config.flatMap(([k, v], i) => [[`GIT_CONFIG_KEY_${i}`, k], [`GIT_CONFIG_VALUE_${i}`, v]])),
    ...(header("content-type") ? { CONTENT_TYPE: header("content-type") as string } : {}),
    ...(header("content-encoding") ? { HTTP_CONTENT_ENCODING: header("content-encoding") as string } : {}),
    ...(header("git-protocol") ? { GIT_PROTOCOL: header("git-protocol") as string } : {}),
  });
  const child = spawn("git", ["http-backend"], { env, stdio: ["pipe", "pipe", "pipe"] });
  child.stdin.on("error", () => {});
  child.stderr.resume();
  req.pipe(child.stdin);

  let head = Buffer.alloc(0);
  let started = false;
  child.stdout.on("data", (chunk: Buffer) => {
    if (started) {
      res.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf("\r\n\r\n");
    if (end < 0) return;
    started = true;
    let status = 200;
    const headers: Record<string, string> = {};
    for (const line of head.subarray(0, end).toString("latin1").split("\r\n")) {
      const colon = line.indexOf(":");
      if (colon <= 0) continue;
      const name = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (name.toLowerCase() === "status") status = Number.parseInt(value, 10);
      else headers[name] = value;
    }
    res.writeHead(status, headers);
    res.write(head.subarray(end + 4));
  });
  child.on("close", () => {
    if (!started) res.writeHead(500);
    res.end();
  });
}
