// A storage service for the emulators' Git LFS objects, standing for the S3 or
// GCS bucket that GitHub and GitLab hand transfers to: its own HTTP server (a
// second host), reached only through signed URLs in the S3 presigned style
// (X-Amz-Date, X-Amz-Expires, X-Amz-Signature over method, path, host and, for
// uploads, the length) and, when the host asked for one, an action header it
// checks too. Uploads are streamed to a temporary folder and kept only when
// their SHA-256 is the object id. Errors answer S3's XML, which names the
// storage host: a relay must never pass it on.
//
// Test-only controls (no storage service has them):
//   GET /_storage/objects  {"objects":[{"oid","size"}]}
//   GET /_storage/issued   {"signatures":[...],"headerTokens":[...]}  every secret value handed out
//   GET /_storage/log      {"requests":[{"method","path","status","reason"}]}
import crypto from "node:crypto";
import fs from "node:fs";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";

export type SignedAction = { href: string; header?: Record<string, string> };

export type LfsStorage = {
  /** Where the server listens: http://127.0.0.1:{port}. */
  url: string;
  /**
   * A signed URL for one object (and, with `withHeader`, an Authorization header
   * the storage also requires). `origin` overrides where the URL points (a test
   * pointing transfers at an address Benchtop must refuse).
   */
  sign(options: { method: "GET" | "PUT"; oid: string; size: number; expiresIn: number; withHeader?: boolean; origin?: string }): SignedAction;
  /** The size of a stored object, or null. */
  sizeOf(oid: string): number | null;
  /** Stores an object from a stream, checking its length and SHA-256 (for a host that takes uploads itself, as GitLab does). */
  put(options: { oid: string; size: number; body: NodeJS.ReadableStream }): Promise<{ ok: true } | { ok: false; reason: string }>;
  stop(): Promise<void>;
};

