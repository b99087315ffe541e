import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { Readable, Transform, pipeline, type TransformCallback } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import { GatewayError } from "./gateway-error";
import type { Upstream } from "./resolve-upstream";

export const LIMITS = {
  /** The largest request body passed on (a push). */
  maxRequestBytes: 2 * 1024 ** 3,
  /** How long the upstream may take to answer with its headers. */
  headersTimeoutMs: 60_000,
  /** How long the connection may stay silent in either direction. */
  idleTimeoutMs: 5 * 60_000,
};

/** Request headers git needs; nothing else (no Cookie, Authorization or hop-by-hop header) is passed on. */
export const FORWARDED_REQUEST_HEADERS = ["content-type", "content-encoding", "accept", "git-protocol", "user-agent"] as const;

/** Response headers passed back; never Set-Cookie, WWW-Authenticate or Location. */
export const FORWARDED_RESPONSE_HEADERS = ["content-type", "content-encoding", "cache-control"] as const;

export type UpstreamResponse = {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as it arrives, with backpressure; cancelling it closes the upstream connection. */
  body: ReadableStream<Uint8Array>;
  /** Settles when the upstream body has been read to its end (true) or abandoned (false). */
  finished: Promise<boolean>;
  /** Closes the upstream connection without reading the body. */
  discard(): void;
};

export type ForwardInput = {
  upstream: Upstream;
  method: "GET" | "POST" | "PUT";
  /** Path and query upstream, e.g. `/acme/models.git/info/refs?service=git-upload-pack`. */
  path: string;
  /** Exactly the headers sent (Host is added from `upstream`): see gitRequestHeaders. */
  headers: Record<string, string>;
  body: ReadableStream<Uint8Array> | null;
  signal: AbortSignal;
  limits?: typeof LIMITS;
};

/** What git's requests carry upstream: FORWARDED_REQUEST_HEADERS of the browser's, and the repository's credential. */
export function gitRequestHeaders({ browser, authorization }: { browser: Headers; authorization: string | null }): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = browser.get(name);
    if (value !== null) headers[name] = value;
  }
  if (authorization) headers.authorization = authorization;
  return headers;
}

/** Counts request bytes and refuses past the limit. */
function meter(limit: number): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      total += chunk.length;
      if (total > limit) return callback(new GatewayError("too_large", 413, `The request is larger than ${limit} bytes. Ask your administrator about the size limit.`));
      callback(null, chunk);
    },
  });
}

/**
 * Sends one request to the pinned upstream address and resolves with its
 * response head. The request body streams through (never held whole), the
 * response body streams back with backpressure, and everything is torn down
 * when the client goes away (`signal`) or the limits are passed.
 */
export function forwardRequest(input: ForwardInput): Promise<UpstreamResponse> {
  const limits = input.limits ?? LIMITS;
  const { upstream } = input;
  const headers: Record<string, string> = { ...input.headers, host: upstream.hostHeader };

  // Connect to the address that was checked, whatever the name resolves to now.
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: upstream.address, family: upstream.family }]);
    else callback(null, upstream.address, upstream.family);
  };
  const transport = upstream.protocol === "https:" ? https : http;
  const request = transport.request({
    protocol: upstream.protocol,
    host: upstream.hostname,
    port: upstream.port,
    path: input.path,
    method: input.method,
    headers,
    lookup: pinned,
    agent: false,
    ...(upstream.protocol === "https:" ? { servername: upstream.hostname } : {}),
  });

  return new Promise<UpstreamResponse>((resolve, reject) => {
    let answered = false;
    const fail = (error: Error) => {
      if (!request.destroyed) request.destroy(error);
      // Node's own words (with the pinned address) stay out of the answer.
      if (!answered) reject(error instanceof GatewayError ? error : new GatewayError("unreachable", 502, "The git host could not be reached or broke off the connection. Try again; if it keeps failing, check the repository's address."));
    };
    const onAbort = () => fail(new GatewayError("unreachable", 499, "The client went away."));
    if (input.signal.aborted) return onAbort();
    input.signal.addEventListener("abort", onAbort, { once: true });

    const headersTimer = setTimeout(() => fail(new GatewayError("unreachable", 504, "The git host did not answer in time. Try again in a moment; your work stays in the session.")), limits.headersTimeoutMs);
    request.setTimeout(limits.idleTimeoutMs, () => request.destroy(new GatewayError("unreachable", 504, "The git host stopped sending. Try again in a moment; your work stays in the session.")));
    request.on("error", (error) => {
      clearTimeout(headersTimer);
      fail(error);
    });
    request.on("close", () => {
      clearTimeout(headersTimer);
      input.signal.removeEventListener("abort", onAbort);
    });

    request.on("response", (response) => {
      answered = true;
      clearTimeout(headersTimer);
      let settle: (done: boolean) => void = () => {};
      const finished = new Promise<boolean>((done) => (settle = done));
      response.on("end", () => settle(true));
      response.on("close", () => settle(false));
      response.on("error", () => settle(false));
      const body = new ReadableStream<Uint8Array>(
        {
          start(controller) {
            response.on("data", (chunk: Buffer) => {
              controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
              if ((controller.desiredSize ?? 0) <= 0) response.pause();
            });
            response.on("end", () => controller.close());
            response.on("error", (error) => controller.error(error));
            response.on("aborted", () => controller.error(new Error("The git host closed the connection.")));
          },
          pull() {
            response.resume();
          },
          cancel() {
            request.destroy();
          },
        },
        { highWaterMark: 1024 * 1024, size: (chunk) => chunk.byteLength },
      );
      resolve({ status: response.statusCode ?? 502, headers: response.headers, body, finished, discard: () => request.destroy() });
    });

    if (input.body) {
      const source = Readable.fromWeb(input.body as unknown as NodeWebReadableStream<Uint8Array>);
      pipeline(source, meter(limits.maxRequestBytes), request, (error) => {
        if (error) fail(error);
      });
    } else {
      request.end();
    }
  });
}
