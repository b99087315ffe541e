/**
 * A response body read from `source` only as fast as the client takes it (one
 * chunk ahead), so an archive of any size passes without being held in memory.
 * `finished` is awaited before the body ends, so a producer that failed late
 * (git exiting non-zero) breaks the download off instead of ending it as if it
 * were whole. `onClose` runs once, however the body ends: read to the end,
 * failed, cancelled, or the client gone (`signal`).
 */
export function streamBody({
  source,
  finished = async () => {},
  onClose,
  signal,
}: {
  source: AsyncIterable<Uint8Array>;
  finished?: () => Promise<void>;
  onClose: () => Promise<void> | void;
  signal?: AbortSignal;
}): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    signal?.removeEventListener("abort", stop);
    await iterator.return?.().catch(() => undefined);
    await onClose();
  };
  const stop = () => void close();
  if (signal?.aborted) stop();
  else signal?.addEventListener("abort", stop, { once: true });

  // Ended from outside (the client left): whoever still reads sees an error, never a whole-looking end.
  const abandon = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    try {
      controller.error(new Error("The download was cancelled."));
    } catch {
      // Already cancelled by the reader.
    }
  };

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await iterator.next();
        if (closed) return abandon(controller);
        if (!done) return controller.enqueue(value);
        await finished();
      } catch (error) {
        if (closed) return abandon(controller);
        console.error("Benchtop: an archive broke off while it was sent:", error instanceof Error ? error.message : error);
        await close();
        return controller.error(error);
      }
      // Cleaned up before the body ends, so whoever reads it to the end finds nothing left behind.
      await close();
      controller.close();
    },
    cancel: close,
  });
}
