// Which URLs may become a link or an image source. Browsers ignore ASCII
// whitespace and control characters inside a scheme ("java\tscript:"), so the
// scheme is read the way they read it.

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

function schemeOf(url: string): string | null {
  const match = SCHEME.exec(url.replace(/[\u0000-\u0020\u007f]/g, ""));
  return match ? match[1]!.toLowerCase() : null;
}

/** An address on another site (http, https or protocol-relative). */
export function isAbsoluteWebUrl(url: string): boolean {
  return /^(https?:)?\/\//i.test(url.trim());
}

/** A link target that cannot run anything: http(s), mailto, or a path or fragment without a scheme. */
export function isSafeLinkUrl(url: string): boolean {
  const scheme = schemeOf(url);
  return scheme === null || scheme === "http" || scheme === "https" || scheme === "mailto";
}

/**
 * An image source Benchtop puts into <img src>: a data: URL of an image type,
 * a blob: URL (the session's files), http(s) or a path on the serving site
 * (deployments). Checked again on what callers' resolvers return.
 */
export function isSafeImageUrl(url: string): boolean {
  const scheme = schemeOf(url);
  if (scheme === "data") return /^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i.test(url.trim());
  return scheme === null || scheme === "blob" || scheme === "http" || scheme === "https";
}

/** decodeURIComponent that gives the input back instead of throwing on a stray "%". */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
