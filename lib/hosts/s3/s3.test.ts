// The S3 adapter against a real S3-compatible server process (s3rver, see
// e2e/hosts/s3/start-s3-server.ts), plus the error mapping for answers s3rver
// cannot give (AccessDenied, SlowDown, wrong region).
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import https from "node:https";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { S3ServiceException } from "@aws-sdk/client-s3";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startS3Server, type S3Server } from "@/e2e/hosts/s3/start-s3-server";
import { HostError, isHostError } from "../errors";
import type { S3Credentials } from "../types";
import { createS3Adapter, maxListEntries } from "./create-s3-adapter";
import { toHostError } from "./to-host-error";
import { validateS3Location } from "./validate-s3-location";

const binary = crypto.randomBytes(300_000);
const allBytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
const manyKeys = Array.from({ length: maxListEntries + 5 }, (_, i) => `many/${String(i).padStart(5, "0")}.txt`);

async function failureOf(run: () => Promise<unknown> | unknown): Promise<HostError> {
  try {
    await run();
  } catch (error) {
    if (!isHostError(error)) throw error;
    return error;
  }
  throw new Error("expected a HostError");
}

function withEnv(name: string, value: string | undefined): () => void {
  const before = process.env[name];
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
  return () => {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
  };
}

describe("S3 adapter against s3rver", () => {
  let server: S3Server;
  let keys: S3Credentials;
  let restoreEnv: (() => void) | undefined;
  const adapter = (bucket: string, credentials: S3Credentials | null = keys, endpoint = server.endpoint) =>
    createS3Adapter({ location: { bucket, region: null, endpoint }, credentials });

  beforeAll(async () => {
    server = await startS3Server({
      buckets: [
        {
          name: "data",
          objects: {
            "README.md": "# Data\n",
            "docs/guide.md": "guide",
            "docs/api/v1.json": '{"v":1}',
            "images/logo.bin": binary,
            "images/bytes.bin": allBytes,
            "big.txt": "x".repeat(4096),
          },
        },
        { name: "empty", objects: {} },
        { name: "public-data", objects: { "hello.txt": "hello" }, public: true },
        { name: "many", objects: Object.fromEntries(manyKeys.map((k) => [k, "1"])) },
      ],
    });
    keys = { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey };
  }, 120_000);
  afterAll(async () => server?.stop());
  // The s3rver endpoint is plain http on loopback: the operator's exception must list it.
  beforeEach(() => {
    restoreEnv = withEnv("BENCHTOP_INSECURE_HOSTS", `127.0.0.1:${server.port}`);
  });
  afterEach(() => restoreEnv?.());

  it("tests the connection to a bucket with objects", async () => {
    const report = await adapter("data").testConnection();
    expect(report).toEqual({ bucket: "data", canList: true, canRead: true, objectCount: 6, message: "Listed and read objects in bucket 'data'." });
  });

  it("tests the connection to an empty bucket", async () => {
    const report = await adapter("empty").testConnection();
    expect(report).toMatchObject({ bucket: "empty", canList: true, canRead: false, objectCount: 0 });
    expect(report.message).toMatch(/empty, so reading could not be checked/);
  });

  it("lists the top of the bucket: folders first, then objects with sizes", async () => {
    expect(await adapter("data").listFiles({})).toEqual([
      { path: "docs", type: "dir", size: null },
      { path: "images", type: "dir", size: null },
      { path: "README.md", type: "file", size: 7 },
      { path: "big.txt", type: "file", size: 4096 },
    ]);
  });

  it("lists by prefix, with or without slashes", async () => {
    const expected = [
      { path: "docs/api", type: "dir", size: null },
      { path: "docs/guide.md", type: "file", size: 5 },
    ];
    expect(await adapter("data").listFiles({ prefix: "docs" })).toEqual(expected);
    expect(await adapter("data").listFiles({ prefix: "/docs/" })).toEqual(expected);
    expect(await adapter("data").listFiles({ prefix: "images/" })).toEqual([
      { path: "images/bytes.bin", type: "file", size: 256 },
      { path: "images/logo.bin", type: "file", size: binary.length },
    ]);
    expect(await adapter("data").listFiles({ prefix: "nothing-here" })).toEqual([]);
  });

  it("pages through long listings and stops at the cap", async () => {
    const files = await adapter("many").listFiles({ prefix: "many" });
    expect(files).toHaveLength(maxListEntries);
    expect(files[0]).toEqual({ path: "many/00000.txt", type: "file", size: 1 });
    expect(files.at(-1)?.path).toBe(manyKeys[maxListEntries - 1]);
  });

  it("reads objects byte for byte, text and binary", async () => {
    const data = adapter("data");
    expect(new TextDecoder().decode(await data.readFile({ path: "docs/api/v1.json" }))).toBe('{"v":1}');
    expect(Buffer.from(await data.readFile({ path: "images/logo.bin" })).equals(binary)).toBe(true);
    expect(Buffer.from(await data.readFile({ path: "/images/bytes.bin" })).equals(allBytes)).toBe(true);
  });

  it("refuses objects over the size limit, and folder paths", async () => {
    const small = createS3Adapter({ location: { bucket: "data", region: null, endpoint: server.endpoint }, credentials: keys, maxObjectBytes: 1024 });
    const error = await failureOf(() => small.readFile({ path: "big.txt" }));
    expect(error.code).toBe("too_large");
    expect(error.message).toBe("'big.txt' is 4 KB; Benchtop reads objects of up to 1 KB.");
    expect((await failureOf(() => adapter("data").readFile({ path: "docs/" }))).code).toBe("invalid_location");
  });

  it("says a missing object is missing", async () => {
    const error = await failureOf(() => adapter("data").readFile({ path: "docs/nope.md" }));
    expect(error.code).toBe("not_found");
    expect(error.message).toBe("'docs/nope.md' was not found in bucket 'data'.");
  });

  it("reads a public bucket without keys, with unsigned requests", async () => {
    // Were the SDK to fall back to credentials from the environment, s3rver would refuse this key.
    const restoreKey = withEnv("AWS_ACCESS_KEY_ID", "AKIAENVIRONMENTKEY");
    const restoreSecret = withEnv("AWS_SECRET_ACCESS_KEY", "environment-secret");
    try {
      const anonymous = adapter("public-data", null);
      expect((await anonymous.testConnection()).canRead).toBe(true);
      expect(await anonymous.listFiles({})).toEqual([{ path: "hello.txt", type: "file", size: 5 }]);
      expect(new TextDecoder().decode(await anonymous.readFile({ path: "hello.txt" }))).toBe("hello");
    } finally {
      restoreSecret();
      restoreKey();
    }
  });

  it("says unknown keys are bad credentials", async () => {
    const error = await failureOf(() => adapter("data", { accessKeyId: "AKIAWRONGWRONGWRONG", secretAccessKey: "wrong" }).testConnection());
    expect(error.code).toBe("bad_credentials");
    expect(error.apiCode).toBe("upstream_error");
    expect(error.message).toMatch(/^The access key ID or secret access key is wrong, or the session token expired/);
  });

  it("says a missing bucket is missing", async () => {
    const error = await failureOf(() => adapter("no-such-bucket").testConnection());
    expect(error.code).toBe("not_found");
    expect(error.message).toMatch(/Bucket 'no-such-bucket' does not exist/);
    expect((await failureOf(() => adapter("no-such-bucket").listFiles({}))).code).toBe("not_found");
  });

  it("refuses an invalid bucket name before contacting anything", async () => {
    for (const bucket of ["ab", "My-Bucket", "bucket_name", "192.168.1.1", "-bucket", "a..b", "x".repeat(64)]) {
      const error = await failureOf(() => adapter(bucket));
      expect(error.code, bucket).toBe("invalid_location");
      expect(error.fields, bucket).toHaveProperty("bucket");
    }
  });

  it("refuses a plain http endpoint that is not on BENCHTOP_INSECURE_HOSTS", async () => {
    restoreEnv?.();
    restoreEnv = withEnv("BENCHTOP_INSECURE_HOSTS", undefined);
    const error = await failureOf(() => adapter("data"));
    expect(error.code).toBe("not_allowed");
    expect(error.fields).toHaveProperty("endpoint");
    expect(error.message).toMatch(/https only/);
  });

  it("refuses an https endpoint whose name resolves to loopback when it is not listed", async () => {
    restoreEnv?.();
    restoreEnv = withEnv("BENCHTOP_INSECURE_HOSTS", undefined);
    const error = await failureOf(() => adapter("data", keys, `https://localhost:${server.port}`).testConnection());
    expect(error.code).toBe("not_allowed");
    expect(error.message).toMatch(/private or local address/);
    const literal = await failureOf(() => adapter("data", keys, `https://127.0.0.1:${server.port}`));
    expect(literal.code).toBe("not_allowed");
  });

  it("reaches a listed name that resolves to loopback", async () => {
    restoreEnv?.();
    restoreEnv = withEnv("BENCHTOP_INSECURE_HOSTS", `localhost:${server.port}`);
    expect((await adapter("data", keys, `http://localhost:${server.port}`).testConnection()).canRead).toBe(true);
  });
});

