import { defineConfig, devices } from "@playwright/test";
import { ADMIN, APP_URL, FIRST_RUN_URL } from "./e2e/servers";

// Browser tests against the built app (`next start`). Each run starts two servers
// from the same build with fresh data folders: one without any account (first-run
// page) and one with an administrator created from the environment.
// Always http://localhost, never 127.0.0.1: next-auth builds its redirects on
// localhost and a browser on 127.0.0.1 would lose the session cookie.

const port = (url: string) => new URL(url).port;

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results/playwright",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: "list",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    ...devices["Desktop Chrome"],
    headless: true,
    launchOptions: {
      // Debian's Chromium; `npx playwright install` cannot download browsers here.
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
    },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "first-run", testMatch: /first-run\.spec\.ts$/, use: { baseURL: FIRST_RUN_URL } },
    // Only *.spec.ts: e2e/hosts/ holds the emulators' own Vitest tests (*.test.ts).
    { name: "app", testMatch: /\.spec\.ts$/, testIgnore: /first-run\.spec\.ts$/, use: { baseURL: APP_URL } },
  ],
  webServer: [
    {
      // Builds first when the sources changed since the last build.
      command: `node e2e/serve.mjs --port ${port(FIRST_RUN_URL)}`,
      url: `${FIRST_RUN_URL}/login`,
      env: { BENCHTOP_ADMIN_EMAIL: "", BENCHTOP_ADMIN_PASSWORD: "" },
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: "pipe",
      // serve.mjs stops `next start`, which runs in its own process group.
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      // Started after the first one is up, so the build is current.
      command: `node e2e/serve.mjs --port ${port(APP_URL)} --skip-build`,
      url: `${APP_URL}/login`,
      env: {
        BENCHTOP_ADMIN_EMAIL: ADMIN.email,
        BENCHTOP_ADMIN_PASSWORD: ADMIN.password,
        // The host emulators that e2e/repositories.spec.ts (3460, 3461), e2e/remote-session.spec.ts (3462),
        // e2e/oauth-connections.spec.ts (GitHub 3463, GitLab 3464), e2e/admin-version-control.spec.ts (GitHub 3465,
        // GitLab 3466), e2e/external-projects.spec.ts (3467) and e2e/session-lfs-gateway.spec.ts (GitHub 3468, its LFS
        // storage host 3469) start on fixed ports, over plain http.
        BENCHTOP_INSECURE_HOSTS: [3460, 3461, 3462, 3463, 3464, 3465, 3466, 3467, 3468, 3469].flatMap((p) => [`localhost:${p}`, `127.0.0.1:${p}`]).join(","),
      },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
  ],
});
