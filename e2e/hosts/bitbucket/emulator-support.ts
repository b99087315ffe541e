// Plumbing both Bitbucket emulators share: an HTTP server on 127.0.0.1,
// JSON answers, credentials from headers, and reading the bare repositories.
import { execFileSync } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => void | Promise<void>;

/** Starts a server on 127.0.0.1; errors inside a handler answer 500 rather than hang. */
export async function listen({ port = 0, handler }: { port?: number; handler: Handler }): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    Promise.resolve(handler(req, res, url)).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { message: String(error) });
      else res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json;charset=UTF-8", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendBytes(res: http.ServerResponse, bytes: Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(200, { "content-type": "application/octet-stream", "content-length": bytes.length, ...headers });
  res.end(bytes);
}

/** What the Authorization header carries: a bearer token, Basic user and password, or nothing. */
export function credentialsOf(req: http.IncomingMessage): { scheme: "bearer"; token: string } | { scheme: "basic"; user: string; password: string } | null {
  const header = req.headers.authorization ?? "";
  const bearer = /^Bearer\s+(.+)$/i.exec(header);
  if (bearer) return { scheme: "bearer", token: bearer[1]!.trim() };
  const basic = /^Basic\s+(.+)$/i.exec(header);
  if (!basic) return null;
  const decoded = Buffer.from(basic[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? null : { scheme: "basic", user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

const gitEnv = { PATH: process.env.PATH, HOME: os.tmpdir(), GIT_CONFIG_NOSYSTEM: "1" } as unknown as NodeJS.ProcessEnv;

/** The commit a branch, tag or hash names in a bare repository, or null. */
export function resolveCommit({ bare, ref }: { bare: string; ref: string }): string | null {
  try {
    return execFileSync("git", ["--git-dir", bare, "rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { env: gitEnv, encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

/** "tree", "blob" or null for a path at a commit ("" is the root). */
export function objectTypeAt({ bare, commit, path }: { bare: string; commit: string; path: string }): "tree" | "blob" | null {
  try {
    const type = execFileSync("git", ["--git-dir", bare, "cat-file", "-t", `${commit}:${path}`], { env: gitEnv, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return type === "tree" || type === "blob" ? type : null;
  } catch {
    return null;
  }
}

/** A commit's message and committer date, for the commit objects Bitbucket embeds. */
export function commitDetails({ bare, commit }: { bare: string; commit: string }): { message: string; date: string; author: string } {
  const out = execFileSync("git", ["--git-dir", bare, "show", "-s", "--format=%cI%x00%an <%ae>%x00%B", commit], { env: gitEnv, encoding: "utf8" });
  const [date = "", author = "", message = ""] = out.split("\0");
  return { date, author, message: message.trimEnd() + "\n" };
}
