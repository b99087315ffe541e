import { contentTypeByContent, contentTypeByName } from "./content-type";
import type { FoundBlob } from "./git-objects";
import { contentTag, readContent, streamContent } from "./lfs-content";
import { renderedKind, sendMarkdownPage, sendNotebookPage } from "./rendered-files";
import { respond, type DeployedResponse } from "./respond";
import type { ServeContext } from "./serve-context";

/** Files up to this size are read into memory; larger ones are streamed from git. */
export const STREAM_FROM_BYTES = 1024 * 1024;

/**
 * A file of the commit: Markdown and notebooks rendered (unless `?raw=1`),
 * everything else as it is, byte for byte, typed by its name. Its entity tag is
 * the blob's id (an LFS object's id), so an unchanged file stays cached across deploys.
 */
export async function serveFile(context: ServeContext, path: string, blob: FoundBlob): Promise<DeployedResponse> {
  const kind = renderedKind(path);
  if (kind && !context.raw) return kind === "markdown" ? sendMarkdownPage(context, path, blob) : sendNotebookPage(context, path, blob);
  const { dir } = context;
  const small = blob.size <= STREAM_FROM_BYTES;
  // A raw Markdown file or notebook is for reading in the browser (their own types would download).
  let contentType = kind ? "text/plain; charset=utf-8" : contentTypeByName(path);
  let bytes: Buffer | null = null;
  if (!contentType) {
    bytes = small ? await readContent({ dir, blob }) : null;
    contentType = bytes ? contentTypeByContent(bytes) : "application/octet-stream";
  }
  const body = bytes ?? { length: blob.size, read: async () => (small ? readContent({ dir, blob }) : streamContent({ dir, blob })) };
  return respond(context.exchange, { contentType, body, etag: contentTag(blob) });
}
