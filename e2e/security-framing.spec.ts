// Clickjacking: a page on another origin frames a signed-in project page so that a
// click on its own button lands on the project's Delete form. The browser must refuse
// to show Benchtop inside the frame (frame-ancestors 'none', X-Frame-Options DENY).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, signInOverApi, test } from "./fixtures";
import { APP_URL } from "./servers";

test("a foreign page cannot frame a signed-in project page", async ({ page, api }) => {
  const user = await api.createUser();
  const token = await api.createToken(user);
  const project = await api.createProject(token, { name: "framed" });
  await signInOverApi(page, user);

  const attacker = http.createServer((_, response) => {
    response.setHeader("content-type", "text/html");
    response.end(`<!doctype html><h1>Win a prize</h1><iframe id="victim" src="${APP_URL}/projects/${project.id}" width="800" height="600"></iframe>`);
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  try {
    const blocked = page.waitForEvent("console", { predicate: (m) => /frame-ancestors|X-Frame-Options|Refused to (display|frame)/i.test(m.text()), timeout: 10_000 }).catch(() => undefined);
    await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
    await blocked;
    const frame = page.frames().find((f) => f !== page.mainFrame());
    // The frame exists but holds the browser's error page, never Benchtop's project page.
    const framedText = frame ? await frame.locator("body").innerText().catch(() => "") : "";
    expect(framedText).not.toContain("framed");
    expect(framedText).not.toMatch(/Delete project/i);
  } finally {
    attacker.close();
  }
});
