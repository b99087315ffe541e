// Escaping and data: URLs, shared by every renderer here. Pure: runs in the
// browser and in Node (TextEncoder and btoa are globals in both).

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/** UTF-8 bytes of `text` in base64. */
export function utf8ToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

/** Base64 as nbformat stores it (maybe split into lines), or null when it is not base64. */
export function cleanBase64(value: string): string | null {
  const compact = value.replace(/\s+/g, "");
  return /^[A-Za-z0-9+/]*={0,2}$/.test(compact) && compact.length > 0 ? compact : null;
}

/**
 * Image types shown as <img>. SVG is among them because an SVG loaded by <img>
 * is an image: its scripts and event handlers never run. It is never put into a
 * page as markup.
 */
export const IMAGE_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml"] as const;

/**
 * A data: URL for an image, or null when the value is not one. Raster images
 * must be base64 (as nbformat stores them); SVG is text in outputs and base64 in
 * attachments, and becomes base64 either way, so no markup survives into the URL.
 */
export function imageDataUrl(mimeType: string, value: string): string | null {
  const type = mimeType.toLowerCase();
  if (!(IMAGE_TYPES as readonly string[]).includes(type)) return null;
  if (type === "image/svg+xml" && /<svg[\s>]/i.test(value)) return `data:image/svg+xml;base64,${utf8ToBase64(value)}`;
  const base64 = cleanBase64(value);
  return base64 ? `data:${type};base64,${base64}` : null;
}
