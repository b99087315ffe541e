// A real S3-compatible server for tests: s3rver 3.7.1 in its own Node process,
// on loopback, over a temporary directory, seeded through the AWS SDK.
//
// What s3rver does and does not check (read from its source, 3.7.1):
// - Signed requests with an unknown access key are refused (InvalidAccessKeyId).
//   The only account is S3RVER / S3RVER.
// - Signature V4 is not verified: a wrong *secret* with the right key ID passes.
// - Unsigned requests are served for every bucket: s3rver has no ACLs or bucket
//   policies, so `public` below cannot make a bucket private or public; every
//   bucket is public to anonymous requests. Refusal of anonymous access cannot
//   be shown against s3rver.
// - Its continuation tokens (listings longer than one page) are DES-encrypted,
//   which OpenSSL 3 only offers through its legacy provider: without
//   --openssl-legacy-provider every paginated listing fails with InternalError.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";

export type SeedBucket = { name: string; objects: Record<string, string | Buffer>; public?: boolean };

export type S3Server = {
  /** http://127.0.0.1:PORT */
  endpoint: string;
  port: number;
  accessKeyId: "S3RVER";
  secretAccessKey: "S3RVER";
  /** The server's process id (not this process's). */
  pid: number;
  /** Where s3rver keeps the buckets; removed by stop(). */
  directory: string;
  stop(): Promise<void>;
};

const runner = path.join(__dirname, "s3rver-runner.mjs");

function waitForPort(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => fail(new Error(`s3rver did not start within ${timeoutMs} ms. ${stderr}`)), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(error);
    };
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split("\n").find((l) => l.startsWith("{"));
      if (!line) return;
      clearTimeout(timer);
      child.off("exit", onExit);
      resolve((JSON.parse(line) as { port: number }).port);
    });
    const onExit = (code: number | null) => fail(new Error(`s3rver exited with ${code} before listening. ${stderr}`));
    child.once("exit", onExit);
  });
}

async function seed(endpoint: string, buckets: SeedBucket[]): Promise<void> {
  const client = new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
  try {
    for (const bucket of buckets) {
      await client.send(new CreateBucketCommand({ Bucket: bucket.name }));
      for (const [key, body] of Object.entries(bucket.objects)) {
        await client.send(new PutObjectCommand({ Bucket: bucket.name, Key: key, Body: typeof body === "string" ? Buffer.from(body) : body }));
      }
    }
  } finally {
    client.destroy();
  }
}

/** Starts s3rver in a child process (port 0 = any free port) and creates and fills the buckets. */
export async function startS3Server({ port = 0, buckets = [] }: { port?: number; buckets?: SeedBucket[] } = {}): Promise<S3Server> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "s3rver-"));
  const child = spawn(process.execPath, ["--openssl-legacy-provider", runner, directory, String(port)], { stdio: ["pipe", "pipe", "pipe"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(directory, { recursive: true, force: true });
  };
  try {
    const actualPort = await waitForPort(child, 15_000);
    const endpoint = `http://127.0.0.1:${actualPort}`;
    await seed(endpoint, buckets);
    return { endpoint, port: actualPort, accessKeyId: "S3RVER", secretAccessKey: "S3RVER", pid: child.pid!, directory, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
