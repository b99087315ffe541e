// The stylesheet of the pages Benchtop renders for a deployment (Markdown,
// notebooks, listings, notices): system fonts, a readable width, and the
// markdown-body and nb-* classes of lib/render styled as app/globals.css styles
// them in the session (Tailwind's slate colours written out: these pages load
// nothing from the app).

const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace';

const LAYOUT = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f8fafc; color: #0f172a; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; -webkit-font-smoothing: antialiased; }
.deploy-bar { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: baseline; justify-content: space-between; padding: 0.6rem 1.25rem; background: #fff; border-bottom: 1px solid #e2e8f0; font-size: 0.875rem; }
.deploy-bar nav { overflow-wrap: anywhere; }
.deploy-bar a { color: #4338ca; text-decoration: none; }
.deploy-bar a:hover { text-decoration: underline; }
.deploy-bar .deploy-meta { color: #64748b; display: flex; gap: 1rem; }
.deploy-bar code { font-family: ${MONO}; font-size: 0.8rem; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
main.deploy-wide { max-width: 72rem; }
.deploy-notice { background: #fff; border: 1px solid #e2e8f0; border-radius: 0.5rem; padding: 1rem 1.25rem; }
.deploy-notice h1 { font-size: 1.25rem; margin: 0 0 0.5rem; }
.deploy-notice a { color: #4338ca; }
.deploy-text { font-family: ${MONO}; font-size: 0.8rem; white-space: pre-wrap; overflow-wrap: anywhere; background: #f1f5f9; border-radius: 0.375rem; padding: 0.75rem; }
.deploy-listing { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid #e2e8f0; border-radius: 0.5rem; font-size: 0.9rem; }
.deploy-listing th, .deploy-listing td { text-align: left; padding: 0.4rem 0.75rem; border-bottom: 1px solid #e2e8f0; }
.deploy-listing th { color: #475569; font-weight: 600; background: #f8fafc; }
.deploy-listing .size { text-align: right; color: #64748b; white-space: nowrap; width: 7rem; }
.deploy-listing a { color: #4338ca; text-decoration: none; overflow-wrap: anywhere; }
.deploy-listing a:hover { text-decoration: underline; }
.deploy-listing .note { color: #64748b; font-style: italic; }
`;

const MARKDOWN = `
.markdown-body { font-size: 1rem; line-height: 1.6; color: #1e293b; overflow-wrap: break-word; }
.markdown-body > * + * { margin-top: 0.75rem; }
.markdown-body > :first-child { margin-top: 0; }
.markdown-body p, .markdown-body ul, .markdown-body ol, .markdown-body pre, .markdown-body blockquote, .markdown-body table { margin-bottom: 0; }
.markdown-body h1, .markdown-body h2, .markdown-body h3, .markdown-body h4, .markdown-body h5, .markdown-body h6 { font-weight: 600; line-height: 1.25; margin-bottom: 0; }
.markdown-body h1 { font-size: 1.75rem; }
.markdown-body h2 { font-size: 1.4rem; }
.markdown-body h3 { font-size: 1.15rem; }
.markdown-body ul { list-style: disc; padding-left: 1.5rem; }
.markdown-body ol { list-style: decimal; padding-left: 1.5rem; }
.markdown-body a { color: #4338ca; text-decoration: underline; }
.markdown-body code { font-family: ${MONO}; font-size: 0.85em; background: #f1f5f9; border-radius: 0.25rem; padding: 0.1rem 0.3rem; }
.markdown-body pre { background: #f1f5f9; border-radius: 0.375rem; padding: 0.75rem; overflow-x: auto; }
.markdown-body pre code { background: none; padding: 0; }
.markdown-body blockquote { border-left: 3px solid #cbd5e1; padding-left: 0.75rem; margin-left: 0; color: #475569; }
.markdown-body table { border-collapse: collapse; display: block; overflow-x: auto; }
.markdown-body th, .markdown-body td { border: 1px solid #e2e8f0; padding: 0.25rem 0.5rem; }
.markdown-body hr { border: 0; border-top: 1px solid #e2e8f0; }
.markdown-body img { max-width: 100%; }
.md-image-placeholder { color: #64748b; font-style: italic; }
.markdown-body .katex-block, .nb-math-display { overflow-x: auto; overflow-y: hidden; }
`;

const NOTEBOOK = `
.nb-notebook { display: grid; gap: 1rem; }
.nb-cell { display: grid; gap: 0.25rem; min-width: 0; }
.nb-input, .nb-output { display: grid; grid-template-columns: 5.5rem minmax(0, 1fr); gap: 0.5rem; align-items: start; }
@media (max-width: 40rem) { .nb-input, .nb-output { grid-template-columns: 3.25rem minmax(0, 1fr); gap: 0.25rem; } }
.nb-markdown-cell > .nb-markdown { margin-left: 6rem; }
@media (max-width: 40rem) { .nb-markdown-cell > .nb-markdown { margin-left: 3.5rem; } }
.nb-prompt { font-family: ${MONO}; font-size: 0.75rem; color: #64748b; text-align: right; padding-top: 0.35rem; white-space: pre; }
.nb-source { margin: 0; font-family: ${MONO}; font-size: 0.8rem; background: #f1f5f9; border: 1px solid #e2e8f0; border-radius: 0.25rem; padding: 0.35rem 0.5rem; overflow-x: auto; }
.nb-outputs { display: grid; gap: 0.25rem; }
.nb-stream, .nb-text, .nb-json, .nb-error, .nb-raw { margin: 0; font-family: ${MONO}; font-size: 0.8rem; white-space: pre-wrap; overflow-wrap: anywhere; padding: 0.25rem 0.5rem; }
.nb-stderr, .nb-error { background: #fdd; }
.nb-unsupported { margin: 0; font-size: 0.8rem; font-style: italic; color: #64748b; padding: 0.25rem 0.5rem; }
.nb-image { max-width: 100%; height: auto; }
.nb-html-frame { display: block; width: 100%; height: 10rem; border: 0; background: #fff; }
.nb-latex { overflow-x: auto; padding: 0.25rem 0.5rem; }
`;

export const PAGE_STYLE = (LAYOUT + MARKDOWN + NOTEBOOK).replace(/\n+/g, "\n").trim();
