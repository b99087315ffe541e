// The slice of GitLab REST v4 that Benchtop calls, answered from the emulator's state.
import type { ServerResponse } from "node:http";
import { listBranchRefs } from "../shared/seed-repo";
import { branchAnswer, currentUserAnswer, fileAnswer, projectAnswer, simpleProjectAnswer, tokenAnswer, treeAnswer } from "./answers";
import { forbidden, insufficientScope, notFound, sendJson, unauthorized } from "./http-answers";
import type { EmulatorProject } from "./model";
import { isMergedInto, readCommit, readDefaultBranch, readFile, readTree, resolveCommit } from "./repo-reader";
import { findProject, mayReadCode, maySee, membershipOf, today, type Caller, type EmulatorState } from "./state";

// Scopes GitLab accepts per endpoint (its "Personal access token scopes" docs).
const READ_API = ["api", "read_api"] as const;
const READ_USER = ["api", "read_api", "read_user"] as const;
const READ_FILES = ["api", "read_api", "read_repository"] as const;

export type ApiRequest = { res: ServerResponse; url: URL; segments: string[]; caller: Caller; state: EmulatorState; site: { url: string; apiRoot: string } };

const hasScope = (caller: Caller, scopes: readonly string[]) => !caller || caller.token.scopes.some((s) => scopes.includes(s));

/** GitLab's offset pagination: ?page=&per_page= (20 by default, 100 at most), X-* headers and a Link header. */
function paginate<T>({ res, url, site }: ApiRequest, items: T[]): T[] {
  const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get("per_page")) || 20));
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const page = Math.min(totalPages, Math.max(1, Number(url.searchParams.get("page")) || 1));
  const link = (n: number) => {
    const target = new URL(`${site.apiRoot}${url.pathname.slice("/api/v4".length)}`);
    url.searchParams.forEach((value, key) => target.searchParams.set(key, value));
    target.searchParams.set("page", String(n));
    target.searchParams.set("per_page", String(perPage));
    return target.toString();
  };
  const rels = [...(page > 1 ? [`<${link(page - 1)}>; rel="prev"`] : []), ...(page < totalPages ? [`<${link(page + 1)}>; rel="next"`] : []), `<${link(1)}>; rel="first"`, `<${link(totalPages)}>; rel="last"`];
  res.setHeader("x-page", String(page));
  res.setHeader("x-per-page", String(perPage));
  res.setHeader("x-total", String(items.length));
  res.setHeader("x-total-pages", String(totalPages));
  res.setHeader("x-next-page", page < totalPages ? String(page + 1) : "");
  res.setHeader("x-prev-page", page > 1 ? String(page - 1) : "");
  res.setHeader("link", rels.join(", "));
  return items.slice((page - 1) * perPage, page * perPage);
}

/** Branches sorted by name, as GitLab lists them; `only` answers GET .../branches/:name. */
function branches(request: ApiRequest, project: EmulatorProject, only?: string): void {
  const { res, state, caller, site } = request;
  const defaultBranch = readDefaultBranch(project.bare);
  const callerAccess = membershipOf(state, caller, project).max;
  const refs = listBranchRefs({ bare: project.bare })
    .filter((b) => only === undefined || b.name === only)
    .sort((a, b) => a.name.localeCompare(b.name));
  if (only !== undefined && refs.length === 0) return notFound(res, "Branch");
  const answers = refs.map(({ name, commit }) => {
    const merged = name !== defaultBranch && isMergedInto(project.bare, commit, `refs/heads/${defaultBranch}`);
    const isLocked = project.protectedBranches.includes(name);
    return branchAnswer({ name, commit: readCommit(project.bare, commit), isDefault: name === defaultBranch, isLocked, merged, callerAccess, webBase: `${site.url}/${project.fullPath}` });
  });
  if (only !== undefined) return sendJson(res, 200, answers[0]);
  sendJson(res, 200, paginate(request, answers));
}

function tree(request: ApiRequest, project: EmulatorProject): void {
  const { res, url } = request;
  const ref = url.searchParams.get("ref") || readDefaultBranch(project.bare);
  const folder = (url.searchParams.get("path") ?? "").replace(/^\/+|\/+$/g, "");
  const commit = resolveCommit(project.bare, ref);
  const entries = commit ? readTree(project.bare, commit, folder, url.searchParams.get("recursive") === "true") : null;
  if (!entries) return notFound(res, "Tree");
  sendJson(res, 200, paginate(request, entries.map(treeAnswer)));
}

function file(request: ApiRequest, project: EmulatorProject, filePath: string, raw: boolean): void {
  const { res, url } = request;
  const ref = url.searchParams.get("ref") ?? (raw ? "HEAD" : null);
  // GitLab's parameter validation (grape) answers in `error`, not `message`.
  if (!ref) return sendJson(res, 400, { error: "ref is missing, ref is empty" });
  const commit = resolveCommit(project.bare, ref);
  if (!commit) return notFound(res, "Commit");
  const found = readFile(project.bare, commit, filePath);
  if (!found) return notFound(res, "File");
  const answer = fileAnswer(found, ref);
  const headers: Record<string, string> = {
    "x-gitlab-blob-id": answer.blob_id,
    "x-gitlab-commit-id": answer.commit_id,
    "x-gitlab-content-sha256": answer.content_sha256,
    "x-gitlab-encoding": "base64",
    "x-gitlab-file-name": answer.file_name,
    "x-gitlab-file-path": answer.file_path,
    "x-gitlab-last-commit-id": answer.last_commit_id,
    "x-gitlab-ref": ref,
    "x-gitlab-size": String(answer.size),
  };
  if (!raw) return sendJson(res, 200, answer, headers);
  const binary = found.content.subarray(0, 8000).includes(0);
  res.writeHead(200, { ...headers, "content-type": binary ? "application/octet-stream" : "text/plain; charset=utf-8", "content-length": String(found.content.length) });
  res.end(found.content);
}

