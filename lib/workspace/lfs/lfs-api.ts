import { WorkspaceError, type WorkspaceErrorCode } from "../errors";
import { gatewayRefusals, isGatewayRefusalCode, REFUSAL_HEADER } from "../gateway-refusal";

/** The media type of every Git LFS API request and answer. */
export const LFS_MEDIA_TYPE = "application/vnd.git-lfs+json";

type Action = { href: string; header?: Record<string, string> };
export type BatchObject = {
  oid: string;
  size: number;
  actions?: { download?: Action; upload?: Action; verify?: Action };
  error?: { code: number; message: string };
};

const LFS_OFF_MESSAGE = "Large files (Git LFS) could not be reached.";

/** An LFS refusal as a WorkspaceError: the gateway's kind and words, or the server's `message`, or the status. */
async function refusal(response: Response, what: string): Promise<WorkspaceError> {
  const kind = response.headers.get(REFUSAL_HEADER);
  let said = "";
  try {
    const text = await response.text();
    said = kind ? text.trim() : (((JSON.parse(text) as { message?: unknown }).message as string | undefined) ?? "");
  } catch {
    // Not JSON: the status alone speaks.
  }
  if (typeof said !== "string" || said.length > 1000 || /[<>]/.test(said)) said = "";
  const code: WorkspaceErrorCode =
    kind && isGatewayRefusalCode(kind)
      ? gatewayRefusals[kind]
      : response.status === 401
        ? "unauthorized"
        : response.status === 403
          ? "forbidden"
          : response.status === 404
            ? "not_found"
            : "upstream";
  const fallback =
    code === "unauthorized"
      ? "Your sign-in has expired. Sign in again in another tab, then retry."
      : code === "forbidden"
        ? "You may not do this with the project's large files."
        : `The server answered ${response.status}.`;
  return new WorkspaceError(code, `Could not ${what}. ${said || fallback}`);
}

/** A fetch whose network failure says `offline`. */
async function send(url: string, init: RequestInit, what: string): Promise<Response> {
  try {
    return await fetch(url, { ...init, credentials: "same-origin", redirect: "error", cache: "no-store" });
  } catch (error) {
    throw new WorkspaceError("offline", `Could not ${what}: the server cannot be reached. Your work is kept here; retry when the connection is back.`, { cause: error });
  }
}

/**
 * Asks the batch API (`{endpoint}/objects/batch`) for downloads or uploads of
 * `objects`. Every transfer URL must be on the endpoint's own origin (the git
 * server or the gateway's relay): anything else is refused, never fetched.
 */
export async function requestBatch({
  endpoint,
  operation,
  objects,
}: {
  endpoint: string;
  operation: "download" | "upload";
  objects: { oid: string; size: number }[];
}): Promise<BatchObject[]> {
  const what = operation === "download" ? "download large files (Git LFS)" : "upload large files (Git LFS)";
  const response = await send(
    `${endpoint}/objects/batch`,
    {
      method: "POST",
      headers: { accept: LFS_MEDIA_TYPE, "content-type": LFS_MEDIA_TYPE },
      body: JSON.stringify({ operation, transfers: ["basic"], objects, hash_algo: "sha256" }),
    },
    what,
  );
  if (!response.ok) throw await refusal(response, what);
  const answer = (await response.json().catch(() => null)) as { objects?: BatchObject[] } | null;
  if (!answer || !Array.isArray(answer.objects)) throw new WorkspaceError("upstream", `${LFS_OFF_MESSAGE} The server's answer was not Git LFS's.`);
  const origin = new URL(endpoint).origin;
  for (const object of answer.objects) {
    for (const action of Object.values(object.actions ?? {})) {
      if (!action || new URL(action.href, endpoint).origin !== origin) {
        throw new WorkspaceError("upstream", `${LFS_OFF_MESSAGE} The server sent a transfer to another site, which a session never follows. Tell an administrator.`);
      }
      action.href = new URL(action.href, endpoint).toString();
    }
  }
  return answer.objects;
}

/** The answer for one object, or a WorkspaceError with the server's words for it. */
export function objectAnswer(objects: BatchObject[], oid: string, path: string): BatchObject {
  const object = objects.find((o) => o.oid === oid);
  if (!object) throw new WorkspaceError("upstream", `${LFS_OFF_MESSAGE} The server did not answer for ${path}.`);
  if (object.error) {
    const code = object.error.code === 404 ? "not_found" : object.error.code === 403 ? "forbidden" : "upstream";
    const words = object.error.code === 404 ? "The server does not have this large file's content: whoever added it may not have pushed it (git lfs push --all)." : object.error.message;
    throw new WorkspaceError(code, `${path}: ${words}`);
  }
  return object;
}

/** Downloads a transfer, handing the body's pieces to `onChunk` as they arrive. */
export async function downloadObject({ action, onChunk, what }: { action: Action; onChunk: (chunk: Uint8Array) => void; what: string }): Promise<void> {
  const response = await send(action.href, { headers: action.header ?? {} }, what);
  if (!response.ok || !response.body) throw await refusal(response, what);
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    onChunk(value);
  }
}

/**
 * Uploads `blob` (read from disk by the browser as it goes, never held whole),
 * reporting bytes sent. XMLHttpRequest where there is one: fetch cannot tell how
 * much of a request body has gone.
 */
export async function uploadObject({ action, blob, onSent, what }: { action: Action; blob: Blob; onSent: (loaded: number) => void; what: string }): Promise<void> {
  const headers = { "content-type": "application/octet-stream", ...(action.header ?? {}) };
  if (typeof XMLHttpRequest === "undefined") {
    const response = await send(action.href, { method: "PUT", headers, body: blob }, what);
    if (!response.ok) throw await refusal(response, what);
    return onSent(blob.size);
  }
  const answer = await new Promise<{ status: number; text: string; kind: string | null }>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", action.href);
    xhr.withCredentials = true;
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => onSent(event.loaded);
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText, kind: xhr.getResponseHeader(REFUSAL_HEADER) });
    xhr.onerror = () => reject(new WorkspaceError("offline", `Could not ${what}: the server cannot be reached. Your work is kept here; retry when the connection is back.`));
    xhr.send(blob);
  });
  if (answer.status >= 200 && answer.status < 300) return;
  throw await refusal(new Response(answer.text, { status: answer.status, headers: answer.kind ? { [REFUSAL_HEADER]: answer.kind } : {} }), what);
}

/** Tells the server an upload is complete (the batch answer's verify action), so it checks size and hash. */
export async function verifyObject({ action, oid, size, what }: { action: Action; oid: string; size: number; what: string }): Promise<void> {
  const response = await send(
    action.href,
    { method: "POST", headers: { accept: LFS_MEDIA_TYPE, "content-type": LFS_MEDIA_TYPE, ...(action.header ?? {}) }, body: JSON.stringify({ oid, size }) },
    what,
  );
  if (!response.ok) throw await refusal(response, what);
}
