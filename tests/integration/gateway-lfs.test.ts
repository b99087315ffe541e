// Git LFS through the git gateway, with the real git-lfs client talking to
// {benchtop}/proxy/{host}/{repo}.git with a session's cookie, as a session's
// git traffic does: the batch API relayed with the repository's credential, the
// transfers relayed through sealed URLs bound to the user, the method and a
// short expiry, against the GitHub and GitLab emulators whose transfers go to a
// second (storage) host. Everything the client received passes a recording
// proxy in front of Benchtop and is searched for the storage hosts, their
// signatures and the hosts' credentials.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGitHubEmulatorProcess, type GitHubEmulatorProcess } from "../../e2e/hosts/github/emulator-process";
import { startGitLabEmulatorProcess, type GitLabEmulatorProcess } from "../../e2e/hosts/gitlab/start-emulator-process";
import { makeLfsHome, runGitLfs } from "../../e2e/hosts/shared/git-lfs-client";
import { connectThroughGitHubApp } from "./helpers/github-app-connection";
import { api, baseUrl, createUser, signInBrowser, unique, type TestUser } from "./helpers/api";
import { startRecordingProxy, startTrapServer } from "./helpers/gateway";

const LFS = "application/vnd.git-lfs+json";
type Proxy = Awaited<ReturnType<typeof startRecordingProxy>>;
type Signed = TestUser & { cookie: string };

let github: GitHubEmulatorProcess;
let gitlab: GitLabEmulatorProcess;
let front: Proxy;
let owner: Signed;
let other: Signed;
let home: string;
let githubRepo: string;
const pushed: { github?: { oid: string; size: number; bytes: Buffer }; gitlab?: { oid: string; size: number } } = {};

const session = (user: Signed) => ({ Cookie: user.cookie, "Sec-Fetch-Site": "same-origin" });
const hostOf = (url: string) => new URL(url).host;
const viaGateway = (gitUrl: string) => `${front.url}/proxy/${gitUrl.replace(/^https?:\/\//, "")}`;
const githubGitUrl = () => `${github.url}/acme/${githubRepo}.git`;
const gitlabGitUrl = () => `${gitlab.url}/${gitlab.seed.fullName}.git`;
const githubControl = (body: Record<string, unknown>) => fetch(`${github.url}/_emulator/lfs`, { method: "POST", body: JSON.stringify({ repo: `acme/${githubRepo}`, ...body }) });

async function register(user: TestUser, provider: string, location: string, token: string | null) {
  const res = await api("/api/v1/repositories", { method: "POST", token: user.token, body: { provider, name: unique("lfs-"), location, ...(token ? { token } : {}) } });
  if (res.status !== 201) throw new Error(`register ${location}: ${res.status} ${res.text}`);
}

/** The gateway's batch API as a session calls it (through the recording proxy). */
async function batch(user: Signed | null, gitUrl: string, operation: "download" | "upload", objects: { oid: string; size: number }[]) {
  const res = await fetch(`${viaGateway(gitUrl).replace(/\.git$/, "")}.git/info/lfs/objects/batch`, {
    method: "POST",
    headers: { accept: LFS, "content-type": LFS, ...(user ? session(user) : {}) },
    body: JSON.stringify({ operation, transfers: ["basic"], objects }),
  });
  return { status: res.status, refusal: res.headers.get("x-benchtop-refusal"), body: await res.json() };
}

const relayHref = async (user: Signed, gitUrl: string, object: { oid: string; size: number }) => {
  const answer = await batch(user, gitUrl, "download", [object]);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.objects[0].actions.download.href as string;
};

/** Clones through the gateway, tracks `pattern`, commits `size` random bytes and pushes; then a fresh clone must hold the same bytes. */
async function pushAndCloneBack({ gitUrl, file, size, user }: { gitUrl: string; file: string; size: number; user: Signed }) {
  const headers = session(user);
  const work = fs.mkdtempSync(path.join(home, "work-"));
  const clone = await runGitLfs(["clone", "-q", viaGateway(gitUrl), work], { home, headers });
  expect(clone.code, clone.stderr).toBe(0);
  await runGitLfs(["lfs", "track", `*${path.extname(file)}`], { cwd: work, home });
  const bytes = crypto.randomBytes(size);
  fs.writeFileSync(path.join(work, file), bytes);
  await runGitLfs(["add", ".gitattributes", file], { cwd: work, home });
  await runGitLfs(["commit", "-q", "-m", `Add ${file}`], { cwd: work, home });
  const push = await runGitLfs(["push", "origin", "HEAD:main"], { cwd: work, home, headers });
  expect(push.code, push.stderr).toBe(0);

  const again = fs.mkdtempSync(path.join(home, "again-"));
  const fresh = await runGitLfs(["clone", "-q", viaGateway(gitUrl), again], { home, headers });
  expect(fresh.code, fresh.stderr).toBe(0);
  expect(fs.readFileSync(path.join(again, file)).equals(bytes), "the clone's file is the pushed file, byte for byte").toBe(true);
  return { oid: crypto.createHash("sha256").update(bytes).digest("hex"), size, bytes, work };
}

