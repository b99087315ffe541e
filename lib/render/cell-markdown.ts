import katexPlugin from "@vscode/markdown-it-katex";
import type { RendererRule } from "markdown-it";
import { imageDataUrl } from "./escape";
import { KATEX_OPTIONS, katex } from "./math";
import { createMarkdownIt, type MarkdownEnv } from "./markdown-rules";
import type { CellAttachments } from "./nbformat";
import { joinText } from "./nbformat";
import { closeOpenTags, sanitizeRawHtml, type HtmlState } from "./raw-html";
import { isAbsoluteWebUrl, safeDecode } from "./urls";

export type CellMarkdownOptions = {
  /** The cell's `attachments` (name -> MIME bundle of base64 data), for `![](attachment:name.png)`. */
  attachments?: CellAttachments;
  /**
   * URL for an image that the Markdown names by a path (`![](plots/fig.png)`), as
   * written (percent-escapes decoded, relative to the notebook's folder), or null
   * to show its description. The session answers with blob: URLs of the
   * repository's files, deployments with URLs of their own.
   */
  resolveImage?: (path: string) => string | null;
};

/**
 * Markdown cells as Jupyter renders them: markdown-it with `$...$` and `$$...$$`
 * (and bare `\begin{...}` blocks) typeset by KaTeX, by VS Code's plugin (the one
 * its notebooks use); math is read before emphasis, so `$a_1 * b_2$` stays math,
 * and never inside code spans or code blocks. Raw HTML keeps only the allow-list
 * in raw-html.ts.
 */
const markdown = createMarkdownIt({ html: true }).use(katexPlugin, { katex, ...KATEX_OPTIONS, enableBareBlocks: true });

type CellEnv = MarkdownEnv & { html: HtmlState };

const sanitizeRule: RendererRule = (tokens, index, _options, env) => {
  const { html, resolveImageSrc } = env as CellEnv;
  return sanitizeRawHtml(tokens[index]!.content, html, resolveImageSrc);
};
markdown.renderer.rules.html_block = sanitizeRule;
markdown.renderer.rules.html_inline = sanitizeRule;

/** The first image in an attachment's bundle, as a data: URL (never text/html or other types). */
function attachmentUrl(attachments: CellAttachments | undefined, name: string): string | null {
  const bundle = attachments && Object.hasOwn(attachments, name) ? attachments[name] : undefined;
  if (!bundle || typeof bundle !== "object") return null;
  for (const [type, value] of Object.entries(bundle)) {
    const url = imageDataUrl(type, joinText(value));
    if (url) return url;
  }
  return null;
}

function imageSourceFor({ attachments, resolveImage }: CellMarkdownOptions): (src: string) => string | null {
  return (src) => {
    if (/^attachment:/i.test(src)) return attachmentUrl(attachments, safeDecode(src.slice("attachment:".length)));
    if (/^data:image\//i.test(src)) return src;
    // Images from other sites would be tracking pixels (and pages refuse them); other schemes are not files.
    if (isAbsoluteWebUrl(src) || /^[a-z][a-z0-9+.-]*:/i.test(src)) return null;
    return resolveImage ? resolveImage(safeDecode(src)) : null;
  };
}

/** A Markdown cell's source as sanitized HTML. */
export function renderCellMarkdown(source: string, options: CellMarkdownOptions = {}): string {
  const env: CellEnv = { resolveImageSrc: imageSourceFor(options), html: { open: [] } };
  const html = markdown.render(source, env);
  return html + closeOpenTags(env.html);
}
