// Fixtures for session tests: browsers with a persistent profile (IndexedDB on
// disk, as for a person who comes back tomorrow) and the real git command line.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "@playwright/test";
import { APP_URL } from "./servers";
import { test as base, expect, signInOverApi, type SeededProject, type SeededUser } from "./fixtures";

const LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"];

type SessionFixtures = {
  /** Starts a browser with its own on-disk profile, signed in as `user`. */
  openBrowser: (user: SeededUser) => Promise<BrowserContext>;
  /** A user with a token and a new project of theirs. */
  owner: { user: SeededUser; token: string; project: SeededProject };
};

export const test = base.extend<SessionFixtures>({
  openBrowser: async ({}, provide) => {
    const contexts: BrowserContext[] = [];
    const dirs: string[] = [];
    await provide(async (user) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "benchtop-profile-"));
      dirs.push(dir);
      const context = await chromium.launchPersistentContext(dir, {
        executablePath: "/usr/bin/chromium",
        headless: true,
        args: LAUNCH_ARGS,
        baseURL: APP_URL,
        viewport: { width: 1400, height: 900 },
      });
      contexts.push(context);
      const page = context.pages()[0] ?? (await context.newPage());
      await signInOverApi(page, user);
      return context;
    });
    for (const context of contexts) await context.close().catch(() => {});
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  },
  owner: async ({ api }, provide) => {
    const user = await api.createUser({ name: "Session Owner" });
    const token = await api.createToken(user);
    const project = await api.createProject(token, { name: `session-${Date.now().toString(36)}`, description: "A project for sessions" });
    await provide({ user, token, project });
  },
});

/** The real git command line, authenticated with a personal access token. */
export class NativeGit {
  readonly dir: string;

  constructor(
    private readonly cloneUrl: string,
    private readonly token: string,
    /** HOME for git: one where `git lfs install` ran gives clones Git LFS's filters (see lfsHome). */
    private readonly home: string = os.tmpdir(),
  ) {
    this.dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "benchtop-native-")), "work");
  }

  run(args: string[], cwd = this.dir): string {
    const auth = `http.extraHeader=Authorization: Basic ${Buffer.from(`git:${this.token}`).toString("base64")}`;
    return execFileSync("git", ["-c", auth, "-c", "credential.helper=", "-c", "user.name=Native Client", "-c", "user.email=native@e2e.test", ...args], {
      cwd,
      encoding: "utf8",
      env: { NODE_ENV: "test", PATH: process.env.PATH, HOME: this.home, GIT_TERMINAL_PROMPT: "0", GIT_CONFIG_NOSYSTEM: "1" },
    });
  }

  clone(): this {
    this.run(["clone", "-q", this.cloneUrl, this.dir], os.tmpdir());
    return this;
  }

  pull(): void {
    this.run(["pull", "-q", "--no-rebase"]);
  }

  read(file: string): Buffer {
    return fs.readFileSync(path.join(this.dir, file));
  }

  commitFile(file: string, content: string | Uint8Array, message: string): string {
    fs.mkdirSync(path.dirname(path.join(this.dir, file)), { recursive: true });
    fs.writeFileSync(path.join(this.dir, file), content);
    this.run(["add", file]);
    this.run(["commit", "-q", "-m", message]);
    this.run(["push", "-q", "origin", "HEAD"]);
    return this.run(["rev-parse", "HEAD"]).trim();
  }
}

let lfsHomeDir: string | undefined;

/** A HOME of its own where `git lfs install` ran: git there stores and fetches LFS files as a person's does. */
export function lfsHome(): string {
  if (lfsHomeDir) return lfsHomeDir;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "benchtop-lfs-home-"));
  execFileSync("git", ["lfs", "install", "--skip-repo"], { env: { NODE_ENV: "test", PATH: process.env.PATH, HOME: dir, GIT_CONFIG_NOSYSTEM: "1" } });
  lfsHomeDir = dir;
  return dir;
}

export { expect };
