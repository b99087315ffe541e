import type { TransferGrant } from "./transfer-grant";

/** Headers a host's action may not set: the connection's own, which the gateway decides. */
const HOP_BY_HOP = new Set(["host", "connection", "keep-alive", "proxy-authorization", "proxy-authenticate", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "content-length", "expect", "cookie"]);

/**
 * What goes upstream for a relayed transfer: the action's own headers (its
 * Authorization, signed values) as the host gave them, then what the basic
 * transfer adapter sends: an upload's exact length and type, a verification's
 * JSON body.
 */
export function transferHeaders({ grant, userAgent, verifyBody, mediaType }: { grant: TransferGrant; userAgent: string | null; verifyBody: string | null; mediaType: string }): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(grant.header)) {
    const lower = name.toLowerCase();
    // A header name or value that could split the request is not sent at all.
    if (HOP_BY_HOP.has(lower) || !/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(lower) || /[\r\n\0]/.test(value)) continue;
    headers[lower] = value;
  }
  if (userAgent && !headers["user-agent"]) headers["user-agent"] = userAgent;
  if (grant.action === "upload") {
    headers["content-type"] ??= "application/octet-stream";
    headers["content-length"] = String(grant.size);
  }
  if (verifyBody !== null) {
    headers["content-type"] = mediaType;
    headers.accept = mediaType;
    headers["content-length"] = String(Buffer.byteLength(verifyBody));
  }
  return headers;
}

/** The body, failing (and so cutting the client's download short) past `limit` bytes. */
export function capStream(body: ReadableStream<Uint8Array>, limit: number): ReadableStream<Uint8Array> {
  let total = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        total += chunk.byteLength;
        if (total > limit) controller.error(new Error(`more than the declared ${limit} bytes`));
        else controller.enqueue(chunk);
      },
    }),
  );
}
