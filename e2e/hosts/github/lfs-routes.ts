// GitHub's Git LFS API on the emulator: the batch API at
// {owner}/{repo}.git/info/lfs/objects/batch (Accept: application/vnd.git-lfs+json
// or 406, as GitHub answers), transfers on a second host (shared/lfs-storage.ts,
// signed URLs with a RemoteAuth header, as GitHub's media storage takes them),
// a verify callback on GitHub's side, and the locks API.
//
// Test-only control (no GitHub has it):
//   POST /_emulator/lfs {"repo", "appInstalled"?: false, "expiresIn"?: N, "storageOrigin"?: URL}
//     appInstalled false: the LFS API answers 403 for the repository, as GitHub does when its app is not installed there
//     expiresIn: the seconds the actions last (default 3600; negative: already expired)
//     storageOrigin: where transfer URLs point (a test's address Benchtop must refuse)
import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { acceptsLfs, expiry, readBatchRequest, sendLfs } from "../shared/lfs-batch";
import { createLockStore } from "../shared/lfs-locks";
import type { LfsStorage } from "../shared/lfs-storage";
import { readJsonObject, sendJsonBody } from "../shared/oauth-http";
import { readAuth } from "./emulator-http";
import type { EmulatorState } from "./emulator-state";

const DOCS = "https://docs.github.com/repositories/working-with-files/managing-large-files";
const LFS_PATH = /^\/([^/]+)\/([^/]+?)(?:\.git)?\/info\/lfs\/(objects\/batch|locks|locks\/verify|locks\/[^/]+\/unlock)$/;
const VERIFY_PATH = /^\/_lfs\/([^/]+)\/([^/]+)\/objects\/([0-9a-f]{64})\/verify$/;

type Settings = { appInstalled: boolean; expiresIn: number; storageOrigin?: string };

export function createGitHubLfs({ state, storage, siteUrl }: { state: EmulatorState; storage: LfsStorage; siteUrl: () => string }) {
  const settings = new Map<string, Settings>();
  const settingsOf = (fullName: string): Settings => settings.get(fullName.toLowerCase()) ?? { appInstalled: true, expiresIn: 3600 };
  const verifySecret = crypto.randomBytes(16);
  const verifyToken = (fullName: string, oid: string) => `RemoteAuth ${crypto.createHmac("sha256", verifySecret).update(`${fullName.toLowerCase()}\n${oid}`).digest("hex").slice(0, 40)}`;
  const locks = createLockStore();
  const refuse = (res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) => sendLfs(res, status, { message, documentation_url: DOCS }, headers);

  async function batch(req: IncomingMessage, res: ServerResponse, fullName: string, canWrite: boolean): Promise<void> {
    const request = await readBatchRequest(req);
    if (!request) return refuse(res, 422, "Validation Failed");
    if (request.operation === "upload" && !canWrite) return refuse(res, 403, `You don't have push access to ${fullName}.`);
    const { expiresIn, storageOrigin } = settingsOf(fullName);
    const sign = (method: "GET" | "PUT", oid: string, size: number) => ({ ...storage.sign({ method, oid, size, expiresIn, withHeader: true, origin: storageOrigin }), ...expiry(expiresIn) });
    const objects = request.objects.map(({ oid, size }) => {
      const stored = storage.sizeOf(oid);
      if (request.operation === "download") {
        if (stored === null) return { oid, size, error: { code: 404, message: "Object does not exist on the server" } };
        return { oid, size: stored, authenticated: true, actions: { download: sign("GET", oid, stored) } };
      }
      // Already there: no actions, and the client skips it.
      if (stored === size) return { oid, size, authenticated: true };
      const verify = { href: `${siteUrl()}/_lfs/${fullName}/objects/${oid}/verify`, header: { Authorization: verifyToken(fullName, oid) }, ...expiry(expiresIn) };
      return { oid, size, authenticated: true, actions: { upload: sign("PUT", oid, size), verify } };
    });
    sendLfs(res, 200, { transfer: "basic", objects, hash_algo: "sha256" });
  }

  async function verify(req: IncomingMessage, res: ServerResponse, fullName: string, oid: string): Promise<void> {
    if (req.headers.authorization !== verifyToken(fullName, oid)) return refuse(res, 401, "Bad credentials");
    const body = await readJsonObject(req);
    if (!body || body.oid !== oid || typeof body.size !== "number") return refuse(res, 422, "Validation Failed");
    if (storage.sizeOf(oid) !== body.size) return refuse(res, 404, "Object does not exist on the server");
    sendLfs(res, 200, {});
  }

  /** Answers the LFS paths (true), or leaves the request to the other routes (false). */
  async function handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
    const verifyMatch = VERIFY_PATH.exec(pathname);
    if (verifyMatch && req.method === "POST") return await verify(req, res, `${verifyMatch[1]}/${verifyMatch[2]}`, verifyMatch[3]!), true;
    const match = LFS_PATH.exec(pathname);
    if (!match) return false;
    if (!acceptsLfs(req)) return refuse(res, 406, "Not Acceptable"), true;
    const auth = readAuth(state, req.headers.authorization);
    const challenge = { "lfs-authenticate": 'Basic realm="GitHub"' };
    if (auth.kind === "bad") return refuse(res, 401, "Bad credentials", challenge), true;
    const repo = state.findRepo(`${match[1]}/${match[2]}`);
    const access = repo && state.accessTo(repo, auth.kind === "token" ? auth.token : null);
    if (!repo || !access) return (auth.kind === "token" ? refuse(res, 404, "Repository not found") : refuse(res, 401, "Credentials needed", challenge)), true;
    if (!settingsOf(repo.fullName).appInstalled) return refuse(res, 403, "Resource not accessible by integration"), true;
    const endpoint = match[3]!;
    if (endpoint === "objects/batch") {
      if (req.method !== "POST") return refuse(res, 404, "Not Found"), true;
      return await batch(req, res, repo.fullName, access.canWrite), true;
    }
    if (auth.kind !== "token") return refuse(res, 401, "Credentials needed", challenge), true;
    await locks.serve({ req, res, repo: repo.fullName.toLowerCase(), endpoint, user: auth.token.login, mayPush: access.canWrite, docs: DOCS });
    return true;
  }

  /** POST /_emulator/lfs: the test-only switches above. */
  async function control(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJsonObject(req);
    const repo = body && typeof body.repo === "string" ? state.findRepo(body.repo) : undefined;
    if (req.method !== "POST" || !body || !repo) return sendJsonBody(res, 400, { error: 'POST {"repo", "appInstalled"?, "expiresIn"?, "storageOrigin"?} for a seeded repository' });
    const next = { ...settingsOf(repo.fullName) };
    if (typeof body.appInstalled === "boolean") next.appInstalled = body.appInstalled;
    if (typeof body.expiresIn === "number") next.expiresIn = body.expiresIn;
    if (typeof body.storageOrigin === "string") next.storageOrigin = body.storageOrigin;
    if (body.storageOrigin === null) delete next.storageOrigin;
    settings.set(repo.fullName.toLowerCase(), next);
    sendJsonBody(res, 200, { repo: repo.fullName, ...next });
  }

  return { handle, control };
}
