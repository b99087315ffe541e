import fs from "node:fs/promises";
import { serverLfsObjectFile } from "../lfs-objects";

const CHUNK = 1024 * 1024;

/**
 * An object's content as a stream that reads the file a chunk at a time, only
 * as fast as the client takes it (a pull source: nothing piles up in memory
 * for a slow client), with its size. Undefined when the file is missing.
 */
export async function readObject(oid: string): Promise<{ body: ReadableStream<Uint8Array>; size: number } | undefined> {
  const handle = await fs.open(serverLfsObjectFile(oid), "r").catch(() => undefined);
  if (!handle) return undefined;
  const { size } = await handle.stat();
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { bytesRead, buffer } = await handle.read(Buffer.allocUnsafe(CHUNK), 0, CHUNK, null);
        if (bytesRead === 0) {
          await close();
          controller.close();
        } else controller.enqueue(new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead));
      } catch (error) {
        await close();
        controller.error(error);
      }
    },
    cancel: close,
  });
  return { body, size };
}
