import { parseNotebook } from "@/lib/notebooks";
import { renderCellMarkdown, renderNotebookHtml, type Notebook } from "@/lib/render";
import { MAX_NOTEBOOK_BYTES } from "@/lib/workspace/types";
import { escapeHtml } from "../../render/escape";
import type { FoundBlob } from "./git-objects";
import { readContent } from "./lfs-content";
import { notice, sendTooLarge } from "./notices";
import { renderWithImages } from "./repository-images";
import type { DeployedResponse } from "./respond";
import { sendPage } from "./send-page";
import type { ServeContext } from "./serve-context";

/** Markdown files rendered as pages; larger ones are offered raw. */
export const MAX_MARKDOWN_BYTES = 5 * 1024 * 1024;
/** How much of a file that is not a notebook its page shows as text. */
const MAX_SHOWN_TEXT = 1024 * 1024;

/** Which renderer a file's name asks for, if any. */
export function renderedKind(path: string): "markdown" | "notebook" | null {
  if (/\.(md|markdown)$/i.test(path)) return "markdown";
  if (/\.ipynb$/i.test(path)) return "notebook";
  return null;
}

const RAW_LINK = `<a href="?raw=1">Raw file</a>`;

async function readText(context: ServeContext, blob: FoundBlob): Promise<string> {
  return new TextDecoder().decode(await readContent({ dir: context.dir, blob }));
}

/**
 * A Markdown file as a page, rendered as Jupyter renders a Markdown cell
 * (lib/render's renderCellMarkdown: KaTeX math, the raw-HTML allow-list with
 * scripts and handlers removed, images from the repository inlined).
 */
export async function sendMarkdownPage(context: ServeContext, path: string, blob: FoundBlob): Promise<DeployedResponse> {
  if (blob.size > MAX_MARKDOWN_BYTES) return sendTooLarge(context, path, { size: blob.size, limit: MAX_MARKDOWN_BYTES, what: "Markdown file" });
  const source = await readText(context, blob);
  const html = await renderWithImages({ dir: context.dir, commit: context.commit, pagePath: path, render: (resolveImage) => renderCellMarkdown(source, { resolveImage }) });
  return sendPage(context, { path, body: `<article class="markdown-body">\n${html}</article>`, actions: RAW_LINK });
}

/**
 * A notebook as a page with its stored outputs, by the renderer of the
 * session's notebook view (lib/render's renderNotebookHtml); a file that is not
 * a notebook Benchtop reads gets a page that says why, with its text.
 */
export async function sendNotebookPage(context: ServeContext, path: string, blob: FoundBlob): Promise<DeployedResponse> {
  if (blob.size > MAX_NOTEBOOK_BYTES) return sendTooLarge(context, path, { size: blob.size, limit: MAX_NOTEBOOK_BYTES, what: "notebook" });
  const text = await readText(context, blob);
  const read = parseNotebook(text);
  if (!read.ok) {
    const shown = text.length > MAX_SHOWN_TEXT ? `${text.slice(0, MAX_SHOWN_TEXT)}\n…` : text;
    const body =
      notice("Not a notebook Benchtop can show", [`<code>${escapeHtml(path)}</code> is shown as text because ${escapeHtml(read.reason)}.`, `<a href="?raw=1">Open the raw file</a>`]) +
      `\n<pre class="deploy-text">${escapeHtml(shown)}</pre>`;
    return sendPage(context, { path, body, actions: RAW_LINK });
  }
  // lib/notebooks' model is nbformat's, which lib/render reads (its types are the looser of the two).
  const notebook = read.notebook as unknown as Notebook;
  const html = await renderWithImages({ dir: context.dir, commit: context.commit, pagePath: path, render: (resolveImage) => renderNotebookHtml(notebook, { resolveImage }) });
  return sendPage(context, { path, body: html, actions: RAW_LINK, wide: true });
}
