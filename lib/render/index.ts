// Content from repositories turned into HTML that is safe in Benchtop's pages.
// Pure (no Node built-ins, no server code): the session renders notebooks in the
// browser with it, and deployments render the same notebooks the same way in Node.
//
// - renderMarkdown(source): a README (raw HTML escaped, images only from data: URLs).
// - renderCellMarkdown(source, { attachments, resolveImage }): a notebook's Markdown
//   cell, with KaTeX math, attachments and repository images, a strict allow-list of
//   raw HTML (raw-html.ts says which and why).
// - renderOutput(output, { resolveImage }): one stored output of a code cell, as
//   { html, kind, stream?, mimeType?, frame? }. text/html comes back as a sandboxed
//   <iframe> (html-frame.ts): the UI may insert `html` as it is, or build the
//   <iframe> from `frame` with exactly `sandbox="allow-scripts"` (never
//   allow-same-origin) and `srcDoc`; either way it listens for `message` events
//   whose `source` is that frame's contentWindow and sets the frame's height to
//   frameHeightFromMessage(event.data) when that is not null.
// - renderNotebookHtml(notebook, { resolveImage }): a whole notebook as a static page body.
// The HTML uses KaTeX's classes (load KATEX_STYLESHEET; app/globals.css does for the
// app) and Benchtop's nb-* classes (styled in app/globals.css).
export { renderMarkdown } from "./markdown";
export { renderCellMarkdown, type CellMarkdownOptions } from "./cell-markdown";
export { renderOutput, DISPLAY_ORDER, type OutputOptions, type RenderedOutput } from "./output";
export { renderNotebookHtml, notebookLanguage, promptText, type NotebookHtmlOptions } from "./notebook-html";
export { renderLatexText } from "./math";
export { ansiToHtml } from "./ansi";
export {
  FRAME_POLICY,
  FRAME_SANDBOX,
  FRAME_SCRIPT_HASH,
  MAX_FRAME_HEIGHT,
  frameHeightFromMessage,
  htmlFrame,
  htmlFrameTag,
  type HtmlFrame,
} from "./html-frame";
export { MAX_REPOSITORY_IMAGE_BYTES, REPOSITORY_IMAGE_TYPES, repositoryImagePath, repositoryImageType } from "./repository-images";
export { escapeHtml } from "./escape";
export { joinText, type CellAttachments, type MimeBundle, type Notebook, type NotebookCell, type NotebookOutput } from "./nbformat";

/** KaTeX's stylesheet (with its fonts beside it in the package), as a module specifier: `import "katex/dist/katex.min.css"`. */
export const KATEX_STYLESHEET = "katex/dist/katex.min.css";
