import { folderListing } from "./folder-listing";
import { withLfsObjects } from "./lfs-content";
import { hasCommit, isSubmodule, listTree, lookUpPaths, type FoundBlob, type FoundTree } from "./git-objects";
import { sendNotFound } from "./notices";
import { encodePath, toTreePath } from "./request-path";
import { redirect, type DeployedResponse } from "./respond";
import { sendPage } from "./send-page";
import type { ServeContext } from "./serve-context";
import { serveFile } from "./serve-file";

export type ServeDeployedPathInput = {
  /** A bare git repository holding the commit's objects. */
  dir: string;
  /** The full commit id. */
  commit: string;
  /** The request path under the deployment: URL-decoded, no leading slash ("" for the root), maybe ending in "/". */
  path: string;
  /** `?raw=1`: a Markdown file or notebook as its file, not rendered. */
  raw?: boolean;
  /** The deployment's root as an absolute URL path ending in "/" (e.g. "/deploy/weekly-report/"), for links and redirects. */
  baseUrl: string;
  /** The deployment's name, for rendered pages' titles. */
  title: string;
  ifNoneMatch?: string | null;
  method: "GET" | "HEAD";
  /** Every answer carries `Content-Security-Policy: sandbox allow-scripts allow-forms allow-popups` (an opaque origin). */
  sandbox: boolean;
};

const COMMIT_ID = /^([0-9a-f]{40}|[0-9a-f]{64})$/;
const INDEX_PAGES = ["index.html", "index.htm"];

async function serveFolder(context: ServeContext, path: string, tree: FoundTree): Promise<DeployedResponse> {
  const prefix = path ? `${path}/` : "";
  const indexes = await withLfsObjects(context.dir, await lookUpPaths({ dir: context.dir, commit: context.commit, paths: INDEX_PAGES.map((name) => prefix + name) }));
  const index = indexes.findIndex((found) => found.kind === "blob");
  if (index >= 0) return serveFile(context, prefix + INDEX_PAGES[index]!, indexes[index] as FoundBlob);
  const entries = await listTree({ dir: context.dir, tree: tree.id });
  return sendPage(context, { path, body: folderListing({ path, entries }) });
}

async function notFound(context: ServeContext, requestPath: string, treePath: string | null): Promise<DeployedResponse> {
  // Every lookup misses when the deploy step left the commit out: a fault of Benchtop's, not a 404.
  if (!(await hasCommit({ dir: context.dir, commit: context.commit }))) throw new Error(`Commit ${context.commit} is not in the deployment's repository ${context.dir}`);
  const submodule = treePath !== null && (await isSubmodule({ dir: context.dir, commit: context.commit, path: treePath }));
  return sendNotFound(context, requestPath, { submodule });
}

/**
 * What a deployment answers for one request, read only from the git objects of
 * its commit in a bare repository (never a working copy), so what is served is
 * exactly that commit:
 * - a file as it is, typed by its name (text with charset=utf-8), byte for byte,
 *   ETag from its blob and 304 when unchanged, large files as a stream from git;
 * - Markdown (.md, .markdown) and notebooks (.ipynb) as rendered pages, or as
 *   they are with `raw`;
 * - a folder: its index.html (or index.htm), else a listing; without its
 *   trailing slash, a 308 to the slash form;
 * - 404 for what the commit does not hold, paths that try to leave it (`..`,
 *   backslashes, NUL), symbolic links leading out of it, and submodules.
 * Symbolic links that stay inside the commit are followed (git resolves them
 * within the tree). Every answer has nosniff, no referrer and, with `sandbox`,
 * the sandbox policy; Benchtop's rendered pages add a policy under which they
 * load nothing and run only their own hashed scripts. HEAD answers headers only.
 * Throws when the commit is not in the repository.
 */
export async function serveDeployedPath(input: ServeDeployedPathInput): Promise<DeployedResponse> {
  if (!COMMIT_ID.test(input.commit)) throw new Error(`Not a full commit id: ${input.commit}`);
  if (!input.baseUrl.startsWith("/") || !input.baseUrl.endsWith("/")) throw new Error(`A deployment's base URL is an absolute path ending in "/": ${input.baseUrl}`);
  const context: ServeContext = {
    dir: input.dir,
    commit: input.commit,
    baseUrl: input.baseUrl,
    title: input.title,
    raw: input.raw ?? false,
    exchange: { method: input.method, sandbox: input.sandbox, ifNoneMatch: input.ifNoneMatch },
  };
  const target = toTreePath(input.path);
  if (!target) return notFound(context, input.path, null);
  const [found] = await withLfsObjects(input.dir, await lookUpPaths({ dir: input.dir, commit: input.commit, paths: [target.path] }));
  if (!found || found.kind === "missing") return notFound(context, input.path, target.path);
  if (found.kind === "tree") {
    if (!target.asFolder) return redirect(context.exchange, `${input.baseUrl}${encodePath(target.path)}/`);
    return serveFolder(context, target.path, found);
  }
  // A file asked for as a folder ("notes.txt/").
  if (target.asFolder) return notFound(context, input.path, null);
  return serveFile(context, target.path, found);
}
