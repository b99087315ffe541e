import { createHash } from "node:crypto";
import { renderPage, type PageInput } from "./page-shell";
import { respond, type DeployedResponse } from "./respond";
import type { ServeContext } from "./serve-context";

/** What a rendered page shows; the shell adds the deployment's name, links and commit. */
export type PageContent = Omit<PageInput, "title" | "baseUrl" | "commit">;

/**
 * A page rendered by Benchtop (Markdown, notebook, listing, notice), with its
 * strict policy. A 200 page's entity tag is a hash of what is sent, so a new
 * renderer, name or address gives a new one; error pages get none.
 */
export async function sendPage(context: ServeContext, content: PageContent, status = 200): Promise<DeployedResponse> {
  const { html, policy } = await renderPage({ ...content, title: context.title, baseUrl: context.baseUrl, commit: context.commit });
  const etag = status === 200 ? `"page-${createHash("sha256").update(policy).update("\0").update(html).digest("hex").slice(0, 40)}"` : undefined;
  return respond(context.exchange, { status, contentType: "text/html; charset=utf-8", body: html, etag, pagePolicy: policy });
}
