import { escapeHtml } from "./escape";

/**
 * `text/html` outputs never enter Benchtop's page. Each becomes its own document
 * in an `<iframe sandbox="allow-scripts" srcdoc="...">`:
 * - `sandbox` without `allow-same-origin` gives the frame an opaque origin, so
 *   nothing in it can read the page, the session's storage or the user's cookies
 *   (`parent.document` and `document.cookie` throw); without `allow-forms`,
 *   `allow-popups`, `allow-top-navigation` or `allow-modals` it cannot submit,
 *   open windows, move the page or raise dialogs.
 * - `allow-scripts` is there for the one script Benchtop adds (below). A srcdoc
 *   document inherits the page's Content-Security-Policy, so inside Benchtop's
 *   pages no other script runs in it (the page policy allows that script by its
 *   hash, lib/http/security-headers.ts); where a page policy allows more (a
 *   deployment), a notebook's scripts run only inside the sandbox.
 * - The frame's own policy (FRAME_POLICY) adds `default-src 'none'`: the output
 *   reaches no server (no fetch, no external stylesheet, font or image), only
 *   data: and blob: images and inline styles.
 * - `referrerpolicy="no-referrer"`: links followed inside the frame do not tell
 *   other sites which page showed them.
 */
export const FRAME_SANDBOX = "allow-scripts";

export const FRAME_POLICY = "default-src 'none'; img-src data: blob:; style-src 'unsafe-inline'; font-src data:; script-src 'unsafe-inline'";

/**
 * The script Benchtop puts into every frame: it reports the document's height
 * to the page (the page cannot measure a frame of another origin). Its text must
 * not change without FRAME_SCRIPT_HASH (a test checks the two agree).
 */
export const FRAME_SCRIPT =
  'new ResizeObserver(function(){parent.postMessage({benchtopFrameHeight:Math.ceil(document.documentElement.getBoundingClientRect().height)},"*")}).observe(document.documentElement);';

/** CSP hash source of FRAME_SCRIPT, for the page policy's script-src. */
export const FRAME_SCRIPT_HASH = "'sha256-ewz2UUyOtA7UL1KwhnCgDvVZcqN8H2WPF1mP1lgsI88='";

const FRAME_STYLE = "body{margin:0;font:13px/1.45 ui-sans-serif,system-ui,sans-serif;color:#0f172a}table{border-collapse:collapse}th,td{border:1px solid #e2e8f0;padding:2px 8px;text-align:right}th{background:#f8fafc}img{max-width:100%}";

/** The tallest a frame grows, so a frame cannot claim an endless height. */
export const MAX_FRAME_HEIGHT = 5000;

export type HtmlFrame = { srcdoc: string; sandbox: typeof FRAME_SANDBOX; title: string };

/** An HTML output as the document of a sandboxed frame (for a UI that builds the <iframe> itself). */
export function htmlFrame(html: string, title = "HTML output"): HtmlFrame {
  // Benchtop's parts come first, in <head>, so nothing the output writes can undo them.
  const srcdoc =
    `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${FRAME_POLICY}">` +
    `<style>${FRAME_STYLE}</style><script>${FRAME_SCRIPT}</script></head><body>${html}</body></html>`;
  return { srcdoc, sandbox: FRAME_SANDBOX, title };
}

/** The frame as markup; the srcdoc value is attribute-escaped, so it cannot end the attribute or the tag. */
export function htmlFrameTag(frame: HtmlFrame): string {
  return `<iframe class="nb-html-frame" sandbox="${frame.sandbox}" referrerpolicy="no-referrer" title="${escapeHtml(frame.title)}" srcdoc="${escapeHtml(frame.srcdoc)}"></iframe>`;
}

/**
 * The height a frame asked for in a `message` event's data, or null when the
 * data is not such a message. The UI must also check that `event.source` is the
 * frame's `contentWindow` before resizing that frame.
 */
export function frameHeightFromMessage(data: unknown): number | null {
  if (typeof data !== "object" || data === null || !("benchtopFrameHeight" in data)) return null;
  const height = (data as { benchtopFrameHeight: unknown }).benchtopFrameHeight;
  if (typeof height !== "number" || !Number.isFinite(height)) return null;
  return Math.min(Math.max(Math.ceil(height), 0), MAX_FRAME_HEIGHT);
}
