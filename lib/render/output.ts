import { ansiToHtml } from "./ansi";
import { renderCellMarkdown } from "./cell-markdown";
import { escapeHtml, imageDataUrl } from "./escape";
import { htmlFrame, htmlFrameTag, type HtmlFrame } from "./html-frame";
import { renderLatexText } from "./math";
import { joinText, type MimeBundle, type NotebookOutput } from "./nbformat";

export type OutputOptions = {
  /** For images named by a path inside `text/markdown` outputs (see CellMarkdownOptions). */
  resolveImage?: (path: string) => string | null;
};

export type RenderedOutput = {
  /** Sanitized HTML for the page; for `text/html` it is the sandboxed <iframe> (html-frame.ts). */
  html: string;
  /** stream, error, data (a MIME type was shown) or unsupported (the one-line notice). */
  kind: "stream" | "error" | "data" | "unsupported";
  /** For streams: which one. */
  stream?: "stdout" | "stderr";
  /** For data: the MIME type shown. */
  mimeType?: string;
  /** For text/html: the frame's document and attributes, for a UI that builds the <iframe> itself. */
  frame?: HtmlFrame;
};

const WIDGET = "application/vnd.jupyter.widget-view+json";

/**
 * The MIME types Benchtop shows, richest first, in JupyterLab's order (its
 * standard renderers' ranks): a DataFrame's text/html before its text/plain, a
 * figure's image before its repr.
 */
export const DISPLAY_ORDER = [
  "text/html",
  "text/markdown",
  "text/latex",
  "image/svg+xml",
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "application/json",
  "text/plain",
] as const;

function notShown(what: string): string {
  return `<p class="nb-unsupported">Output of type ${escapeHtml(what)} is not shown in Benchtop</p>`;
}

/** Width and height IPython puts in an output's metadata (Image(width=...)). */
function sizeAttributes(metadata: unknown, mimeType: string): string {
  const size = typeof metadata === "object" && metadata !== null ? (metadata as Record<string, unknown>)[mimeType] : undefined;
  if (typeof size !== "object" || size === null) return "";
  return (["width", "height"] as const)
    .map((name) => (size as Record<string, unknown>)[name])
    .map((value, index) => (typeof value === "number" && value > 0 && value < 100_000 ? ` ${index ? "height" : "width"}="${Math.round(value)}"` : ""))
    .join("");
}

function renderMime(mimeType: string, value: unknown, metadata: unknown, options: OutputOptions): RenderedOutput | null {
  const data = (html: string, frame?: HtmlFrame): RenderedOutput => ({ html, kind: "data", mimeType, ...(frame ? { frame } : {}) });
  if (mimeType === "application/json") return data(`<pre class="nb-json">${escapeHtml(JSON.stringify(value, null, 2) ?? "null")}</pre>`);
  const text = joinText(value);
  if (typeof value !== "string" && !Array.isArray(value)) return null;
  switch (mimeType) {
    case "text/html": {
      const frame = htmlFrame(text);
      return data(htmlFrameTag(frame), frame);
    }
    case "text/markdown":
      return data(`<div class="nb-markdown markdown-body">${renderCellMarkdown(text, options)}</div>`);
    case "text/latex":
      return data(`<div class="nb-latex">${renderLatexText(text)}</div>`);
    case "text/plain":
      return data(`<pre class="nb-text">${ansiToHtml(text)}</pre>`);
    default: {
      const url = imageDataUrl(mimeType, text);
      return url ? data(`<img class="nb-image" src="${escapeHtml(url)}" alt="Image output (${escapeHtml(mimeType)})"${sizeAttributes(metadata, mimeType)}>`) : null;
    }
  }
}

function renderBundle(bundle: MimeBundle, metadata: unknown, options: OutputOptions): RenderedOutput {
  const types = Object.keys(bundle);
  for (const mimeType of DISPLAY_ORDER) {
    if (!Object.hasOwn(bundle, mimeType)) continue;
    const rendered = renderMime(mimeType, bundle[mimeType], metadata, options);
    if (!rendered) continue;
    // Jupyter would show the widget; say it is missing rather than pass its text repr off as the output.
    if (types.includes(WIDGET)) return { ...rendered, kind: "unsupported", html: notShown(WIDGET) + rendered.html };
    return rendered;
  }
  return { html: notShown(types.length ? types.join(", ") : "(empty)"), kind: "unsupported" };
}

/**
 * One stored output of a code cell (nbformat 4) as sanitized HTML: streams
 * (stdout and stderr told apart by class and label), execute_result and
 * display_data by the richest MIME type Benchtop shows, errors with their
 * coloured traceback, and one line for anything it cannot show.
 */
export function renderOutput(output: NotebookOutput, options: OutputOptions = {}): RenderedOutput {
  const record = output as Record<string, unknown>;
  switch (output.output_type) {
    case "stream": {
      const stream = record.name === "stderr" ? "stderr" : "stdout";
      const label = stream === "stderr" ? "Standard error" : "Standard output";
      return { html: `<pre class="nb-stream nb-${stream}" aria-label="${label}">${ansiToHtml(joinText(record.text))}</pre>`, kind: "stream", stream };
    }
    case "execute_result":
    case "display_data": {
      const bundle = typeof record.data === "object" && record.data !== null ? (record.data as MimeBundle) : {};
      return renderBundle(bundle, record.metadata, options);
    }
    case "error": {
      const traceback = Array.isArray(record.traceback) ? joinText(record.traceback.map((line) => `${String(line)}\n`)) : "";
      const summary = `${String(record.ename ?? "Error")}: ${String(record.evalue ?? "")}`;
      return { html: `<pre class="nb-error" aria-label="${escapeHtml(`Error: ${String(record.ename ?? "Error")}`)}">${ansiToHtml(traceback || summary)}</pre>`, kind: "error" };
    }
    default:
      return { html: notShown(String(output.output_type)), kind: "unsupported" };
  }
}
