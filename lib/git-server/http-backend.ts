import { spawn } from "node:child_process";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import { getEnv, getReposDir } from "../config/env";
import { parseCgiHead } from "./cgi-response";
import { hooksDir } from "./push-hooks";
import { gitEnvironment } from "./run-git";

const MAX_HEAD_BYTES = 64 * 1024;
const STDERR_KEEP_BYTES = 4096;

export type HttpBackendInput = {
  /** `/{repoDirName}/info/refs` or `/{repoDirName}/git-upload-pack` ... */
  pathInfo: string;
  method: "GET" | "POST";
  queryString: string;
  contentType: string | null;
  contentEncoding: string | null;
  gitProtocol: string | null;
  remoteUser: string;
  remoteAddr: string;
  allowPush: boolean;
  body: ReadableStream<Uint8Array> | null;
  signal: AbortSignal;
  /** Called once the process has exited (after the response body ended or was abandoned). */
  onExit?: (result: { exitCode: number | null; stderr: string }) => void;
};

/**
 * Runs the system `git http-backend` for one request and streams both ways:
 * the request body goes to its stdin as it arrives and its output becomes the
 * response body, so a pack of any size passes without being held in memory.
 */
export function runHttpBackend(input: HttpBackendInput): Promise<Response> {
  const config: [string, string][] = [
    ["http.getanyfile", "false"],
    ["http.uploadpack", "true"],
    ["http.receivepack", input.allowPush ? "true" : "false"],
    ["receive.fsckObjects", "true"],
    // Keep every received pack as a pack: exploding a large pack into loose objects costs
    // time and, for big blobs, memory in git itself. `gc --auto` after pushes consolidates.
    ["receive.unpackLimit", "1"],
    ["uploadpack.allowFilter", "true"],
    // The pre-receive hook refuses names nobody could check out (written at start, lib/startup.ts).
    ["core.hooksPath", hooksDir()],
  ];
  const env = gitEnvironment({
    GIT_PROJECT_ROOT: getReposDir(),
    GIT_HTTP_EXPORT_ALL: "1",
    PATH_INFO: input.pathInfo,
    QUERY_STRING: input.queryString,
    REQUEST_METHOD: input.method,
    REMOTE_USER: input.remoteUser,
    REMOTE_ADDR: input.remoteAddr,
    GIT_HTTP_MAX_REQUEST_BUFFER: "100M",
    GIT_CONFIG_COUNT: String(config.length),
    ...Object.fromEntries(config.flatMap(([k, v], i) => [[`GIT_CONFIG_KEY_${i}`, k], [`GIT_CONFIG_VALUE_${i}`, v]])),
    ...(input.contentType ? { CONTENT_TYPE: input.contentType } : {}),
    ...(input.contentEncoding ? { HTTP_CONTENT_ENCODING: input.contentEncoding } : {}),
    ...(input.gitProtocol ? { GIT_PROTOCOL: input.gitProtocol } : {}),
  });

  const child = spawn(getEnv().BENCHTOP_GIT_BIN, ["http-backend"], { env, stdio: ["pipe", "pipe", "pipe"] });
  const kill = () => child.kill("SIGKILL");
  input.signal.addEventListener("abort", kill, { once: true });

  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    if (stderr.length < STDERR_KEEP_BYTES) stderr += chunk.toString("utf8").slice(0, STDERR_KEEP_BYTES - stderr.length);
  });
  child.on("close", (exitCode) => {
    input.signal.removeEventListener("abort", kill);
    input.onExit?.({ exitCode, stderr });
  });

  child.stdin.on("error", () => {
    // The backend may exit before reading everything (a refused push); its answer says why.
  });
  if (input.body) {
    const body = Readable.fromWeb(input.body as unknown as NodeWebReadableStream<Uint8Array>);
    body.on("error", kill);
    body.pipe(child.stdin);
  } else {
    child.stdin.end();
  }

  return readResponse(child.stdout, kill);
}

function readResponse(stdout: Readable, kill: () => void): Promise<Response> {
  return new Promise((resolve, reject) => {
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const parsed = parseCgiHead(head);
      if (!parsed) {
        if (head.length > MAX_HEAD_BYTES) fail(new Error("git http-backend sent an oversized header block"));
        return;
      }
      cleanup();
      stdout.pause();
      const rest = head.subarray(parsed.bodyStart);
      if (rest.length) stdout.unshift(rest);
      const body = Readable.toWeb(stdout) as unknown as ReadableStream<Uint8Array>;
      resolve(new Response(body, { status: parsed.status, headers: parsed.headers }));
    };
    const onEnd = () => fail(new Error("git http-backend ended without a response"));
    const fail = (error: Error) => {
      cleanup();
      kill();
      reject(error);
    };
    const cleanup = () => {
      stdout.off("data", onData);
      stdout.off("end", onEnd);
      stdout.off("error", fail);
    };
    stdout.on("data", onData);
    stdout.on("end", onEnd);
    stdout.on("error", fail);
  });
}
