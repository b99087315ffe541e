import { spawn } from "node:child_process";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import zlib from "node:zlib";
import type { AddressInfo } from "node:net";

/** A TCP relay on loopback in front of a server, counting the connections it passes on. */
export async function startCountingRelay(target: { host: string; port: number }, { bytesPerSecond }: { bytesPerSecond?: number } = {}) {
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    connections++;
    const upstream = net.connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => s.destroy());
    }
    client.pipe(upstream);
    if (!bytesPerSecond) upstream.pipe(client);
    else
      // A slow link: what the host sends trickles back, so a transfer can be caught half-way.
      upstream.on("data", (chunk: Buffer) => {
        client.write(chunk);
        upstream.pause();
        setTimeout(() => upstream.resume(), (chunk.length / bytesPerSecond) * 1000);
      });
    upstream.on("end", () => client.end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    connections: () => connections,
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * An HTTP proxy on loopback in front of a server, passing requests and answers
 * on untouched and keeping what each client received: the status, the headers
 * and the body as the client reads it (gzip and brotli decoded), for leak checks.
 * The client's Host header goes through, so the server builds its URLs on the proxy.
 */
export async function startRecordingProxy(target: { host: string; port: number }) {
  const received: Buffer[] = [];
  const server = http.createServer((req, res) => {
    const upstream = http.request({ host: target.host, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      received.push(Buffer.from(`\n${answer.statusCode} ${JSON.stringify(answer.headers)}\n`));
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      const encoding = answer.headers["content-encoding"];
      const decoder = encoding === "gzip" ? zlib.createGunzip() : encoding === "br" ? zlib.createBrotliDecompress() : encoding === "deflate" ? zlib.createInflate() : null;
      if (decoder) {
        decoder.on("data", (chunk: Buffer) => received.push(chunk));
        decoder.on("error", () => {});
        answer.pipe(decoder);
      } else answer.on("data", (chunk: Buffer) => received.push(chunk));
      answer.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    /** Everything the clients received so far. */
    received: () => Buffer.concat(received),
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** An HTTP server on loopback that records every connection and answers with `answer` (404 by default). */
export async function startTrapServer({ host = "127.0.0.1", answer }: { host?: string; answer?: (req: http.IncomingMessage, res: http.ServerResponse) => void } = {}) {
  let connections = 0;
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    if (answer) answer(req, res);
    else res.writeHead(404).end("trap\n");
  });
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    connections: () => connections,
    requests,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Runs the real git command line without blocking the event loop (relays in this process keep serving). */
export function gitAsync(args: string[], { cwd, cookie, token }: { cwd?: string; cookie?: string; token?: string } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const config = ["-c", "credential.helper=", "-c", "core.askPass=", "-c", "user.name=Test Author", "-c", "user.email=author@example.test", "-c", "init.defaultBranch=main"];
  if (token) config.push("-c", `http.extraHeader=Authorization: Basic ${Buffer.from(`git:${token}`).toString("base64")}`);
  // As the session's own same-origin fetches do: a cookie-authenticated POST without it is refused as cross-site.
  if (cookie) config.push("-c", `http.extraHeader=Cookie: ${cookie}`, "-c", "http.extraHeader=Sec-Fetch-Site: same-origin");
  return new Promise((resolve) => {
    const child = spawn("git", [...config, ...args], {
      cwd,
      env: { NODE_ENV: "test", PATH: process.env.PATH, HOME: os.tmpdir(), GIT_TERMINAL_PROMPT: "0", GIT_ASKPASS: "", SSH_ASKPASS: "", GIT_CONFIG_NOSYSTEM: "1", LANG: "C" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The gateway URL isomorphic-git's corsProxy builds for a git URL. */
export function gatewayUrl(baseUrl: string, gitUrl: string): string {
  return `${baseUrl}/proxy/${gitUrl.replace(/^https?:\/\//, "")}`;
}
