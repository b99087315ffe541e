import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gitText } from "@/lib/archives/download/test-support/fixture-repository";
import { SANDBOX_POLICY, serveDeployedPath, type DeployedResponse } from ".";
import { STREAM_FROM_BYTES } from "./serve-file";
import { makeBareRepository, tinyPng, type FixtureEntry } from "./test-support/deployment-repository";
import { startTags } from "./test-support/html-tags";

const BASE = "/deploy/weekly-report/";
const PNG = tinyPng(3, 2, [200, 30, 30]);
const BINARY = Buffer.concat([Buffer.from([0, 1, 2, 255, 254]), randomBytes(3000)]);
const LARGE = randomBytes(STREAM_FROM_BYTES + 300_000);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="teal"/></svg>\n';

const FIRST: Record<string, FixtureEntry> = {
  "index.html": '<!DOCTYPE html><html><head><link rel="stylesheet" href="style.css"><script src="app.js"></script></head><body><h1>Report v1</h1><img src="logo.png"></body></html>\n',
  "style.css": "body { color: #123456; }\n",
  "app.js": "document.title = 'ran';\n",
  "logo.png": PNG,
  "icon.svg": SVG,
  "data/values.csv": "a,b\n1,2\n",
  "data/raw.bin": BINARY,
  "data/large.bin": LARGE,
  "docs/a & <b>.txt": "ampersand\n",
  'docs/"quoted" <script>.txt': "quoted\n",
  "docs/sub folder/deep.txt": "deep\n",
  "docs/-rf": "dash\n",
  "docs/star*.txt": "literal star\n",
  "docs/100% done.txt": "percent\n",
  "site/index.html": "<p>site index</p>\n",
  "site/page.html": "<p>page</p>\n",
  "legacy/index.htm": "<p>legacy</p>\n",
  LICENSE: "Permission is granted.\n",
  "tool.py": "print('hi')\n",
  "link-inside.csv": { symlink: "data/values.csv" },
  "data-link": { symlink: "data" },
  "link-out": { symlink: "../../../etc/passwd" },
  "link-absolute": { symlink: "/etc/passwd" },
  "vendor/lib": { submodule: "1234567890abcdef1234567890abcdef12345678" },
};

let root: string;
let dir: string;
let first: string;
let second: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "deploy-serve-"));
  dir = path.join(root, "deployment.git");
  [first, second] = makeBareRepository(dir, [FIRST, { "index.html": "<h1>Report v2</h1>\n", "style.css": null, "added.txt": "new\n" }]) as [string, string];
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

type Options = { commit?: string; method?: "GET" | "HEAD"; ifNoneMatch?: string; sandbox?: boolean; raw?: boolean };

function serve(requestPath: string, options: Options = {}): Promise<DeployedResponse> {
  return serveDeployedPath({ dir, commit: options.commit ?? first, path: requestPath, baseUrl: BASE, title: "Weekly <report>", method: options.method ?? "GET", sandbox: options.sandbox ?? true, ifNoneMatch: options.ifNoneMatch, raw: options.raw });
}

