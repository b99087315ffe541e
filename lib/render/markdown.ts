import MarkdownIt from "markdown-it";

/**
 * Markdown from a repository (a README, later notebooks' Markdown cells) as HTML
 * that is safe to put into Benchtop's pages. markdown-it with `html: false`
 * escapes every raw tag, so no script or event handler can come through, and
 * its link check refuses `javascript:`, `vbscript:`, `file:` and non-image
 * `data:` URLs. On top of that:
 * - links to other sites open without an opener or referrer;
 * - images load only from `data:` URLs: pages forbid images from other
 *   origins (no tracking pixels), and a relative path names a file of the
 *   repository that Benchtop does not serve from its own origin, so those
 *   images show as their description (a link when the image has an address).
 */
const markdown = new MarkdownIt({ html: false, linkify: true });

const ABSOLUTE = /^https?:\/\//i;

const defaultLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));

markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  const token = tokens[index]!;
  if (ABSOLUTE.test(String(token.attrGet("href") ?? ""))) token.attrSet("rel", "noopener noreferrer nofollow");
  return defaultLinkOpen(tokens, index, options, env, self);
};

const defaultImage = markdown.renderer.rules.image!;

markdown.renderer.rules.image = (tokens, index, options, env, self) => {
  const token = tokens[index]!;
  const src = String(token.attrGet("src") ?? "");
  const alt = self.renderInlineAsText(token.children ?? [], options, env) || "image";
  if (/^data:image\//i.test(src)) return defaultImage(tokens, index, options, env, self);
  const label = `<span class="md-image-placeholder">[${markdown.utils.escapeHtml(alt)}]</span>`;
  return ABSOLUTE.test(src) ? `<a href="${markdown.utils.escapeHtml(src)}" rel="noopener noreferrer nofollow">${label}</a>` : label;
};

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
