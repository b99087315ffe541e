import { createHash } from "node:crypto";
import { FRAME_SCRIPT_HASH, MAX_FRAME_HEIGHT } from "@/lib/render";
import { escapeHtml } from "../../render/escape";
import { hasMath, katexStylesheet } from "./katex-stylesheet";
import { PAGE_STYLE } from "./page-style";
import { encodePath } from "./request-path";

/**
 * The one script of a rendered page, present only when it holds HTML outputs:
 * it sets each output frame's height to what the frame reports (a page cannot
 * measure a frame of another origin), from that frame only and bounded as
 * lib/render's frameHeightFromMessage bounds it.
 */
export const RESIZE_SCRIPT =
  'addEventListener("message",function(e){var d=e.data,v=d&&typeof d==="object"?d.benchtopFrameHeight:null;if(typeof v!=="number"||!isFinite(v))return;' +
  `var h=Math.min(Math.max(Math.ceil(v),0),${MAX_FRAME_HEIGHT}),f=document.querySelectorAll("iframe.nb-html-frame");` +
  'for(var i=0;i<f.length;i++)if(f[i].contentWindow===e.source)f[i].style.height=h+"px"});';

export const RESIZE_SCRIPT_HASH = `'sha256-${createHash("sha256").update(RESIZE_SCRIPT).digest("base64")}'`;

/**
 * The policy of rendered pages, on top of the deployment's sandbox: nothing is
 * fetched (styles, fonts and images are inline or data: URLs), and the only
 * scripts are the page's resize script and, inside each HTML output's sandboxed
 * srcdoc frame (which inherits this policy), lib/render's height reporter, both
 * by hash. A notebook's own scripts in its HTML outputs do not run, as in the
 * session; a page without such outputs runs no script at all.
 */
export function renderedPagePolicy({ frames }: { frames: boolean }): string {
  return [
    "default-src 'none'",
    `script-src ${frames ? `${RESIZE_SCRIPT_HASH} ${FRAME_SCRIPT_HASH}` : "'none'"}`,
    "style-src 'unsafe-inline'",
    "img-src data:",
    "font-src data:",
    // Output frames are srcdoc documents: nothing is fetched for them, and no frame may load an address.
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

export type PageInput = {
  /** The deployment's name. */
  title: string;
  /** The deployment's root as an absolute URL path ending in "/". */
  baseUrl: string;
  commit: string;
  /** The tree path the page is about ("" for the root). */
  path: string;
  /** The page's main content (already safe HTML). */
  body: string;
  /** Links beside the commit (already safe HTML), e.g. to the raw file. */
  actions?: string;
  /** Notebooks get a wider column. */
  wide?: boolean;
};

/** The deployment's name, then each folder of the path as a link, the last part as text. */
function breadcrumbs({ title, baseUrl, path }: PageInput): string {
  const parts = path ? path.split("/") : [];
  const crumbs = [parts.length ? `<a href="${escapeHtml(baseUrl)}">${escapeHtml(title)}</a>` : `<strong>${escapeHtml(title)}</strong>`];
  parts.forEach((part, index) => {
    const last = index === parts.length - 1;
    const href = `${baseUrl}${encodePath(parts.slice(0, index + 1).join("/"))}/`;
    crumbs.push(last ? `<strong>${escapeHtml(part)}</strong>` : `<a href="${escapeHtml(href)}">${escapeHtml(part)}</a>`);
  });
  return crumbs.join(" / ");
}

/** A rendered page: the shared shell around `body`, with the policy it needs. */
export async function renderPage(input: PageInput): Promise<{ html: string; policy: string }> {
  const frames = input.body.includes('<iframe class="nb-html-frame"');
  const math = hasMath(input.body) ? `<style>${await katexStylesheet()}</style>` : "";
  const name = input.path ? `${input.path.slice(input.path.lastIndexOf("/") + 1)} · ${input.title}` : input.title;
  const html =
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${escapeHtml(name)}</title>\n<style>${PAGE_STYLE}</style>\n${math}</head>\n<body>\n` +
    `<header class="deploy-bar"><nav aria-label="Location">${breadcrumbs(input)}</nav>` +
    `<span class="deploy-meta">${input.actions ?? ""}<span>commit <code>${escapeHtml(input.commit.slice(0, 7))}</code></span></span></header>\n` +
    `<main${input.wide ? ' class="deploy-wide"' : ""}>\n${input.body}\n</main>\n` +
    (frames ? `<script>${RESIZE_SCRIPT}</script>\n` : "") +
    `</body>\n</html>\n`;
  return { html, policy: renderedPagePolicy({ frames }) };
}
