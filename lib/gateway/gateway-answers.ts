import { REFUSAL_HEADER, type GatewayRefusalCode } from "../workspace/gateway-refusal";

/** A refusal: its kind in a header for the session (lib/workspace/gateway-refusal.ts), the words for a person in the body. */
export const refusalText = (status: number, body: string, code: GatewayRefusalCode) =>
  new Response(body + "\n", { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", [REFUSAL_HEADER]: code } });

export const NOT_A_TARGET = "Not found. The git gateway only reaches the git URLs of your registered repositories and of the linked projects you belong to.";

/** At most this much of a refusal's body is read, for the host's own words. */
const REFUSAL_BYTES = 2048;

/** The start of a body (a refusal's words), the rest left unread and the connection closed. */
export async function readStart(body: ReadableStream<Uint8Array>, limit = REFUSAL_BYTES): Promise<string> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return Buffer.concat(chunks).subarray(0, limit).toString("utf8");
}
