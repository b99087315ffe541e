// Notebook outputs and Markdown rendered by lib/render, in Debian's Chromium. A
// local server serves the rendering twice: under Benchtop's own page policy (as the
// session will show it) and under no policy at all (the worst a deployment page
// could do). Every payload tries to set top.__pwned, read the page or its cookie,
// navigate the page away or call home; none may succeed, and the sandboxed HTML
// frame must still show its table at its own height.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pagePolicy } from "../lib/http/security-headers";
import { renderNotebookHtml, type Notebook } from "../lib/render";
import { referenceNotebook } from "../lib/render/test-support/reference-notebooks";
import { expect, test } from "./fixtures";

const PWN = "top.__pwned = (top.__pwned || 0) + 1";
const PROBE = [
  `try { ${PWN} } catch (e) {}`,
  `try { parent.document.title; parent.postMessage({ probe: "parent-readable" }, "*") } catch (e) { parent.postMessage({ probe: "parent-blocked" }, "*") }`,
  `try { parent.postMessage({ probe: "cookie:" + document.cookie }, "*") } catch (e) { parent.postMessage({ probe: "cookie-blocked" }, "*") }`,
  `try { top.location.href = "/navigated"; } catch (e) { parent.postMessage({ probe: "navigation-blocked" }, "*") }`,
  `fetch("/exfil").catch(function () { parent.postMessage({ probe: "fetch-blocked" }, "*") })`,
].join("\n");

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8" onload="${PWN}"><script>${PWN}</script><rect width="8" height="8"/></svg>`;

/** A notebook made of attacks, beside the real reference notebook. */
const ATTACKS: Notebook = {
  cells: [
    {
      cell_type: "markdown",
      source: `<script>${PWN}</script>\n\n<img src=x onerror="${PWN}"> [link](javascript:${PWN}) <a href="javascript:${PWN}">html link</a> ![svg](attachment:s.svg)\n\n$\\href{javascript:${PWN}}{math link}$`,
      attachments: { "s.svg": { "image/svg+xml": SVG } },
    },
    {
      cell_type: "code",
      execution_count: 1,
      source: "attack()",
      outputs: [
        { output_type: "display_data", data: { "text/html": `<p>framed</p><script>${PROBE}</script><img src=x onerror="${PWN}">` }, metadata: {} },
        { output_type: "display_data", data: { "image/svg+xml": SVG }, metadata: {} },
        { output_type: "stream", name: "stdout", text: `\u001b[31m<script>${PWN}</script><img src=x onerror="${PWN}">\u001b[0m` },
      ],
    },
  ],
};

const KATEX_DIST = path.join(process.cwd(), "node_modules", "katex", "dist");

// The page's side of the frame contract (lib/render/index.ts): resize a frame only on its own message.
const PAGE_SCRIPT = `
window.__probes = []; window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) { window.__violations.push(e.violatedDirective + " " + e.blockedURI) });
window.addEventListener("message", function (event) {
  if (event.data && event.data.probe) window.__probes.push(event.data.probe);
  for (const frame of document.querySelectorAll("iframe.nb-html-frame")) {
    if (event.source === frame.contentWindow && typeof event.data.benchtopFrameHeight === "number") frame.style.height = Math.min(event.data.benchtopFrameHeight, 5000) + "px";
  }
});`;

function page(body: string, nonce: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/katex/katex.min.css"><style>.nb-html-frame { border: 0; width: 100%; }</style><script nonce="${nonce}">${PAGE_SCRIPT}</script></head><body>${body}</body></html>`;
}

test.describe("notebook rendering in Chromium", () => {
  let server: http.Server;
  let base = "";
  const requests: string[] = [];

  test.beforeAll(() => {
    test.setTimeout(120_000);
    const body = renderNotebookHtml(referenceNotebook().notebook) + renderNotebookHtml(ATTACKS);
    server = http.createServer((request, response) => {
      const url = new URL(request.url ?? "/", "http://localhost");
      requests.push(url.pathname);
      if (url.pathname.startsWith("/katex/")) {
        const file = path.join(KATEX_DIST, path.normalize(url.pathname.slice("/katex/".length)));
        if (!file.startsWith(KATEX_DIST) || !fs.existsSync(file)) return void response.writeHead(404).end();
        response.setHeader("content-type", file.endsWith(".css") ? "text/css" : "font/woff2");
        return void response.end(fs.readFileSync(file));
      }
      const nonce = "bm9uY2Utbm9uY2U=";
      if (url.pathname === "/benchtop") response.setHeader("content-security-policy", pagePolicy({ nonce }));
      response.setHeader("set-cookie", "benchtop-session=secret-value; Path=/");
      response.setHeader("content-type", "text/html; charset=utf-8");
      response.end(page(body, nonce));
    });
    return new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  });

  test.beforeAll(() => {
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  for (const [where, pathname] of [["under Benchtop's page policy", "/benchtop"], ["under no page policy at all", "/lax"]] as const) {
    test(`attack: nothing from a notebook runs in the page or reads it (${where})`, async ({ page }) => {
      const dialogs: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(base + pathname);
      const frames = page.locator("iframe.nb-html-frame");
      await expect(frames).toHaveCount(2);
      await expect(page.frameLocator("iframe.nb-html-frame").first().locator("td", { hasText: /^9$/ })).toBeVisible();
      await expect(page.frameLocator("iframe.nb-html-frame").nth(1).getByText("framed")).toBeVisible();
      // Give the frames' scripts (where they may run) time to try everything.
      await page.waitForTimeout(1000);

      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(page.url()).toBe(base + pathname);
      expect(requests).not.toContain("/exfil");
      expect(requests).not.toContain("/navigated");
      await expect(page.locator('a[href^="javascript" i], script:not([nonce]), svg[onload], [onerror]')).toHaveCount(0);

      const probes = await page.evaluate(() => (window as unknown as { __probes: string[] }).__probes);
      expect(probes.filter((probe) => probe === "parent-readable" || probe.startsWith("cookie:"))).toEqual([]);
      if (pathname === "/benchtop") {
        // The page policy reaches into srcdoc frames: the notebook's scripts do not run at all there.
        expect(probes).toEqual([]);
        // Everything Benchtop itself puts in the page (KaTeX's styles and fonts, data: images, the frames) is allowed.
        expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
      } else {
        // Where scripts may run, they run only inside the sandbox, which holds.
        expect(probes).toEqual(expect.arrayContaining(["parent-blocked", "cookie-blocked", "navigation-blocked", "fetch-blocked"]));
      }
    });
  }

  test("the HTML frame takes its content's height, and KaTeX's fonts load from the app", async ({ page }) => {
    await page.goto(`${base}/benchtop`);
    const frame = page.locator("iframe.nb-html-frame").first();
    const content = (await (await frame.elementHandle())!.contentFrame())!;
    await expect
      .poll(async () => {
        const wanted = await content.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
        const box = await frame.boundingBox();
        return box !== null && wanted > 20 && Math.abs(box.height - wanted) <= 1;
      })
      .toBe(true);
    expect(await page.evaluate(async () => (await document.fonts.load("16px KaTeX_Main")).length)).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    await expect(page.getByRole("region", { name: "Cell 5" }).locator("img.nb-image")).toHaveCount(2);
    await expect(page.getByRole("region", { name: "Cell 8" }).locator("pre.nb-error span").first()).toHaveCSS("color", "rgb(187, 0, 0)");
  });
});
