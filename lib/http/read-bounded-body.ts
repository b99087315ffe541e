/**
 * A whole small body as text, stopped and cancelled as soon as it passes `limit`
 * bytes (whatever Content-Length said), so an oversized body is never held.
 * `tooLarge` makes the error the caller answers with.
 */
export async function readBoundedBody(body: ReadableStream<Uint8Array> | null, limit: number, tooLarge: () => Error): Promise<string> {
  if (!body) return "";
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
