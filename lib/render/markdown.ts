import { createMarkdownIt, type MarkdownEnv } from "./markdown-rules";

/**
 * Markdown from a repository (a README) as HTML that is safe to put into
 * Benchtop's pages. markdown-it with `html: false` escapes every raw tag, so no
 * script or event handler can come through, and its link check refuses
 * `javascript:`, `vbscript:`, `file:` and non-image `data:` URLs. On top of that:
 * - links to other sites open without an opener or referrer;
 * - images load only from `data:` URLs: pages forbid images from other
 *   origins (no tracking pixels), and a relative path names a file of the
 *   repository that Benchtop does not serve from its own origin, so those
 *   images show as their description (a link when the image has an address).
 * Notebooks' Markdown cells have their own renderer (cell-markdown.ts).
 */
const markdown = createMarkdownIt({ html: false });

const env: MarkdownEnv = { resolveImageSrc: (src) => (/^data:image\//i.test(src) ? src : null) };

export function renderMarkdown(source: string): string {
  return markdown.render(source, env);
}
