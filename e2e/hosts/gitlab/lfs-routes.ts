// GitLab's Git LFS API on the emulator, as a GitLab with object storage and
// direct download answers it: the batch API at {namespace}/{project}.git/info/lfs/objects/batch
// (HTTP Basic with a token, as git), downloads as signed URLs on the storage host
// (shared/lfs-storage.ts), uploads to GitLab's own
// {project}.git/gitlab-lfs/objects/{oid}/{size} with a short-lived LFS token in
// the action's Authorization header (and Transfer-Encoding: chunked, which GitLab
// asks for), which GitLab then puts into the storage.
//
// Test-only control (no GitLab has it):
//   POST /_emulator/lfs {"project", "lfsEnabled"?: false, "storageOrigin"?: URL}
import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { expiry, readBatchRequest, sendLfs } from "../shared/lfs-batch";
import type { LfsStorage } from "../shared/lfs-storage";
import { readJsonObject, sendJsonBody } from "../shared/oauth-http";
import type { EmulatorProject, EmulatorUser } from "./model";
import { findProject, mayPush, mayReadCode, maySee, type Caller, type EmulatorState } from "./state";

const BATCH_PATH = /^\/(.+?)\.git\/info\/lfs\/objects\/batch$/;
const UPLOAD_PATH = /^\/(.+?)\.git\/gitlab-lfs\/objects\/([0-9a-f]{64})\/(\d+)$/;
/** Gitlab::LfsToken's lifetime. */
const LFS_TOKEN_SECONDS = 7200;
/** How long the storage's signed download URLs last. */
const DOWNLOAD_SECONDS = 3600;

type LfsToken = { userId: number; projectId: number; expiresAtMs: number };

/**
 * `authenticate` is the emulator's own check of a git request's Basic password:
 * it answers the refusal itself and returns undefined, or the caller (null when anonymous).
 */
export function createGitLabLfs({ state, storage, siteUrl, authenticate }: { state: EmulatorState; storage: LfsStorage; siteUrl: () => string; authenticate: (res: ServerResponse, password: string | null) => Caller | undefined }) {
  const lfsTokens = new Map<string, LfsToken>();
  const settings = new Map<number, { lfsEnabled: boolean; storageOrigin?: string }>();
  const settingsOf = (project: EmulatorProject) => settings.get(project.id) ?? { lfsEnabled: true };
  const help = () => `${siteUrl()}/help`;
  const notFound = (res: ServerResponse) => sendLfs(res, 404, { message: "Not found.", documentation_url: help() });
  const forbidden = (res: ServerResponse) => sendLfs(res, 403, { message: "Access forbidden. Check your access level.", documentation_url: help() });

  function uploadHeader(user: EmulatorUser, project: EmulatorProject): Record<string, string> {
    const token = crypto.randomBytes(20).toString("hex");
    lfsTokens.set(token, { userId: user.id, projectId: project.id, expiresAtMs: Date.now() + LFS_TOKEN_SECONDS * 1000 });
    return { Authorization: `Basic ${Buffer.from(`${user.username}:${token}`).toString("base64")}`, "Content-Type": "application/octet-stream", "Transfer-Encoding": "chunked" };
  }

  async function batch(req: IncomingMessage, res: ServerResponse, projectPath: string, password: string | null): Promise<void> {
    const caller = authenticate(res, password);
    if (caller === undefined) return;
    const project = findProject(state, projectPath);
    if (!project || !maySee(state, caller, project) || !settingsOf(project).lfsEnabled) return caller ? notFound(res) : sendLfs(res, 401, { message: "HTTP Basic: Access denied", documentation_url: help() }, { "www-authenticate": 'Basic realm="GitLab"' });
    const request = await readBatchRequest(req);
    if (!request) return sendLfs(res, 422, { message: "Unprocessable Entity", documentation_url: help() });
    if (request.operation === "upload" ? !caller || !mayPush(state, caller, project) : !mayReadCode(state, caller, project)) return forbidden(res);
    const { storageOrigin } = settingsOf(project);
    const objects = request.objects.map(({ oid, size }) => {
      const stored = storage.sizeOf(oid);
      if (request.operation === "download") {
        if (stored === null) return { oid, size, error: { code: 404, message: "Object does not exist on the server or you don't have permissions to access it" } };
        const { href } = storage.sign({ method: "GET", oid, size: stored, expiresIn: DOWNLOAD_SECONDS, origin: storageOrigin });
        return { oid, size: stored, authenticated: true, actions: { download: { href, ...expiry(DOWNLOAD_SECONDS) } } };
      }
      if (stored === size) return { oid, size, authenticated: true };
      const href = `${siteUrl()}/${project.fullPath}.git/gitlab-lfs/objects/${oid}/${size}`;
      return { oid, size, authenticated: true, actions: { upload: { href, header: uploadHeader(caller!.user, project), ...expiry(LFS_TOKEN_SECONDS) } } };
    });
    sendLfs(res, 200, { objects });
  }

  async function upload(req: IncomingMessage, res: ServerResponse, projectPath: string, oid: string, size: number, password: string | null): Promise<void> {
    const token = password ? lfsTokens.get(password) : undefined;
    const project = findProject(state, projectPath);
    if (!token || token.expiresAtMs < Date.now() || !project || token.projectId !== project.id) return sendLfs(res, 401, { message: "HTTP Basic: Access denied", documentation_url: help() }, { "www-authenticate": 'Basic realm="GitLab"' });
    const stored = await storage.put({ oid, size, body: req });
    if (!stored.ok) return sendLfs(res, 400, { message: `Unprocessable Entity: ${stored.reason}`, documentation_url: help() });
    res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end();
  }

  /** Answers the LFS paths (true), or leaves the request to the other routes (false). */
  async function handle(req: IncomingMessage, res: ServerResponse, url: URL, password: string | null): Promise<boolean> {
    const pathname = decodeURIComponent(url.pathname);
    const batchMatch = BATCH_PATH.exec(pathname);
    if (batchMatch && req.method === "POST") return await batch(req, res, batchMatch[1]!, password), true;
    const uploadMatch = UPLOAD_PATH.exec(pathname);
    if (uploadMatch && req.method === "PUT") return await upload(req, res, uploadMatch[1]!, uploadMatch[2]!, Number(uploadMatch[3]), password), true;
    return false;
  }

  /** POST /_emulator/lfs: the test-only switches above. */
  async function control(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJsonObject(req);
    const project = body && typeof body.project === "string" ? findProject(state, body.project) : null;
    if (req.method !== "POST" || !body || !project) return sendJsonBody(res, 400, { error: 'POST {"project", "lfsEnabled"?, "storageOrigin"?} for a seeded project' });
    const next = { ...settingsOf(project) };
    if (typeof body.lfsEnabled === "boolean") next.lfsEnabled = body.lfsEnabled;
    if (typeof body.storageOrigin === "string") next.storageOrigin = body.storageOrigin;
    if (body.storageOrigin === null) delete next.storageOrigin;
    settings.set(project.id, next);
    sendJsonBody(res, 200, { project: project.fullPath, ...next });
  }

  return { handle, control };
}
