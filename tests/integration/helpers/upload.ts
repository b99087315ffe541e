import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { Readable } from "node:stream";
import { baseUrl, type ApiResult } from "./api";

export type UploadAuth = { token?: string; cookie?: string; origin?: string | null };

function authHeaders({ token, cookie, origin }: UploadAuth): Record<string, string> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (cookie) headers.cookie = cookie;
  // A browser session's request carries its page's origin unless a test says otherwise.
  if (cookie && origin !== null) headers.origin = origin ?? baseUrl();
  return headers;
}

async function answer<T>(response: Response): Promise<ApiResult<T>> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, body: body as T, headers: response.headers, text };
}

/** POST /api/v1/projects/import as a browser form does it (name and description before the file). */
export async function uploadArchive<T = any>({
  name,
  description,
  content,
  fileName = "project.zip",
  auth,
}: {
  name?: string;
  description?: string;
  content: Buffer | string;
  fileName?: string;
  auth: UploadAuth;
}): Promise<ApiResult<T>> {
  const form = new FormData();
  if (name !== undefined) form.append("name", name);
  if (description !== undefined) form.append("description", description);
  form.append("file", new Blob([new Uint8Array(typeof content === "string" ? fs.readFileSync(content) : content)]), fileName);
  return answer<T>(await fetch(`${baseUrl()}/api/v1/projects/import`, { method: "POST", headers: authHeaders(auth), body: form, redirect: "manual" }));
}

/**
 * POST /api/v1/projects/import with a multipart body streamed from `parts`
 * (the name field first, then the file's bytes as they come), never held in
 * memory: for uploads of a gigabyte and more. `contentLength` is sent when given;
 * otherwise the body goes chunked.
 */
export async function streamUpload<T = any>({
  name,
  fileName,
  file,
  auth,
  contentLength,
  signal,
}: {
  name: string;
  fileName: string;
  file: AsyncIterable<Buffer>;
  auth: UploadAuth;
  contentLength?: number;
  signal?: AbortSignal;
}): Promise<ApiResult<T>> {
  const boundary = `----benchtop${randomBytes(8).toString("hex")}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\n${name}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  async function* body() {
    yield head;
    yield* file;
    yield tail;
  }
  const headers: Record<string, string> = { ...authHeaders(auth), "content-type": `multipart/form-data; boundary=${boundary}` };
  if (contentLength !== undefined) headers["content-length"] = String(contentLength);
  const response = await fetch(`${baseUrl()}/api/v1/projects/import`, {
    method: "POST",
    headers,
    body: Readable.toWeb(Readable.from(body())) as ReadableStream,
    duplex: "half",
    signal,
  } as RequestInit);
  return answer<T>(response);
}

/** The bytes of a file on disk, a few MB at a time. */
export const fileChunks = (file: string): AsyncIterable<Buffer> => fs.createReadStream(file, { highWaterMark: 4 * 1024 * 1024 });

/** `bytes` of incompressible data made on the fly from one repeated random block. */
export async function* generatedBytes(bytes: number): AsyncIterable<Buffer> {
  const block = randomBytes(1024 * 1024);
  for (let sent = 0; sent < bytes; sent += block.length) yield block.subarray(0, Math.min(block.length, bytes - sent));
}
