// Signs in the way the browser's sign-in page does (next-auth's CSRF token, then
// the credentials callback), for tests and the benchmark that need a session
// cookie (the git gateway takes nothing else).

/**
 * Returns the cookie header when a session was made, and where next-auth
 * redirected to (its error code is in the query on failure). `fetch` may be one
 * that connects from another local address (tests of the per-address limit).
 */
export async function attemptBrowserSignIn(baseUrl, { email, password }, { fetch = globalThis.fetch } = {}) {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const jar = new Map();
  const keep = (response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  keep(csrf);
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseUrl}/projects` }),
    redirect: "manual",
  });
  await response.text();
  keep(response);
  const hasSession = [...jar.keys()].some((k) => k.includes("session-token"));
  return { cookie: hasSession ? cookieHeader() : undefined, location: response.headers.get("location"), status: response.status };
}
