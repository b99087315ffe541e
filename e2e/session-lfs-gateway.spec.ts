// Git LFS in a session on a registered GitHub Enterprise repository: the emulator
// hands LFS transfers to its own storage host (signed URLs with a RemoteAuth
// header, as GitHub's media storage takes them). The session reads an LFS-tracked
// CSV and pushes an edit of it through Benchtop's git gateway, whose LFS relay
// rewrites every transfer URL to /proxy/_lfs/{grant}; the real git lfs client then
// reads the pushed object straight from the emulator. The storage host's address,
// its signatures and its action headers never reach the browser: not the page, not
// its storage, not a URL it asked for, not a batch answer it read.
import { browserStorageDump } from "./browser-storage";
import { startGitHubEmulatorProcess, type GitHubEmulatorProcess } from "./hosts/github/emulator-process";
import { SessionPage } from "./pages/session-page";
import { expect, lfsHome, NativeGit, test } from "./session-fixtures";

// Fixed: the app server's BENCHTOP_INSECURE_HOSTS (playwright.config.ts) names both.
const GITHUB_PORT = 3468;
const LFS_STORAGE_PORT = 3469;

const CSV = "day,sales\nmon,3\ntue,5\n";
const EDITED = "day,sales\nmon,3\ntue,5\nwed,8 ✓\n";

let github: GitHubEmulatorProcess;

test.beforeAll(async () => {
  github = await startGitHubEmulatorProcess({ port: GITHUB_PORT, lfsStoragePort: LFS_STORAGE_PORT });
});

test.afterAll(async () => {
  await github?.stop();
});

/** Every secret value the storage host handed out (signatures and action header tokens). */
async function issuedSecrets(): Promise<string[]> {
  const issued = (await (await fetch(`${github.lfsStorageUrl}/_storage/issued`)).json()) as { signatures: string[]; headerTokens: string[] };
  return [...issued.signatures, ...issued.headerTokens];
}

async function storedObjects(): Promise<{ oid: string; size: number }[]> {
  return ((await (await fetch(`${github.lfsStorageUrl}/_storage/objects`)).json()) as { objects: { oid: string; size: number }[] }).objects;
}

test("a GitHub Enterprise repository's LFS CSV opens and its edit is pushed through the gateway; the storage host stays out of the browser", async ({ api, openBrowser }) => {
  // Native git lfs, a session, a push through two relays: more than the default on a 2-core machine.
  test.setTimeout(120_000);
  const providerToken = github.world.tokens.admin;
  const native = new NativeGit(`${github.url}/acme/models.git`, providerToken, lfsHome()).clone();
  native.run(["lfs", "track", "*.csv"]);
  native.run(["add", ".gitattributes"]);
  native.run(["commit", "-q", "-m", "Keep data in Git LFS"]);
  native.commitFile("data.csv", CSV, "Add data");
  expect(native.run(["lfs", "ls-files", "--name-only"]).trim()).toBe("data.csv");
  expect(await storedObjects()).toHaveLength(1);

  const user = await api.createUser({ name: "LFS Gateway Owner" });
  const benchtopToken = await api.createToken(user);
  const created = await api.request.post("/api/v1/repositories", {
    headers: { authorization: `Bearer ${benchtopToken}` },
    data: { provider: "github-enterprise", name: "acme-models", location: `${github.url}/acme/models`, token: providerToken },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id: repositoryId } = (await created.json()) as { id: string };

  const context = await openBrowser(user);
  const page = context.pages()[0]!;
  // Everything the page's network saw: URLs, request headers, and the bodies of LFS answers (batch and transfers).
  const seen: string[] = [];
  const lfsBodies: Promise<string>[] = [];
  context.on("request", (request) => seen.push(request.url(), JSON.stringify(request.headers()), request.postData() ?? ""));
  context.on("response", (response) => {
    seen.push(response.url(), JSON.stringify(response.headers()));
    if (/\/info\/lfs\/|\/proxy\/_lfs\//.test(response.url())) lfsBodies.push(response.text().catch(() => ""));
  });

  const session = new SessionPage(page);
  await session.openRepository(repositoryId);
  await session.openFile("data.csv");
  await session.expectEditorText(CSV);
  await expect(page.getByText("Large file (Git LFS)")).toBeVisible();

  await session.replaceText(EDITED);
  await session.commit("Another day of sales");
  await session.push();
  await expect(session.unpushed).toHaveText("0 unpushed");

  // The real git lfs client, straight to the emulator: a pointer was committed and its object is the edit's exact bytes.
  native.pull();
  expect(native.read("data.csv").equals(Buffer.from(EDITED, "utf8"))).toBe(true);
  expect(native.run(["cat-file", "-p", "HEAD:data.csv"])).toMatch(new RegExp(`^version https://git-lfs\\.github\\.com/spec/v1\noid sha256:[0-9a-f]{64}\nsize ${Buffer.byteLength(EDITED)}\n$`));
  expect(native.run(["log", "-1", "--format=%an <%ae>|%s"]).trim()).toBe(`${user.name} <${user.email}>|Another day of sales`);
  native.run(["lfs", "fsck"]);
  const fresh = new NativeGit(`${github.url}/acme/models.git`, providerToken, lfsHome()).clone();
  expect(fresh.read("data.csv").equals(Buffer.from(EDITED, "utf8"))).toBe(true);
  const oid = /oid sha256:([0-9a-f]{64})/.exec(native.run(["cat-file", "-p", "HEAD:data.csv"]))![1];
  expect(await storedObjects()).toContainEqual({ oid, size: Buffer.byteLength(EDITED) });

  // The session's LFS traffic went through the gateway's relay.
  const urls = seen.filter((entry) => entry.startsWith("http"));
  expect(urls.some((url) => url.includes("/proxy/_lfs/"))).toBe(true);

  // Nothing of the storage host anywhere the browser could see it.
  const secrets = await issuedSecrets();
  expect(secrets.length).toBeGreaterThanOrEqual(4); // the native push and download, the session's download and upload
  const storageHost = new URL(github.lfsStorageUrl).host;
  const forbidden = [storageHost, `localhost:${LFS_STORAGE_PORT}`, "X-Amz-Signature", "RemoteAuth", providerToken, ...secrets];
  const bodies = await Promise.all(lfsBodies);
  expect(bodies.length).toBeGreaterThan(0);
  const storage = await browserStorageDump(page);
  expect(storage).toContain("benchtop-repository-"); // the dump did read the session's volume
  const places = { html: await page.content(), storage, network: seen.join("\n"), lfsBodies: bodies.join("\n") };
  for (const [place, text] of Object.entries(places)) {
    for (const value of forbidden) expect(text.includes(value), `${place} holds ${value}`).toBe(false);
  }
});
