import fs from "node:fs";
import net from "node:net";
import { GetObjectCommand, ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { startS3Server } from "./start-s3-server";

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe("startS3Server", () => {
  it("runs s3rver in its own process on the given port, seeded, and stops it", async () => {
    const port = await freePort();
    const server = await startS3Server({ port, buckets: [{ name: "seeded", objects: { "a/b.bin": Buffer.from([0, 255, 10]) } }] });
    const client = new S3Client({ endpoint: server.endpoint, region: "us-east-1", forcePathStyle: true, credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey } });
    try {
      expect(server.endpoint).toBe(`http://127.0.0.1:${port}`);
      expect(server.pid).not.toBe(process.pid);
      expect(isAlive(server.pid)).toBe(true);
      expect(fs.existsSync(server.directory)).toBe(true);
      const buckets = await client.send(new ListBucketsCommand({}));
      expect(buckets.Buckets?.map((b) => b.Name)).toEqual(["seeded"]);
      const object = await client.send(new GetObjectCommand({ Bucket: "seeded", Key: "a/b.bin" }));
      expect(Array.from(await object.Body!.transformToByteArray())).toEqual([0, 255, 10]);
    } finally {
      client.destroy();
      await server.stop();
    }
    expect(isAlive(server.pid)).toBe(false);
    await expect(fetch(server.endpoint)).rejects.toThrow();
    expect(fs.existsSync(server.directory)).toBe(false);
  }, 60_000);
});
