import type { GitProgressEvent, HttpClient } from "isomorphic-git";
import type { ProgressCallback } from "./api";
import type { Progress } from "./types";

// isomorphic-git names its phases after git's messages. "Receiving objects" is in
// fact reported while it indexes the pack it has already downloaded.
const PHASES: Record<string, string> = {
  "Enumerating objects": "Counting files on the server",
  "Counting objects": "Counting files on the server",
  "Compressing objects": "Compressing on the server",
  "Receiving objects": "Indexing",
  "Resolving deltas": "Unpacking",
  "Writing objects": "Uploading",
};

const REPORT_EVERY_MS = 100;

/** A Progress with `percent` filled in when the total is known. */
export function toProgress({ phase, loaded, total }: { phase: string; loaded: number; total?: number }): Progress {
  const known = typeof total === "number" && total > 0;
  return {
    phase: PHASES[phase] ?? phase,
    loaded,
    ...(known ? { total, percent: Math.min(100, Math.floor((loaded * 100) / total)) } : {}),
  };
}

/** Adapts a ProgressCallback to isomorphic-git's `onProgress`. */
export function gitProgress(onProgress?: ProgressCallback): ((event: GitProgressEvent) => void) | undefined {
  if (!onProgress) return undefined;
  return (event) => onProgress(toProgress(event));
}

/**
 * Wraps the HTTP client so that pack downloads report "Downloading" with the
 * bytes received: isomorphic-git itself says nothing between the server's
 * counting and its own indexing, which on a large project is most of the wait.
 */
export function withDownloadProgress(http: HttpClient, onProgress?: ProgressCallback): HttpClient {
  if (!onProgress) return http;
  return {
    async request(request) {
      const response = await http.request(request);
      const body = response.body;
      if (!body || !request.url.endsWith("/git-upload-pack")) return response;
      const length = Number(response.headers?.["content-length"]);
      const total = Number.isFinite(length) && length > 0 ? length : undefined;
      async function* counted() {
        let loaded = 0;
        let reportedAt = 0;
        for await (const chunk of body as AsyncIterable<Uint8Array>) {
          loaded += chunk.byteLength;
          const now = Date.now();
          if (now - reportedAt >= REPORT_EVERY_MS) {
            reportedAt = now;
            onProgress?.(toProgress({ phase: "Downloading", loaded, total }));
          }
          yield chunk;
        }
        onProgress?.(toProgress({ phase: "Downloading", loaded, total: total ?? loaded }));
      }
      return { ...response, body: counted() };
    },
  };
}