describe("S3 adapter, network failures", () => {
  let restoreEnv: (() => void) | undefined;
  afterEach(() => restoreEnv?.());

  it("says an endpoint nobody listens on is unreachable", async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as net.AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    restoreEnv = withEnv("BENCHTOP_INSECURE_HOSTS", `127.0.0.1:${port}`);
    const error = await failureOf(() => createS3Adapter({ location: { bucket: "data", region: null, endpoint: `http://127.0.0.1:${port}` }, credentials: null }).listFiles({}));
    expect(error.code).toBe("unreachable");
    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  it("says a certificate that cannot be verified is a TLS problem", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "s3-tls-"));
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem")], { stdio: "ignore" });
    const tls = https.createServer({ key: fs.readFileSync(path.join(dir, "key.pem")), cert: fs.readFileSync(path.join(dir, "cert.pem")) }, (_req, res) => res.end());
    await new Promise<void>((resolve) => tls.listen(0, "127.0.0.1", resolve));
    const { port } = tls.address() as net.AddressInfo;
    restoreEnv = withEnv("BENCHTOP_INSECURE_HOSTS", `127.0.0.1:${port}`);
    try {
      const error = await failureOf(() => createS3Adapter({ location: { bucket: "data", region: null, endpoint: `https://127.0.0.1:${port}` }, credentials: null }).listFiles({}));
      expect(error.code).toBe("tls");
      expect(error.message).toMatch(/certificate of 127\.0\.0\.1:\d+ could not be verified \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
    } finally {
      tls.closeAllConnections();
      await new Promise((resolve) => tls.close(resolve));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("S3 error mapping", () => {
  const context = { bucket: "data", action: "list" as const, host: "s3.us-east-1.amazonaws.com", anonymous: false };
  const serviceError = (name: string, status: number, extra: Record<string, unknown> = {}) =>
    Object.assign(new S3ServiceException({ name, $fault: status >= 500 ? "server" : "client", $metadata: { httpStatusCode: status }, message: "provider words" }), extra);

  it("maps credential failures", () => {
    for (const name of ["InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken"]) {
      const error = toHostError(serviceError(name, name === "ExpiredToken" ? 400 : 403), context);
      expect(error.code, name).toBe("bad_credentials");
      expect(error.message).not.toMatch(/provider words/);
    }
  });

  it("names the permission a refused key lacks", () => {
    expect(toHostError(serviceError("AccessDenied", 403), context).message).toBe("The access key may not list bucket 'data': it needs s3:ListBucket on arn:aws:s3:::data.");
    const read = toHostError(serviceError("AccessDenied", 403), { ...context, action: "read", key: "a.txt" });
    expect(read.code).toBe("no_permission");
    expect(read.message).toMatch(/s3:GetObject on arn:aws:s3:::data\/\*/);
    expect(toHostError(serviceError("AccessDenied", 403), { ...context, anonymous: true }).message).toMatch(/does not allow anonymous listing. Add an access key/);
  });

  it("maps throttling to a rate limit that resets in about 30 seconds", () => {
    for (const error of [serviceError("SlowDown", 503), serviceError("ServiceUnavailable", 503)]) {
      const mapped = toHostError(error, context);
      expect(mapped.code).toBe("rate_limited");
      expect(mapped.apiCode).toBe("rate_limited");
      const resetIn = Date.parse(mapped.resetAt ?? "") - Date.now();
      expect(resetIn).toBeGreaterThan(25_000);
      expect(resetIn).toBeLessThanOrEqual(30_000);
    }
  });

  it("says when the bucket is in another region", () => {
    const error = toHostError(serviceError("PermanentRedirect", 301, { Region: "eu-west-3" }), context);
    expect(error.code).toBe("invalid_location");
    expect(error.fields).toHaveProperty("region");
    expect(error.message).toMatch(/another region \(eu-west-3\)/);
  });

  it("maps network, policy, timeout and TLS failures", () => {
    const nodeError = (code: string) => Object.assign(new Error("socket words"), { code });
    expect(toHostError(nodeError("ENOTFOUND"), context).code).toBe("unreachable");
    expect(toHostError(Object.assign(new Error("slow"), { name: "TimeoutError" }), context).code).toBe("unreachable");
    expect(toHostError(nodeError("ENOTALLOWED"), context).code).toBe("not_allowed");
    expect(toHostError(nodeError("CERT_HAS_EXPIRED"), context).code).toBe("tls");
    expect(toHostError(new Error("wrapped", { cause: nodeError("ERR_TLS_CERT_ALTNAME_INVALID") }), context).code).toBe("tls");
  });

  it("reports anything else as an upstream error without the provider's words", () => {
    const error = toHostError(serviceError("InternalError", 500), context);
    expect(error.code).toBe("upstream");
    expect(error.message).toBe("The storage service at s3.us-east-1.amazonaws.com answered with an error (InternalError, HTTP 500).");
  });
});

describe("S3 location validation", () => {
  it("normalises what the user typed", () => {
    expect(validateS3Location({ bucket: " my.bucket-1 ", region: " EU-West-3 ", endpoint: "https://minio.example.com:9000/" })).toEqual({
      bucket: "my.bucket-1",
      region: "eu-west-3",
      endpoint: "https://minio.example.com:9000",
    });
    expect(validateS3Location({ bucket: "abc", region: "", endpoint: "" })).toEqual({ bucket: "abc", region: null, endpoint: null });
  });

  it("refuses bad regions and endpoints with the field to fix", async () => {
    const cases: [Parameters<typeof validateS3Location>[0], string][] = [
      [{ bucket: "abc", region: "us east 1" }, "region"],
      [{ bucket: "abc", endpoint: "minio:9000" }, "endpoint"],
      [{ bucket: "abc", endpoint: "ftp://minio.example.com" }, "endpoint"],
      [{ bucket: "abc", endpoint: "https://key:secret@minio.example.com" }, "endpoint"],
    ];
    for (const [input, field] of cases) {
      const error = await failureOf(() => validateS3Location(input));
      expect(error.code).toBe("invalid_location");
      expect(error.fields).toHaveProperty(field);
    }
  });

  it("refuses half a key pair", async () => {
    const error = await failureOf(() => createS3Adapter({ location: { bucket: "abc", region: null, endpoint: null }, credentials: { accessKeyId: "AKIA", secretAccessKey: " " } }));
    expect(error.fields).toHaveProperty("secretAccessKey");
  });
});
