import { readBoundedBody } from "../../http/read-bounded-body";
import { REFUSAL_HEADER, type GatewayRefusalCode } from "../../workspace/gateway-refusal";
import { GatewayError } from "../gateway-error";
import { LFS_MEDIA_TYPE } from "./parse-lfs-path";

const baseHeaders = { "content-type": LFS_MEDIA_TYPE, "cache-control": "no-store", "x-content-type-options": "nosniff" };

/** A JSON answer of the LFS API. */
export const lfsJson = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: baseHeaders });

/**
 * A refusal in the shape git-lfs shows (`{"message"}`, which it prints as the
 * server's words), with its kind in the header the session reads.
 */
export const lfsRefusal = (status: number, message: string, code: GatewayRefusalCode) =>
  new Response(JSON.stringify({ message }), { status, headers: { ...baseHeaders, [REFUSAL_HEADER]: code } });

/** A whole small body (a JSON request or answer), refused past `limit` bytes. */
export const readSmallBody = (body: ReadableStream<Uint8Array> | null, limit: number, tooLarge: string): Promise<string> =>
  readBoundedBody(body, limit, () => new GatewayError("too_large", 413, tooLarge));

/** The `message` of a host's JSON refusal (GitHub and GitLab both say it there), else the text itself. */
export function hostWords(text: string): string {
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (parsed && typeof parsed.message === "string") return parsed.message;
  } catch {
    // not JSON: plain words, or nothing useful
  }
  return text;
}
