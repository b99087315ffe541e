// The contract between the git gateway (lib/gateway, on the server) and the
// session (here, in the browser): a refusal carries its kind in a header, and
// the words for a person in the body. The session reacts to the kind and shows
// the words; it never reads meaning out of the sentence.
import type { HttpClient } from "isomorphic-git";
import type { WorkspaceErrorCode } from "./errors";

/** The response header that names the kind of a gateway refusal. */
export const REFUSAL_HEADER = "x-benchtop-refusal";

/** Every kind of refusal the gateway answers with, and what the session makes of it. */
export const gatewayRefusals = {
  /** 401: no Benchtop session (signed out or expired). */
  sign_in_required: "unauthorized",
  /** 403: the request did not come from Benchtop's own pages. */
  cross_site: "forbidden",
  /** 404: not a git URL the caller may reach through the gateway. */
  not_a_target: "not_found",
  /** 403: a project viewer tried to push. */
  read_only: "forbidden",
  /** 413: the request body is over the gateway's limit. */
  too_large: "upstream",
  /** 403: the host is not reached over https, or resolves to a private address. */
  host_not_allowed: "forbidden",
  /** 502/504: the host could not be found, reached, or did not answer in time. */
  unreachable: "upstream",
  /** 502: the host redirected (the repository moved); redirects are not followed. */
  moved: "upstream",
  /** 401: the host refused the repository's stored token. */
  token_refused: "unauthorized",
  /** 401: the host refused the token of the caller's connection to it. */
  connection_refused: "unauthorized",
  /** 401: the host asks for a credential and there is none. */
  credential_required: "unauthorized",
  /** 401: the caller's connection must be made again (its renewal was refused). */
  connection_required: "unauthorized",
  /** 423: an administrator is moving the project to another git host; pushes wait until it is done. */
  being_moved: "upstream",
  /** 403: the host refused a push. */
  push_refused: "forbidden",
  /** 403: the host refused to let the credential read the repository. */
  read_refused: "forbidden",
  /** 404: the host has no repository at this address that the credential can see. */
  repository_not_found: "not_found",
  /** Any other refusal of the host, with its status. */
  host_refused: "upstream",
  /** 403: the host refused Git LFS for the repository (on GitHub: its app is not installed there). */
  lfs_refused: "forbidden",
  /** 400/404/405: not a relay URL the gateway made, or used with another method or length than the batch answer said. */
  transfer_invalid: "invalid",
  /** 403: a relay URL past its expiry (at most 15 minutes): ask the batch API again. */
  transfer_expired: "forbidden",
  /** 403: a relay URL made for another Benchtop user. */
  transfer_not_yours: "forbidden",
  /** 502: the storage service (or the host) refused or broke off a relayed transfer. */
  transfer_refused: "upstream",
} as const satisfies Record<string, WorkspaceErrorCode>;

export type GatewayRefusalCode = keyof typeof gatewayRefusals;

export const isGatewayRefusalCode = (value: unknown): value is GatewayRefusalCode => typeof value === "string" && Object.hasOwn(gatewayRefusals, value);

/** At most this much of a refusal's body is kept: the words are a few sentences. */
const WORDS_BYTES = 4096;

/**
 * A refusal of the git gateway as the session receives it: its kind in `code`
 * (the kind the gateway's GatewayError carried), its status and the gateway's
 * words in `data`, where isomorphic-git's HttpError keeps them.
 */
export class GatewayRefusalError extends Error {
  readonly code: GatewayRefusalCode;
  readonly data: { statusCode: number; response: string };

  constructor({ code, statusCode, response }: { code: GatewayRefusalCode; statusCode: number; response: string }) {
    super(`The git gateway refused the request (${code}, HTTP ${statusCode}).`);
    this.name = "GatewayRefusalError";
    this.code = code;
    this.data = { statusCode, response };
  }
}

async function readWords(body: AsyncIterableIterator<Uint8Array> | undefined): Promise<string> {
  if (!body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    if (size < WORDS_BYTES) chunks.push(chunk);
    size += chunk.byteLength;
  }
  const all = new Uint8Array(Math.min(size, WORDS_BYTES));
  let at = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, all.length - at);
    all.set(part, at);
    at += part.length;
  }
  return new TextDecoder().decode(all).trim();
}

/**
 * An HTTP client for isomorphic-git that turns a gateway refusal (a response
 * naming its kind in REFUSAL_HEADER) into a GatewayRefusalError, which keeps
 * the kind that isomorphic-git's own HttpError would drop. Other answers pass
 * through untouched.
 */
export function withGatewayRefusals(http: HttpClient): HttpClient {
  return {
    async request(request) {
      const response = await http.request(request);
      const refusal = response.headers?.[REFUSAL_HEADER];
      if (!isGatewayRefusalCode(refusal)) return response;
      throw new GatewayRefusalError({ code: refusal, statusCode: response.statusCode, response: await readWords(response.body) });
    },
  };
}
