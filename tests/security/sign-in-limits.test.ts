// Guessing passwords, and abusing the limit that stops guessing. The limit used to
// trust a client-sent X-Forwarded-For (so a new made-up address per request removed
// it, and naming someone else's address got them blocked) and locked an account for
// 15 minutes after five failures from anywhere (so anyone could keep its owner out).
// Requests here come from distinct loopback addresses (127.a.b.c), which the server
// sees as distinct peers, as it would see distinct machines.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer } from "../setup/app-server.mjs";
import { adminToken, api, createUser } from "../integration/helpers/api";
import { attemptBrowserSignInFrom, browserSignInFrom, newLoopbackAddress, requestTokenFrom } from "./helpers/from-address";

const madeUpAddress = () => `198.51.100.${randomBytes(1)[0]! % 250}, 10.${randomBytes(1)[0]}.0.1`;
const wrongPassword = (user: { email: string; password: string }) => ({ email: user.email, password: `${user.password}-wrong` });

/** Five wrong passwords (the free ones) from `address`, each 401. */
async function failFiveTimes(address: string, user: { email: string; password: string }, headers: () => Record<string, string> = () => ({})) {
  for (let i = 0; i < 5; i++) {
    const res = await requestTokenFrom(address, wrongPassword(user), { headers: headers() });
    expect(res.status, `failure ${i + 1}: ${res.text}`).toBe(401);
  }
}

function expectLimited(res: { status: number; headers: Headers; body: any; text: string }) {
  expect(res.status, res.text).toBe(429);
  expect(res.body.error.code).toBe("rate_limited");
  const retryAfter = Number(res.headers.get("retry-after"));
  expect(retryAfter, "Retry-After in seconds").toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(30);
  expect(res.body.error.message).toMatch(/Wait \d+ seconds/);
}

describe("failed sign-in limit", () => {
  it("a guesser who sends a new X-Forwarded-For with every attempt is still limited", async () => {
    const user = await createUser();
    const attacker = newLoopbackAddress();
    await failFiveTimes(attacker, user, () => ({ "x-forwarded-for": madeUpAddress(), "x-real-ip": madeUpAddress() }));
    // Even the right password is refused while the guesser's address must wait.
    expectLimited(await requestTokenFrom(attacker, user, { headers: { "x-forwarded-for": madeUpAddress() } }));
    expect(await browserSignInFrom(attacker, user), "no session from the limited address").toBeUndefined();
  });

  it("an attacker who names the owner's address in X-Forwarded-For does not get the owner blocked", async () => {
    const user = await createUser();
    const [attacker, owner] = [newLoopbackAddress(), newLoopbackAddress()];
    for (let i = 0; i < 8; i++) await requestTokenFrom(attacker, wrongPassword(user), { headers: { "x-forwarded-for": owner, "x-real-ip": owner } });
    expectLimited(await requestTokenFrom(attacker, user));
    const res = await requestTokenFrom(owner, user);
    expect(res.status, res.text).toBe(201);
    expect((await api("/api/v1/me", { token: res.body.token })).body.id).toBe(user.id);
  });

  it("five wrong passwords from an attacker's address do not stop the owner signing in from theirs", async () => {
    const user = await createUser();
    const [attacker, owner] = [newLoopbackAddress(), newLoopbackAddress()];
    await failFiveTimes(attacker, user);
    expectLimited(await requestTokenFrom(attacker, wrongPassword(user)));
    expectLimited(await requestTokenFrom(attacker, { email: user.email.toUpperCase(), password: user.password }));

    const token = await requestTokenFrom(owner, user);
    expect(token.status, token.text).toBe(201);
    const cookie = await browserSignInFrom(owner, user);
    expect(cookie, "the owner gets a session on the sign-in page").toBeDefined();
    expect((await api("/api/v1/me", { cookie })).body.id).toBe(user.id);
  });

  it("a limited sign-in page says to wait, and gives no session", async () => {
    const user = await createUser();
    const address = newLoopbackAddress();
    await failFiveTimes(address, user);
    const page = await attemptBrowserSignInFrom(address, user);
    expect(page.cookie).toBeUndefined();
    expect(page.location ?? "").toMatch(/code=rate_limited/);
  });

  it("an administrator's unlock lets a limited account sign in again at once, and is audited", async () => {
    const user = await createUser();
    const address = newLoopbackAddress();
    await failFiveTimes(address, user);
    expectLimited(await requestTokenFrom(address, user));

    // An ordinary user cannot unlock (or reset) anyone.
    const other = await createUser();
    const refused = await api(`/api/v1/users/${user.id}`, { method: "PATCH", token: other.token, body: { unlock: true } });
    expect(refused.status).toBe(403);
    expectLimited(await requestTokenFrom(address, user));

    const unlocked = await api(`/api/v1/users/${user.id}`, { method: "PATCH", token: await adminToken(), body: { unlock: true } });
    expect(unlocked.status, unlocked.text).toBe(200);
    expect(unlocked.body.id).toBe(user.id);
    const res = await requestTokenFrom(address, user);
    expect(res.status, res.text).toBe(201);

    const audit = await api(`/api/v1/admin/audit?action=user.unlocked&perPage=100`, { token: await adminToken() });
    const event = audit.body.events.find((e: any) => e.detail.userId === user.id);
    expect(event?.detail).toMatchObject({ email: user.email, failuresCleared: 5 });
  });
});

describe("failed sign-in limit behind trusted reverse proxies", () => {
  // The operator names two proxies: a load balancer (192.0.2.200) in front of a local
  // proxy (127.0.0.1). Each appends the address it saw to X-Forwarded-For, so the
  // client's address is the right-most entry that is neither of them.
  const OUTER_PROXY = "192.0.2.200";
  const admin = { email: "proxy-admin@benchtop.test", password: "proxy-admin-password" };
  let server: { baseUrl: string; stop: () => Promise<void> };
  beforeAll(async () => {
    server = await startAppServer({ env: { BENCHTOP_ADMIN_EMAIL: admin.email, BENCHTOP_ADMIN_PASSWORD: admin.password, BENCHTOP_TRUSTED_PROXIES: `127.0.0.1,${OUTER_PROXY}` } });
  });
  afterAll(async () => {
    await server?.stop();
  });
  const viaProxy = (client: string, credentials: { email: string; password: string }, claimed = madeUpAddress()) =>
    requestTokenFrom("127.0.0.1", credentials, { base: server.baseUrl, headers: { "x-forwarded-for": `${claimed}, ${client}, ${OUTER_PROXY}` } });

  it("a client behind the proxies is limited by the address the outer proxy saw, whatever it claims further left", async () => {
    const wrong = { email: admin.email, password: "not-the-password" };
    const [guesser, owner] = ["203.0.113.7", "203.0.113.8"];
    for (let i = 0; i < 5; i++) expect((await viaProxy(guesser, wrong)).status).toBe(401);
    expectLimited(await viaProxy(guesser, admin));
    const res = await viaProxy(owner, admin, guesser);
    expect(res.status, res.text).toBe(201);
  });

  it("a client that reaches the app directly, not through the proxy, cannot claim an address", async () => {
    const wrong = { email: admin.email, password: "still-not-the-password" };
    const direct = newLoopbackAddress();
    for (let i = 0; i < 5; i++) {
      const res = await requestTokenFrom(direct, wrong, { base: server.baseUrl, headers: { "x-forwarded-for": madeUpAddress() } });
      expect(res.status).toBe(401);
    }
    expectLimited(await requestTokenFrom(direct, admin, { base: server.baseUrl, headers: { "x-forwarded-for": madeUpAddress() } }));
  });
});
