/** How the session shows a file the editor does not take, by its name. */
export type PreviewKind = "image" | "pdf" | null;

// Only types a browser shows without running anything of the file's: an SVG shown by <img> runs no script.
const IMAGE_TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
  bmp: "image/bmp",
  ico: "image/x-icon",
  svg: "image/svg+xml",
};

const extensionOf = (path: string) => path.slice(path.lastIndexOf(".") + 1).toLowerCase();

export function previewKindOf(path: string): PreviewKind {
  const extension = extensionOf(path);
  return extension in IMAGE_TYPES ? "image" : extension === "pdf" ? "pdf" : null;
}

/**
 * The media type a preview's Blob is given. Set explicitly, never sniffed: a
 * file named .pdf is shown by the browser's PDF viewer or downloaded, never
 * read as a page of Benchtop's origin.
 */
export function previewTypeOf(path: string): string {
  const extension = extensionOf(path);
  return IMAGE_TYPES[extension] ?? (extension === "pdf" ? "application/pdf" : "application/octet-stream");
}