const storage = async (url: string, what: "objects" | "issued" | "log") => (await fetch(`${url}/_storage/${what}`)).json();

beforeAll(async () => {
  [github, gitlab] = await Promise.all([startGitHubEmulatorProcess(), startGitLabEmulatorProcess()]);
  front = await startRecordingProxy({ host: "127.0.0.1", port: Number(new URL(baseUrl()).port) });
  const [a, b] = await Promise.all([createUser(), createUser()]);
  owner = { ...a!, cookie: await signInBrowser(a!) };
  other = { ...b!, cookie: await signInBrowser(b!) };
  home = makeLfsHome();
  githubRepo = unique("lfs-data-");
  const created = await fetch(`${github.apiRoot}/orgs/acme/repos`, { method: "POST", headers: { authorization: `token ${github.world.tokens.admin}`, "content-type": "application/json" }, body: JSON.stringify({ name: githubRepo, auto_init: true }) });
  if (created.status !== 201) throw new Error(`create acme/${githubRepo}: ${created.status}`);
  await register(owner, "github-enterprise", `${github.url}/acme/${githubRepo}`, github.world.tokens.admin);
  await register(owner, "gitlab-self-managed", `${gitlab.url}/${gitlab.seed.fullName}`, gitlab.seed.tokens.admin);
});

afterAll(async () => {
  await front?.stop();
  await Promise.all([github?.stop(), gitlab?.stop()]);
  if (home) fs.rmSync(home, { recursive: true, force: true });
});

