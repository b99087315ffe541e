// Clickjacking, MIME sniffing and script injection defence in depth: every page and
// API answer carries the security headers; pages a Content-Security-Policy whose
// nonce is on every script Next renders, and which no other page may frame.
import { describe, expect, it } from "vitest";
import { baseUrl, createUser, signInBrowser } from "../integration/helpers/api";

const common = (headers: Headers) => {
  expect(headers.get("x-content-type-options")).toBe("nosniff");
  expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(headers.get("permissions-policy")).toContain("camera=()");
  expect(headers.get("x-frame-options")).toBe("DENY");
};

describe("security headers", () => {
  it("a signed-in page cannot be framed by another site and runs only scripts with this answer's nonce", async () => {
    const cookie = await signInBrowser(await createUser());
    const seen = new Set<string>();
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${baseUrl()}/projects`, { headers: { cookie } });
      expect(response.status).toBe(200);
      common(response.headers);
      const policy = response.headers.get("content-security-policy") ?? "";
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("object-src 'none'");
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
      expect(nonce).toBeTruthy();
      seen.add(nonce!);
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    }
    expect(seen.size).toBe(2);
  });

  it("the sign-in page and API answers carry the headers too", async () => {
    const login = await fetch(`${baseUrl()}/login`);
    common(login.headers);
    // The site's icon is linked from every page and served to anyone, signed in or not, with the same headers.
    const iconHref = /<link rel="icon" href="([^"]+)"/.exec(await login.clone().text())?.[1];
    expect(iconHref).toMatch(/^\/icon\.svg/);
    const icon = await fetch(`${baseUrl()}${iconHref}`, { redirect: "manual" });
    expect([icon.status, icon.headers.get("content-type")]).toEqual([200, "image/svg+xml"]);
    expect(await icon.text()).toContain("<svg");
    common(icon.headers);
    expect(login.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const me = await fetch(`${baseUrl()}/api/v1/me`);
    expect(me.status).toBe(401);
    common(me.headers);
    expect(me.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
  });

  it("HSTS is not claimed over plain http from an untrusted peer that says https", async () => {
    const response = await fetch(`${baseUrl()}/login`, { headers: { "x-forwarded-proto": "https" } });
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });
});
