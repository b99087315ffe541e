import { escapeHtml } from "../../render/escape";
import { formatSize } from "./format-size";
import { sendPage } from "./send-page";
import type { DeployedResponse } from "./respond";
import type { ServeContext } from "./serve-context";

/** A short page that says what happened and, when there is one, what to do. */
export function notice(heading: string, paragraphs: string[]): string {
  return `<section class="deploy-notice" role="status"><h1>${escapeHtml(heading)}</h1>${paragraphs.map((text) => `<p>${text}</p>`).join("")}</section>`;
}

/**
 * 404: the path is not in the commit (or leaves it, or is a link out of it, or
 * a submodule, which a deployment does not hold).
 */
export function sendNotFound(context: ServeContext, requestPath: string, { submodule = false } = {}): Promise<DeployedResponse> {
  const commit = `<code>${escapeHtml(context.commit.slice(0, 7))}</code>`;
  const name = `<code>${escapeHtml(requestPath || "/")}</code>`;
  const paragraphs = submodule
    ? [`${name} is a Git submodule. A deployment serves the project's own files at commit ${commit}, not the repositories it links to.`]
    : [`${name} is not in this deployment at commit ${commit}.`];
  paragraphs.push(`<a href="${escapeHtml(context.baseUrl)}">Go to the deployment's first page</a>`);
  return sendPage(context, { path: "", body: notice("Not found", paragraphs) }, 404);
}

/** A Markdown file or notebook larger than Benchtop renders: the raw file is one link away. */
export function sendTooLarge(context: ServeContext, path: string, { size, limit, what }: { size: number; limit: number; what: string }): Promise<DeployedResponse> {
  const body = notice(`Too large to show as a page`, [
    `This ${escapeHtml(what)} is ${formatSize(size)}; Benchtop renders ${escapeHtml(what)}s of up to ${formatSize(limit)}.`,
    `<a href="?raw=1">Open the raw file</a>`,
  ]);
  return sendPage(context, { path, body });
}