async function bytesOf(response: DeployedResponse): Promise<Buffer> {
  const { body } = response;
  if (body === null) return Buffer.alloc(0);
  if (body instanceof Readable) {
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
  return Buffer.from(body);
}

const textOf = async (response: DeployedResponse) => (await bytesOf(response)).toString("utf8");

/** The committed file's bytes, as native git gives them. */
const committed = (commit: string, file: string) => execFileSync("git", ["--git-dir", dir, "cat-file", "blob", `${commit}:${file}`]);

describe("serveDeployedPath: files as they are", () => {
  it("serves HTML, CSS, JavaScript, PNG, SVG and binary files byte for byte with their content types", async () => {
    const cases: [string, string, Buffer | string][] = [
      ["index.html", "text/html; charset=utf-8", FIRST["index.html"] as string],
      ["style.css", "text/css; charset=utf-8", FIRST["style.css"] as string],
      ["app.js", "text/javascript; charset=utf-8", FIRST["app.js"] as string],
      ["logo.png", "image/png", PNG],
      ["icon.svg", "image/svg+xml", SVG],
      ["data/values.csv", "text/csv; charset=utf-8", "a,b\n1,2\n"],
      ["data/raw.bin", "application/octet-stream", BINARY],
      ["LICENSE", "text/plain; charset=utf-8", "Permission is granted.\n"],
      ["tool.py", "text/plain; charset=utf-8", "print('hi')\n"],
    ];
    for (const [file, type, content] of cases) {
      const response = await serve(file);
      expect(response.status, file).toBe(200);
      expect(response.headers["content-type"], file).toBe(type);
      const bytes = await bytesOf(response);
      expect(bytes.equals(Buffer.from(content)), file).toBe(true);
      expect(response.headers["content-length"]).toBe(String(bytes.length));
    }
    expect((await bytesOf(await serve("logo.png"))).equals(committed(first, "logo.png"))).toBe(true);
  });

  it("streams a large file from git, every byte of it", async () => {
    const response = await serve("data/large.bin");
    expect(response.body).toBeInstanceOf(Readable);
    expect(response.headers["content-length"]).toBe(String(LARGE.length));
    expect((await bytesOf(response)).equals(LARGE)).toBe(true);
  });

  it("puts nosniff, no referrer, no-cache and the sandbox on every answer; without sandbox, no policy on a file", async () => {
    for (const file of ["index.html", "logo.png", "missing.txt", "docs", "docs/", "notes/"]) {
      const response = await serve(file);
      expect(response.headers["x-content-type-options"], file).toBe("nosniff");
      expect(response.headers["referrer-policy"], file).toBe("no-referrer");
      expect(response.headers["content-security-policy"], file).toContain(SANDBOX_POLICY);
      expect(response.headers["cache-control"], file).toBe("no-cache");
    }
    expect((await serve("index.html", { sandbox: false })).headers["content-security-policy"]).toBeUndefined();
    expect((await serve("index.html")).headers["content-security-policy"]).toBe("sandbox allow-scripts allow-forms allow-popups");
  });

  it("tags a file by its blob (strong, quoted) and answers 304 when the browser holds it, with the same headers and no body", async () => {
    const response = await serve("style.css");
    const blob = gitText(["--git-dir", dir, "rev-parse", `${first}:style.css`]).trim();
    expect(response.headers.etag).toBe(`"${blob}"`);
    for (const ifNoneMatch of [`"${blob}"`, `W/"${blob}"`, `"other", "${blob}"`, "*"]) {
      const again = await serve("style.css", { ifNoneMatch });
      expect(again.status, ifNoneMatch).toBe(304);
      expect(again.body).toBeNull();
      expect(again.headers.etag).toBe(`"${blob}"`);
      expect(again.headers["content-security-policy"]).toContain("sandbox");
    }
    expect((await serve("style.css", { ifNoneMatch: '"other"' })).status).toBe(200);
  });

  it("answers HEAD with the headers of GET and no body", async () => {
    for (const file of ["logo.png", "data/large.bin", "docs/", "missing"]) {
      const [get, head] = [await serve(file), await serve(file, { method: "HEAD" })];
      expect(head.body, file).toBeNull();
      expect(head.status, file).toBe(get.status);
      expect(head.headers, file).toEqual(get.headers);
      if (get.body instanceof Readable) get.body.destroy();
    }
  });

  it("serves each path as of the deployment's commit, not as of a later one", async () => {
    expect(await textOf(await serve("index.html"))).toContain("Report v1");
    expect(await textOf(await serve("index.html", { commit: second }))).toBe("<h1>Report v2</h1>\n");
    expect((await serve("style.css", { commit: second })).status).toBe(404);
    expect((await serve("added.txt")).status).toBe(404);
    expect(await textOf(await serve("added.txt", { commit: second }))).toBe("new\n");
    const [one, two] = [await serve("index.html"), await serve("index.html", { commit: second })];
    expect(one.headers.etag).not.toBe(two.headers.etag);
  });
});

describe("serveDeployedPath: folders", () => {
  it("serves the root's index.html, a folder's index.html, and index.htm when there is no index.html", async () => {
    expect(await textOf(await serve(""))).toBe(FIRST["index.html"]);
    const site = await serve("site/");
    expect(site.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(await textOf(site)).toBe("<p>site index</p>\n");
    expect(await textOf(await serve("legacy/"))).toBe("<p>legacy</p>\n");
  });

  it("redirects a folder named without its slash to the slash form (308), encoded", async () => {
    for (const [asked, location] of [
      ["site", `${BASE}site/`],
      ["docs/sub folder", `${BASE}docs/sub%20folder/`],
      ["data-link", `${BASE}data-link/`],
    ]) {
      const response = await serve(asked!);
      expect(response.status, asked).toBe(308);
      expect(response.headers.location, asked).toBe(location);
      expect(response.body).toBeNull();
    }
  });

  it("lists a folder without an index: folders first, names escaped, links encoded, a link up, sizes", async () => {
    const response = await serve("docs/");
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    const html = await textOf(response);
    const links = startTags(html)
      .filter((tag) => tag.name === "a")
      .map((tag) => tag.attributes.get("href"));
    expect(links).toEqual([BASE, "../", "sub%20folder/", "%22quoted%22%20%3Cscript%3E.txt", "-rf", "100%25%20done.txt", "a%20%26%20%3Cb%3E.txt", "star*.txt"]);
    expect(html).toContain("&quot;quoted&quot; &lt;script&gt;.txt");
    expect(html).toContain("a &amp; &lt;b&gt;.txt");
    expect(html).not.toContain("<script>");
    expect(html).toMatch(/a &amp; &lt;b&gt;\.txt<\/a><\/td><td class="note"><\/td><td class="size">10 bytes<\/td>/);
    // The listing's links are followed as a browser would: each name is served.
    for (const href of links.slice(3)) expect((await serve(`docs/${decodeURIComponent(href!)}`)).status, href).toBe(200);
  });

  it("lists the root's folders, links and submodules when asked for a folder without an index", async () => {
    const html = await textOf(await serve("vendor/"));
    expect(html).toContain("lib/</td><td class=\"note\">submodule, not deployed</td>");
    const data = await textOf(await serve("data/"));
    expect(data).toMatch(/<a href="large\.bin">large\.bin<\/a><\/td><td class="note"><\/td><td class="size">1\.3 MB<\/td>/);
  });
});

describe("serveDeployedPath: what is not in the deployment", () => {
  it("answers 404 with a page naming the path and the commit", async () => {
    const response = await serve("no/such file.txt");
    expect(response.status).toBe(404);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(response.headers.etag).toBeUndefined();
    const html = await textOf(response);
    expect(html).toContain(`<code>no/such file.txt</code> is not in this deployment at commit <code>${first.slice(0, 7)}</code>`);
    expect(html).toContain("<title>Weekly &lt;report&gt;</title>");
  });

  it("attack: paths that try to leave the commit or read as options are 404", async () => {
    const attempts = ["../index.html", "docs/../../etc/passwd", "/etc/passwd", "docs/..", "./index.html", "docs//a.txt", "index.html\0.png", "docs\\a.txt", "a\nb", "--output=x", "-rf", "HEAD", "HEAD:index.html"];
    for (const attempt of attempts) expect((await serve(attempt)).status, JSON.stringify(attempt)).toBe(404);
    expect(await textOf(await serve("docs/-rf"))).toBe("dash\n");
    expect(await textOf(await serve("docs/star*.txt"))).toBe("literal star\n");
    expect((await serve("docs/star?.txt")).status).toBe(404);
    expect((await serve("docs/s*")).status).toBe(404);
  });

  it("follows symbolic links only inside the commit; links out of it are 404", async () => {
    expect(await textOf(await serve("link-inside.csv"))).toBe("a,b\n1,2\n");
    expect(await textOf(await serve("data-link/values.csv"))).toBe("a,b\n1,2\n");
    expect((await serve("link-out")).status).toBe(404);
    expect((await serve("link-absolute")).status).toBe(404);
  });

  it("answers 404 for a submodule, saying that a deployment does not hold it", async () => {
    const response = await serve("vendor/lib");
    expect(response.status).toBe(404);
    expect(await textOf(response)).toContain("<code>vendor/lib</code> is a Git submodule.");
  });

  it("answers 404 for a file asked for as a folder", async () => {
    expect((await serve("style.css/")).status).toBe(404);
  });

  it("throws (a fault of Benchtop's, not a 404) when the commit is not in the repository, or is not a full id", async () => {
    await expect(serve("index.html", { commit: "f".repeat(40) })).rejects.toThrow(/not in the deployment's repository/);
    await expect(serve("index.html", { commit: "HEAD" })).rejects.toThrow(/Not a full commit id/);
  });
});
