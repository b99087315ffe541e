import { expect } from "vitest";
import { baseUrl } from "../../integration/helpers/api";

/** GET /api/v1/me with a session cookie: the status says whether the session is alive. */
export async function meStatus(cookie: string, base = baseUrl()): Promise<number> {
  const response = await fetch(`${base}/api/v1/me`, { headers: { cookie } });
  await response.text();
  return response.status;
}

/**
 * Presses the Sign out button the way a browser without JavaScript does: reads the
 * button's server action from the page and posts its form back to the page.
 */
export async function pressSignOut(cookie: string, base = baseUrl()): Promise<void> {
  const page = await fetch(`${base}/settings/tokens`, { headers: { cookie }, redirect: "manual" });
  const html = await page.text();
  expect(page.status, "the signed-in page renders").toBe(200);
  const form = [...html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)].map((m) => m[1]!).find((inner) => />Sign out<\/button>/.test(inner));
  const actionId = form?.match(/name="\$ACTION_ID_([0-9a-f]+)"/)?.[1];
  expect(actionId, "the Sign out form's action").toBeDefined();
  const body = new FormData();
  body.set(`$ACTION_ID_${actionId}`, "");
  const response = await fetch(`${base}/settings/tokens`, { method: "POST", headers: { cookie, origin: base }, body, redirect: "manual" });
  await response.text();
  expect(response.status, "signing out redirects").toBeLessThan(400);
  expect(response.headers.getSetCookie().join("\n"), "the browser is told to drop its cookie").toMatch(/authjs\.session-token=;/);
}
