// Only the frame module, not lib/render's index: proxy.ts loads this file on every request.
import { FRAME_SCRIPT_HASH } from "@/lib/render/html-frame";

/**
 * The security headers every answer carries, and the Content-Security-Policy of
 * pages. Pages get a fresh nonce per request, which Next puts on its own scripts
 * (it reads the policy from the request); 'strict-dynamic' lets those scripts load
 * the chunks and the session's Web Worker. Styles stay 'unsafe-inline': CodeMirror,
 * React and KaTeX set style attributes, and styles cannot run code.
 * FRAME_SCRIPT_HASH allows one fixed script: the one that sizes a notebook's HTML
 * output frame (lib/render/html-frame.ts). Such frames inherit this policy, so it
 * is the only script that runs in them; nothing else in a page matches its hash.
 */
export function pagePolicy({ nonce, development = false }: { nonce: string; development?: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' ${FRAME_SCRIPT_HASH} 'wasm-unsafe-eval'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For answers that are not pages (API, git, the gateway): nothing may load or frame them. */
export const NON_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

/** Headers for every answer, pages and API alike. */
export const COMMON_SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
};

/**
 * Session pages are cross-origin isolated (this, with the COOP above), so that a
 * notebook's Python kernel can be interrupted through shared memory
 * (SharedArrayBuffer). The pages load nothing from other origins (the policy above
 * allows only 'self', data: and blob:), so require-corp blocks nothing they use; the
 * kernel's and the git worker's scripts carry the same header (next.config.mjs).
 */
export const ISOLATED_PAGES = /^\/(projects|repositories)\/[^/]+\/session\/?$/;
export const CROSS_ORIGIN_ISOLATION: Record<string, string> = { "cross-origin-embedder-policy": "require-corp" };

/** Sent only over https (through a trusted proxy that says so): a browser keeps to https for a year. */
export const HSTS = "max-age=31536000; includeSubDomains";
