// Drives an emulator's sign-in-and-consent page over HTTP, as a browser would:
// for tests that exercise the OAuth flow without Chromium.

/** The action and hidden fields of the page's form. */
export function readForm(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form method="post" action="([^"]+)"/.exec(html)![1]!;
  const unescape = (v: string) => v.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  return { action, fields: Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, unescape(m[2]!)])) };
}

/** Posts the page's form with `extra` (login, password, decision) to the emulator at `origin`. */
export async function submitForm({ origin, html, extra }: { origin: string; html: string; extra: Record<string, string> }) {
  const { action, fields } = readForm(html);
  const res = await fetch(new URL(action, origin), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, ...extra }),
    redirect: "manual",
  });
  return { status: res.status, location: res.headers.get("location"), html: await res.text() };
}

/** Opens the consent page at `authorizeUrl`, signs in and decides: the URL the provider sends the browser back to. */
export async function consent({ authorizeUrl, login, password, decision = "authorize" }: { authorizeUrl: URL; login: string; password: string; decision?: "authorize" | "deny" }): Promise<URL> {
  const page = await fetch(authorizeUrl, { redirect: "manual" });
  const done = await submitForm({ origin: authorizeUrl.origin, html: await page.text(), extra: { login, password, decision } });
  if (done.status !== 302 || !done.location) throw new Error(`the consent page answered ${done.status}, not a redirect`);
  return new URL(done.location);
}
