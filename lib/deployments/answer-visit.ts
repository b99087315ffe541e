import { Readable } from "node:stream";
import { getSessionUser } from "../auth";
import { getDeploy, getDeploymentBySlug, findActiveRun, type Deployment, type User } from "../db";
import { publicOrigin, requestOrigin } from "../http";
import { escapeHtml } from "../render";
import { deploymentPath, deployOrigin, DEPLOY_PATH_PREFIX } from "./deployment-urls";
import { storePath } from "./deploy-store";
import { publicDeploymentsAllowed } from "./public-deployments";
import { serveDeployedPath, SANDBOX_POLICY, type DeployedResponse } from "./serve";
import { ACCESS_COOKIE_MS, deployPassCookie, openDeployPass, visitDeployment } from "./visit-access";

const ACCESS_SLUG = "_access";

function cookieValue(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join("="));
    } catch {
      return undefined; // a mangled cookie is no pass
    }
  }
  return undefined;
}

/** A small page about the deployment (stopped, being deployed, not there), under the same sandbox as deployed content. */
function statusPage({ status, title, message, headers = {}, method }: { status: number; title: string; message: string; headers?: Record<string, string>; method: string }): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>body{font:16px/1.5 system-ui,sans-serif;color:#1e293b;max-width:40rem;margin:4rem auto;padding:0 1rem}h1{font-size:1.4rem}p{color:#475569}</style></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></body></html>\n`;
  return new Response(method === "HEAD" ? null : html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "content-security-policy": `default-src 'none'; style-src 'unsafe-inline'; ${SANDBOX_POLICY}`, "x-content-type-options": "nosniff", "referrer-policy": "no-referrer", ...headers },
  });
}

const notFoundPage = (method: string) => statusPage({ status: 404, title: "Not found", message: "There is no deployment at this address, or you may not see it. Check the link, or sign in with another account.", method });

function toResponse(answer: DeployedResponse, { publicContent }: { publicContent: boolean }): Response {
  const headers = new Headers(answer.headers);
  // Content only some may see must not be kept by shared caches.
  if (!publicContent) headers.set("cache-control", "private, no-cache");
  const body = answer.body === null ? null : answer.body instanceof Readable ? (Readable.toWeb(answer.body) as ReadableStream) : answer.body;
  return new Response(body as BodyInit | null, { status: answer.status, headers });
}

/** The path inside the deployment, decoded segment by segment; null when it cannot be. */
function innerPath(pathname: string, slug: string): string | null {
  const rest = pathname.slice(deploymentPath({ slug }).length);
  try {
    return rest
      .split("/")
      .map((segment) => decodeURIComponent(segment))
      .join("/");
  } catch {
    return null;
  }
}

/**
 * On the deploy origin: turns a minute's pass, handed out by Benchtop's own
 * origin (app/deploy-access), into a cookie for that deployment's path alone,
 * and goes on to the page asked for.
 */
function acceptPass(request: Request, url: URL, method: string): Response {
  const slug = url.pathname.slice(`${DEPLOY_PATH_PREFIX}${ACCESS_SLUG}/`.length);
  const deployment = getDeploymentBySlug({ slug });
  const pass = url.searchParams.get("pass");
  if (!deployment || !openDeployPass({ pass, deploymentId: deployment.id })) return notFoundPage(method);
  const base = deploymentPath({ slug });
  const back = url.searchParams.get("path") ?? base;
  const target = back.startsWith(base) && !back.startsWith("//") ? back : base;
  const secure = url.protocol === "https:" ? "; Secure" : "";
  const cookie = `${deployPassCookie(deployment)}=${encodeURIComponent(pass!)}; Path=${base}; Max-Age=${ACCESS_COOKIE_MS / 1000}; HttpOnly; SameSite=Lax${secure}`;
  return new Response(null, { status: 303, headers: { location: target, "set-cookie": cookie, "cache-control": "no-store", "referrer-policy": "no-referrer" } });
}

async function visitorOf(request: Request, deployment: Deployment | undefined, onOwnOrigin: boolean): Promise<User | undefined> {
  if (!onOwnOrigin) return getSessionUser();
  return deployment ? openDeployPass({ pass: cookieValue(request, deployPassCookie(deployment)), deploymentId: deployment.id }) : undefined;
}

/**
 * Answers GET and HEAD under /deploy/{slug}/: the deployment's files at the
 * commit of its current deploy, for visitors who may see it (visitDeployment),
 * always sandboxed into an opaque origin so that a deployed script can neither
 * read Benchtop's cookies nor call Benchtop as the visitor. With a deploy origin
 * of its own (BENCHTOP_DEPLOY_ORIGIN) it is served only there, where Benchtop's
 * cookies never arrive; visitors are let in by a pass from Benchtop's origin.
 */
export async function answerDeployRequest(request: Request, { slug }: { slug: string }): Promise<Response> {
  const url = new URL(request.url);
  const method = request.method === "HEAD" ? "HEAD" : "GET";
  const own = deployOrigin();
  const here = requestOrigin(request.headers, request.url);
  if (own && here !== own) return Response.redirect(new URL(url.pathname + url.search, own), 308);
  if (slug === ACCESS_SLUG && own) return acceptPass(request, url, method);
  if (url.pathname === deploymentPath({ slug }).slice(0, -1)) return Response.redirect(new URL(`${deploymentPath({ slug })}${url.search}`, here), 308);

  const deployment = getDeploymentBySlug({ slug });
  const visit = visitDeployment({ slug, user: await visitorOf(request, deployment, Boolean(own)) });
  if (visit.kind === "not-found") return notFoundPage(method);
  if (visit.kind === "sign-in") {
    const back = url.pathname + url.search;
    if (own) return Response.redirect(new URL(`/deploy-access/${encodeURIComponent(slug)}?path=${encodeURIComponent(back)}`, publicOrigin(request.headers, request.url)), 307);
    return new Response(null, { status: 307, headers: { location: `/login?callbackUrl=${encodeURIComponent(back)}`, "cache-control": "no-store" } });
  }
  const { deployment: shown } = visit;
  if (shown.stopped) return statusPage({ status: 503, title: `${shown.name} is stopped`, message: "This deployment has been stopped by its project's members. It serves again once they start it.", method });
  const current = shown.currentDeployId ? getDeploy({ id: shown.currentDeployId }) : undefined;
  if (!current) {
    if (findActiveRun({ deploymentId: shown.id }) || !shown.failure) {
      return statusPage({ status: 503, title: `${shown.name} is being deployed`, message: "Its first deploy is under way. This page reloads in a few seconds.", headers: { refresh: "3", "retry-after": "3" }, method });
    }
    return statusPage({ status: 503, title: `${shown.name} has not deployed yet`, message: "Its first deploy failed. The project's members see why on its Runs page, and can redeploy.", method });
  }
  const path = innerPath(url.pathname, slug);
  if (path === null) return notFoundPage(method);
  const answer = await serveDeployedPath({
    dir: storePath({ deploymentId: shown.id }),
    commit: current.commit,
    path,
    raw: url.searchParams.get("raw") === "1",
    baseUrl: deploymentPath({ slug }),
    title: shown.name,
    ifNoneMatch: request.headers.get("if-none-match"),
    method,
    sandbox: true,
  });
  return toResponse(answer, { publicContent: shown.visibility === "public" && publicDeploymentsAllowed() });
}