describe("Git LFS through the git gateway", () => {
  it("pushes a 20 MB file to GitHub and clones it back with the real git-lfs client; the storage host holds it", { timeout: 240_000 }, async () => {
    const result = await pushAndCloneBack({ gitUrl: githubGitUrl(), file: "model.bin", size: 20 * 1024 * 1024, user: owner });
    pushed.github = result;
    expect((await storage(github.lfsStorageUrl, "objects")).objects).toContainEqual({ oid: result.oid, size: result.size });
    // Locks go through too (GitHub has the locks API).
    const lock = await runGitLfs(["lfs", "lock", "model.bin"], { cwd: result.work, home, headers: session(owner) });
    expect(lock.code, lock.stderr).toBe(0);
    const locks = await runGitLfs(["lfs", "locks"], { cwd: result.work, home, headers: session(owner) });
    expect(locks.stdout).toMatch(/model\.bin\s+octocat/);
    const unlock = await runGitLfs(["lfs", "unlock", "model.bin"], { cwd: result.work, home, headers: session(owner) });
    expect(unlock.code, unlock.stderr).toBe(0);
  });

  it("pushes a 20 MB file to GitLab (uploads to GitLab with its LFS token, downloads from its storage) and clones it back", { timeout: 240_000 }, async () => {
    const result = await pushAndCloneBack({ gitUrl: gitlabGitUrl(), file: "table.parquet", size: 20 * 1024 * 1024, user: owner });
    pushed.gitlab = result;
    expect((await storage(gitlab.lfsStorageUrl, "objects")).objects).toContainEqual({ oid: result.oid, size: result.size });
  });

  it("relays a download with the object's bytes and none of the storage service's headers", async () => {
    const { oid, size, bytes } = pushed.github!;
    const res = await fetch(await relayHref(owner, githubGitUrl(), { oid, size }), { headers: session(owner) });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    const names = [...res.headers.keys()];
    expect(names.filter((n) => n.startsWith("x-amz") || ["set-cookie", "location", "etag", "www-authenticate"].includes(n))).toEqual([]);
    expect(res.headers.get("content-type")).toBe("application/octet-stream");
  });

  it("lets nobody else use a user's relay URL, nor anyone past its expiry, method or seal", async () => {
    const { oid, size } = pushed.github!;
    const href = await relayHref(owner, githubGitUrl(), { oid, size });
    const log = async () => (await storage(github.lfsStorageUrl, "log")).requests.length;
    const before = await log();

    const stolen = await fetch(href, { headers: session(other) });
    expect(stolen.status).toBe(403);
    expect(stolen.headers.get("x-benchtop-refusal")).toBe("transfer_not_yours");
    expect((await stolen.json()).message).toMatch(/made for another Benchtop user/);
    expect((await fetch(href)).status).toBe(401);
    const put = await fetch(href, { method: "PUT", headers: { ...session(owner), "content-type": "application/octet-stream" }, body: "x" });
    expect(put.headers.get("x-benchtop-refusal")).toBe("transfer_invalid");
    const token = href.split("/proxy/_lfs/")[1]!;
    const tampered = await fetch(href.replace(token, `${token.slice(0, 40)}${token[40] === "A" ? "B" : "A"}${token.slice(41)}`), { headers: session(owner) });
    expect(tampered.status).toBe(404);
    expect(tampered.headers.get("x-benchtop-refusal")).toBe("transfer_invalid");
    // Nor may the other user ask the repository's host at all.
    const theirs = await batch(other, githubGitUrl(), "download", [{ oid, size }]);
    expect([theirs.status, theirs.refusal]).toEqual([404, "not_a_target"]);

    await githubControl({ expiresIn: -1 });
    const expired = await fetch(await relayHref(owner, githubGitUrl(), { oid, size }), { headers: session(owner) });
    await githubControl({ expiresIn: 3600 });
    expect(expired.status).toBe(403);
    expect(expired.headers.get("x-benchtop-refusal")).toBe("transfer_expired");
    expect((await expired.json()).message).toMatch(/expired/);
    expect(await log(), "refused relays never reach the storage host").toBe(before);
  });

  it("verifies an upload smaller than the verification's own JSON body", async () => {
    // The relay once capped the verify request at the object's size, refusing the check for small files.
    const bytes = crypto.randomBytes(8);
    const object = { oid: crypto.createHash("sha256").update(bytes).digest("hex"), size: bytes.length };
    const answer = await batch(owner, githubGitUrl(), "upload", [object]);
    expect(answer.status).toBe(200);
    const { upload, verify } = answer.body.objects[0].actions as Record<"upload" | "verify", { href: string }>;
    const put = await fetch(upload.href, { method: "PUT", headers: { ...session(owner), "content-type": "application/octet-stream" }, body: new Uint8Array(bytes) });
    expect(put.status, await put.text()).toBe(200);
    const checked = await fetch(verify.href, { method: "POST", headers: { ...session(owner), accept: LFS, "content-type": LFS }, body: JSON.stringify(object) });
    expect(checked.status, await checked.text()).toBe(200);
    expect((await storage(github.lfsStorageUrl, "objects")).objects).toContainEqual(object);
  });

  it("takes an upload of exactly the declared size only, and follows no redirect of the storage service", async () => {
    const bytes = crypto.randomBytes(64);
    const object = { oid: crypto.createHash("sha256").update(bytes).digest("hex"), size: bytes.length };
    const answer = await batch(owner, githubGitUrl(), "upload", [object]);
    expect(answer.status).toBe(200);
    const upload = answer.body.objects[0].actions.upload.href as string;
    const short = await fetch(upload, { method: "PUT", headers: { ...session(owner), "content-type": "application/octet-stream" }, body: new Uint8Array(bytes.subarray(1)) });
    expect([short.status, short.headers.get("x-benchtop-refusal")]).toEqual([400, "transfer_invalid"]);
    expect((await storage(github.lfsStorageUrl, "objects")).objects.map((o: { oid: string }) => o.oid)).not.toContain(object.oid);

    const storageHost = hostOf(github.lfsStorageUrl);
    const redirecting = await startTrapServer({ answer: (req, res) => res.writeHead(307, { location: `http://${storageHost}${req.url}`, "set-cookie": "AWSALB=1" }).end() });
    const before = (await storage(github.lfsStorageUrl, "log")).requests.length;
    await githubControl({ storageOrigin: `http://127.0.0.1:${redirecting.port}` });
    try {
      const { oid, size } = pushed.github!;
      const res = await fetch(await relayHref(owner, githubGitUrl(), { oid, size }), { headers: session(owner) });
      expect([res.status, res.headers.get("x-benchtop-refusal")]).toEqual([502, "transfer_refused"]);
      expect(res.headers.get("location")).toBeNull();
      expect(res.headers.get("set-cookie")).toBeNull();
      expect((await res.json()).message).toMatch(/redirected the download, and the gateway follows no redirects/);
      expect(redirecting.requests).toHaveLength(1);
      expect((await storage(github.lfsStorageUrl, "log")).requests.length).toBe(before);
    } finally {
      await githubControl({ storageOrigin: null });
      await redirecting.stop();
    }
  });

  it("refuses a transfer the host sends to a private address, naming BENCHTOP_INSECURE_HOSTS but not the address", { timeout: 120_000 }, async () => {
    const { oid, size } = pushed.github!;
    const storagePort = new URL(github.lfsStorageUrl).port;
    await githubControl({ storageOrigin: `http://127.0.0.2:${storagePort}` });
    try {
      const res = await fetch(await relayHref(owner, githubGitUrl(), { oid, size }), { headers: session(owner) });
      expect(res.status).toBe(403);
      expect(res.headers.get("x-benchtop-refusal")).toBe("host_not_allowed");
      const { message } = await res.json();
      expect(message).toMatch(/private or local network address.*BENCHTOP_INSECURE_HOSTS/);
      expect(message).not.toContain("127.0.0.2");

      // The git-lfs client shows the same words.
      const clone = fs.mkdtempSync(path.join(home, "private-"));
      expect((await runGitLfs(["clone", "-q", viaGateway(githubGitUrl()), clone], { home, headers: session(owner), env: { GIT_LFS_SKIP_SMUDGE: "1" } })).code).toBe(0);
      // git-lfs retries a refused transfer eight times by default.
      const pull = await runGitLfs(["-c", "lfs.transfer.maxretries=1", "lfs", "pull"], { cwd: clone, home, headers: session(owner) });
      expect(pull.code).not.toBe(0);
      expect(pull.stderr).toMatch(/BENCHTOP_INSECURE_HOSTS/);
      expect(pull.stderr).not.toContain("127.0.0.2");
    } finally {
      await githubControl({ storageOrigin: null });
    }
  });

  it("says to install the GitHub app when GitHub refuses Git LFS for an app's authorization", { timeout: 120_000 }, async () => {
    // A user who reaches the repository through a GitHub App connection (the real OAuth flow against the emulator).
    const appUser = await createUser();
    const signed = { ...appUser, cookie: await signInBrowser(appUser) };
    await connectThroughGitHubApp({ github, user: appUser });
    await register(appUser, "github-enterprise", `${github.url}/acme/${githubRepo}`, null);

    const { oid, size } = pushed.github!;
    expect((await batch(signed, githubGitUrl(), "download", [{ oid, size }])).status, "the app's authorization reaches LFS while the app is installed").toBe(200);
    await githubControl({ appInstalled: false });
    try {
      const refused = await batch(signed, githubGitUrl(), "download", [{ oid, size }]);
      expect(refused.status).toBe(403);
      expect(refused.refusal).toBe("lfs_refused");
      expect(refused.body.message).toMatch(/^GitHub refused Git LFS for this repository \(.* said: "Resource not accessible by integration"\)\. GitHub serves Git LFS only when Benchtop's GitHub app is installed on the repository, even a public one\. Install the app/);

      // With the repository's own token, the words point at the token; git lfs prints them.
      const work = fs.mkdtempSync(path.join(home, "refused-"));
      await runGitLfs(["clone", "-q", viaGateway(githubGitUrl()), work], { home, headers: session(owner), env: { GIT_LFS_SKIP_SMUDGE: "1" } });
      fs.writeFileSync(path.join(work, "more.bin"), crypto.randomBytes(1024));
      await runGitLfs(["add", "more.bin"], { cwd: work, home });
      await runGitLfs(["commit", "-q", "-m", "More"], { cwd: work, home });
      const push = await runGitLfs(["push", "origin", "HEAD:main"], { cwd: work, home, headers: session(owner) });
      expect(push.code).not.toBe(0);
      expect(push.stderr).toMatch(/GitHub refused Git LFS for this repository/);
      expect(push.stderr).toMatch(/token stored for this repository/);
    } finally {
      await githubControl({ appInstalled: true });
    }
  });

  it("never lets a storage host, a signed URL or a host credential reach the client", async () => {
    const received = front.received();
    expect(received.includes("/proxy/_lfs/"), "LFS went through the gateway").toBe(true);
    const secrets = [
      hostOf(github.lfsStorageUrl),
      hostOf(gitlab.lfsStorageUrl),
      "lfs-objects/",
      "X-Amz-",
      "RemoteAuth",
      "gitlab-lfs/objects",
      github.world.tokens.admin,
      gitlab.seed.tokens.admin,
      Buffer.from(`x-access-token:${github.world.tokens.admin}`).toString("base64"),
      Buffer.from(`oauth2:${gitlab.seed.tokens.admin}`).toString("base64"),
    ];
    for (const url of [github.lfsStorageUrl, gitlab.lfsStorageUrl]) {
      const issued = (await storage(url, "issued")) as { signatures: string[]; headerTokens: string[] };
      expect(issued.signatures.length).toBeGreaterThan(0);
      secrets.push(...issued.signatures, ...issued.headerTokens);
    }
    for (const secret of secrets) expect(received.includes(secret), `the client received ${secret}`).toBe(false);
  });
});