const SECRET_HEADER_PREFIX = "RemoteAuth ";
const amzDate = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
const parseAmzDate = (text: string) => Date.parse(text.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z"));
const objectPath = (oid: string) => `/lfs-objects/${oid.slice(0, 2)}/${oid.slice(2, 4)}/${oid}`;

function s3Error(res: ServerResponse, status: number, code: string, message: string, host: string): void {
  res.writeHead(status, { "content-type": "application/xml", "x-amz-request-id": crypto.randomBytes(8).toString("hex").toUpperCase() });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><HostId>${host}</HostId></Error>`);
}

/** Starts the storage service on 127.0.0.1 (a free port unless one is given). */
export async function startLfsStorage({ port = 0 }: { port?: number } = {}): Promise<LfsStorage> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lfs-storage-"));
  const secret = crypto.randomBytes(32);
  const sizes = new Map<string, number>();
  const issued = { signatures: [] as string[], headerTokens: [] as string[] };
  const log: { method: string; path: string; status: number; reason: string }[] = [];
  const mac = (text: string) => crypto.createHmac("sha256", secret).update(text).digest("hex");
  // What a signature covers: a relay may change none of it (the header flag included, so the header check cannot be dropped).
  const signature = ({ method, pathname, host, date, expires, length, header }: { method: string; pathname: string; host: string; date: string; expires: string; length: string; header: string }) =>
    mac(["AWS4-HMAC-SHA256", method, pathname, host.toLowerCase(), date, expires, length, header].join("\n"));
  const headerToken = (method: string, oid: string) => `${SECRET_HEADER_PREFIX}${mac(`header\n${method}\n${oid}`).slice(0, 40)}`;

  async function put({ oid, size, body }: { oid: string; size: number; body: NodeJS.ReadableStream }) {
    const partial = path.join(dir, `${oid}.${crypto.randomBytes(4).toString("hex")}.partial`);
    const hash = crypto.createHash("sha256");
    let received = 0;
    const count = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        received += chunk.length;
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    try {
      await pipeline(body, count, fs.createWriteStream(partial));
    } catch {
      fs.rmSync(partial, { force: true });
      return { ok: false as const, reason: "the upload broke off" };
    }
    const digest = hash.digest("hex");
    if (received !== size || digest !== oid) {
      fs.rmSync(partial, { force: true });
      return { ok: false as const, reason: received !== size ? `received ${received} bytes, expected ${size}` : `the content's SHA-256 is ${digest}, not the object id` };
    }
    fs.renameSync(partial, path.join(dir, oid));
    sizes.set(oid, size);
    return { ok: true as const };
  }

  /** Why a transfer request is refused, or null when its signature, expiry and header hold. */
  function refusal(req: IncomingMessage, url: URL, oid: string): { status: number; code: string; reason: string } | null {
    const q = url.searchParams;
    const [date, expires, given] = [q.get("X-Amz-Date"), q.get("X-Amz-Expires"), q.get("X-Amz-Signature")];
    if (!date || !expires || !given) return { status: 403, code: "AccessDenied", reason: "no signature" };
    const length = req.method === "PUT" ? String(req.headers["content-length"] ?? "") : "";
    const expected = signature({ method: req.method ?? "GET", pathname: url.pathname, host: req.headers.host ?? "", date, expires, length, header: q.get("x-id") ?? "" });
    if (given.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected))) return { status: 403, code: "SignatureDoesNotMatch", reason: "signature does not match" };
    if (Date.now() > parseAmzDate(date) + Number(expires) * 1000) return { status: 403, code: "AccessDenied", reason: "Request has expired" };
    if (q.get("x-id") === "h" && req.headers.authorization !== headerToken(req.method ?? "GET", oid)) return { status: 403, code: "AccessDenied", reason: "missing or wrong action header" };
    return null;
  }

  async function serveObject(req: IncomingMessage, res: ServerResponse, url: URL, host: string): Promise<string> {
    const oid = /^\/lfs-objects\/[0-9a-f]{2}\/[0-9a-f]{2}\/([0-9a-f]{64})$/.exec(url.pathname)?.[1];
    if (!oid || (req.method !== "GET" && req.method !== "PUT")) return s3Error(res, 404, "NoSuchKey", "The specified key does not exist.", host), "no such key";
    const refused = refusal(req, url, oid);
    if (refused) return s3Error(res, refused.status, refused.code, refused.reason, host), refused.reason;
    const amz = { "x-amz-request-id": crypto.randomBytes(8).toString("hex").toUpperCase(), "x-amz-id-2": crypto.randomBytes(24).toString("base64"), "set-cookie": `AWSALB=${crypto.randomBytes(8).toString("hex")}; Path=/; Domain=${host}` };
    if (req.method === "GET") {
      const size = sizes.get(oid);
      if (size === undefined) return s3Error(res, 404, "NoSuchKey", "The specified key does not exist.", host), "no such key";
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(size), etag: `"${oid.slice(0, 32)}"`, ...amz });
      await pipeline(fs.createReadStream(path.join(dir, oid)), res);
      return "ok";
    }
    const stored = await put({ oid, size: Number(req.headers["content-length"]), body: req });
    if (!stored.ok) return s3Error(res, 400, "BadDigest", stored.reason, host), stored.reason;
    res.writeHead(200, { etag: `"${oid.slice(0, 32)}"`, "content-length": "0", ...amz }).end();
    return "ok";
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://storage");
    const host = req.headers.host ?? "storage";
    if (req.method === "GET" && url.pathname === "/_storage/objects") return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ objects: [...sizes].map(([oid, size]) => ({ oid, size })) }));
    if (req.method === "GET" && url.pathname === "/_storage/issued") return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(issued));
    if (req.method === "GET" && url.pathname === "/_storage/log") return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ requests: log }));
    serveObject(req, res, url, host).then(
      (reason) => log.push({ method: req.method ?? "", path: url.pathname, status: res.statusCode, reason }),
      () => (res.headersSent ? res.destroy() : s3Error(res, 500, "InternalError", "We encountered an internal error.", host)),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    sign({ method, oid, size, expiresIn, withHeader = false, origin = url }) {
      const target = new URL(objectPath(oid), origin);
      const date = amzDate(Date.now());
      const expires = String(expiresIn);
      const query = new URLSearchParams({
        "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
        "X-Amz-Credential": `EMULATORKEY/${date.slice(0, 8)}/us-east-1/s3/aws4_request`,
        "X-Amz-Date": date,
        "X-Amz-Expires": expires,
        "X-Amz-SignedHeaders": method === "PUT" ? "content-length;host" : "host",
        ...(withHeader ? { "x-id": "h" } : {}),
      });
      const sig = signature({ method, pathname: target.pathname, host: target.host, date, expires, length: method === "PUT" ? String(size) : "", header: withHeader ? "h" : "" });
      query.set("X-Amz-Signature", sig);
      issued.signatures.push(sig);
      const action: SignedAction = { href: `${target.origin}${target.pathname}?${query}` };
      if (withHeader) {
        const token = headerToken(method, oid);
        issued.headerTokens.push(token.slice(SECRET_HEADER_PREFIX.length));
        action.header = { Authorization: token };
      }
      return action;
    },
    sizeOf: (oid) => sizes.get(oid) ?? null,
    put,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