function project(request: ApiRequest, idOrPath: string, rest: string[]): void {
  const { res, state, caller, site } = request;
  const isFiles = rest[0] === "repository" && rest[1] === "files";
  if (!hasScope(caller, isFiles ? READ_FILES : READ_API)) return insufficientScope(res, isFiles ? READ_FILES : READ_API);
  const found = findProject(state, idOrPath);
  if (!found || !maySee(state, caller, found)) return notFound(res, "Project");
  if (rest.length === 0) {
    const access = caller ? membershipOf(state, caller, found) : null;
    return sendJson(res, 200, projectAnswer({ project: found, url: site.url, apiRoot: site.apiRoot, defaultBranch: readDefaultBranch(found.bare), access }));
  }
  if (rest[0] !== "repository") return sendJson(res, 404, { error: "404 Not Found" });
  if (!mayReadCode(state, caller, found)) return forbidden(res);
  const [, what, name, extra] = rest;
  if (what === "branches" && rest.length === 2) return branches(request, found);
  if (what === "branches" && rest.length === 3) return branches(request, found, name);
  if (what === "tree" && rest.length === 2) return tree(request, found);
  if (what === "files" && name && rest.length === 3) return file(request, found, name, false);
  if (what === "files" && name && extra === "raw" && rest.length === 4) return file(request, found, name, true);
  sendJson(res, 404, { error: "404 Not Found" });
}

const ORDERS = ["id", "name", "path", "created_at", "updated_at", "last_activity_at"] as const;

/**
 * GET /projects: the projects the caller may see, or with membership=true the
 * ones they are a member of (directly, through a group, or in their own
 * namespace); search= matches name, path or description; simple=true answers
 * the basic details. Sorted by order_by (created_at) and sort (desc), paginated.
 */
function listProjects(request: ApiRequest): void {
  const { res, url, state, caller, site } = request;
  if (!hasScope(caller, READ_API)) return insufficientScope(res, READ_API);
  const query = url.searchParams;
  const search = (query.get("search") ?? "").toLowerCase();
  const orderBy = query.get("order_by") ?? "created_at";
  const sort = query.get("sort") ?? "desc";
  if (!(ORDERS as readonly string[]).includes(orderBy) || !["asc", "desc"].includes(sort)) return sendJson(res, 400, { error: "order_by, sort does not have a valid value" });
  const found = [...state.projects.values()].filter((p) => {
    if (!maySee(state, caller, p)) return false;
    if (query.get("membership") === "true" && membershipOf(state, caller, p).max === 0) return false;
    if (query.get("owned") === "true" && membershipOf(state, caller, p).max < 50) return false;
    if (query.get("visibility") && p.visibility !== query.get("visibility")) return false;
    return !search || [p.name, p.path, p.description ?? ""].some((text) => text.toLowerCase().includes(search));
  });
  const key = (p: EmulatorProject): string | number => (orderBy === "id" ? p.id : orderBy === "name" ? p.name.toLowerCase() : orderBy === "path" ? p.path.toLowerCase() : p.createdAt);
  found.sort((a, b) => {
    const order = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id;
    return sort === "asc" ? order : -order;
  });
  const answers = paginate(request, found).map((p) => {
    const defaultBranch = readDefaultBranch(p.bare);
    if (query.get("simple") === "true") return simpleProjectAnswer({ project: p, url: site.url, defaultBranch });
    return projectAnswer({ project: p, url: site.url, apiRoot: site.apiRoot, defaultBranch, access: caller ? membershipOf(state, caller, p) : null });
  });
  sendJson(res, 200, answers);
}

/** Answers one GET under /api/v4 for an authenticated (or anonymous) caller. */
export function handleApi(request: ApiRequest): void {
  const { res, segments, caller, site } = request;
  const [head, ...rest] = segments;
  if (head === "user" && rest.length === 0) {
    if (!caller) return unauthorized(res);
    if (!hasScope(caller, READ_USER)) return insufficientScope(res, READ_USER);
    return sendJson(res, 200, currentUserAnswer(caller.user, site.url));
  }
  if (head === "personal_access_tokens" && rest[0] === "self" && rest.length === 1) {
    // Any valid token may read its own record, whatever its scopes; but only a personal access token has one.
    if (!caller) return unauthorized(res);
    if (caller.token.oauth) return sendJson(res, 400, { message: "400 Bad request - This endpoint requires token type to be a personal access token" });
    return sendJson(res, 200, tokenAnswer(caller.token, today()));
  }
  if (head === "projects" && rest.length === 0) return listProjects(request);
  if (head === "projects" && rest[0]) return project(request, rest[0], rest.slice(1));
  sendJson(res, 404, { error: "404 Not Found" });
}
