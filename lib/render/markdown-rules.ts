import markdownIt, { type MarkdownIt } from "markdown-it";
import { escapeHtml } from "./escape";
import { isAbsoluteWebUrl, isSafeImageUrl } from "./urls";

/** Turns an image's address as written in Markdown into a URL for <img src>, or null to show its description. */
export type ImageSourceResolver = (src: string) => string | null;

/** What a render passes to markdown-it's rules (markdown-it's `env`). */
export type MarkdownEnv = { resolveImageSrc: ImageSourceResolver };

export const EXTERNAL_REL = "noopener noreferrer nofollow";

/**
 * The placeholder for an image Benchtop does not show: its description, and a
 * link to it when it has an address on the web (pages forbid images from other
 * origins, so no tracking pixel loads).
 */
export function imagePlaceholder(src: string, alt: string): string {
  const label = `<span class="md-image-placeholder">[${escapeHtml(alt || "image")}]</span>`;
  return isAbsoluteWebUrl(src) ? `<a href="${escapeHtml(src)}" rel="${EXTERNAL_REL}">${label}</a>` : label;
}

/** An <img>, or the placeholder when the resolver gives nothing safe. */
export function imageTag(src: string, alt: string, title: string, resolve: ImageSourceResolver): string {
  const url = resolve(src);
  if (!url || !isSafeImageUrl(url)) return imagePlaceholder(src, alt);
  return `<img src="${escapeHtml(url)}" alt="${escapeHtml(alt)}"${title ? ` title="${escapeHtml(title)}"` : ""}>`;
}

/**
 * markdown-it as Benchtop uses it: markdown-it's own link check (it refuses
 * `javascript:`, `vbscript:`, `file:` and non-image `data:` URLs), links to other
 * sites without opener or referrer, and images through the render's resolver.
 * With `html: false` every raw tag is escaped; with `html: true` the caller must
 * install a sanitizer for html_block and html_inline (raw-html.ts).
 */
export function createMarkdownIt({ html }: { html: boolean }): MarkdownIt {
  const markdown = markdownIt({ html, linkify: true });
  const defaultLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
  markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
    const token = tokens[index]!;
    if (isAbsoluteWebUrl(String(token.attrGet("href") ?? ""))) token.attrSet("rel", EXTERNAL_REL);
    return defaultLinkOpen(tokens, index, options, env, self);
  };
  markdown.renderer.rules.image = (tokens, index, options, env, self) => {
    const token = tokens[index]!;
    const alt = self.renderInlineAsText(token.children ?? [], options, env) || "image";
    return imageTag(String(token.attrGet("src") ?? ""), alt, String(token.attrGet("title") ?? ""), (env as MarkdownEnv).resolveImageSrc);
  };
  return markdown;
}
