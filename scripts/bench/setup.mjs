// Seeds the app over its public API (as the tests do) and pushes a generated
// repository to a project with native git.
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { BenchError, log, run } from "./util.mjs";

/** Calls the JSON API; anything but `expect` is a broken run. */
async function api(baseUrl, route, { method = "GET", token, body, expect = 200 } = {}) {
  const response = await fetch(baseUrl + route, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (response.status !== expect) throw new BenchError(`${method} ${route} answered ${response.status} (expected ${expect}): ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : undefined;
}

export const createToken = (baseUrl, { email, password }) =>
  api(baseUrl, "/api/v1/tokens", { method: "POST", body: { email, password, name: `bench-${randomBytes(3).toString("hex")}` }, expect: 201 }).then((b) => b.token);

/** A user of their own for one repository, with a token and an empty project. */
export async function createUserAndProject(baseUrl, adminToken, repoName) {
  const suffix = randomBytes(3).toString("hex");
  const user = { email: `bench-${repoName}-${suffix}@example.test`, password: `bench-pw-${randomBytes(8).toString("hex")}`, name: `Bench ${repoName}` };
  await api(baseUrl, "/api/v1/users", { method: "POST", token: adminToken, body: { ...user, role: "user" }, expect: 201 });
  const token = await createToken(baseUrl, user);
  const project = await api(baseUrl, "/api/v1/projects", { method: "POST", token, body: { name: `bench-${repoName}` }, expect: 201 });
  return { user, token, project };
}

/**
 * Environment for native git: no prompts (a refused token must fail, not wait),
 * and a config of our own so the caller's ~/.gitconfig (helpers, hooks) does not
 * change what is measured.
 */
export function gitEnvironment(scratchDir) {
  const config = path.join(scratchDir, "gitconfig");
  fs.writeFileSync(config, "[user]\n\tname = Bench\n\temail = bench@example.test\n[advice]\n\tdetachedHead = false\n[init]\n\tdefaultBranch = main\n");
  return {
    ...process.env,
    GIT_TERMINAL_PROMPT: "0",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: config,
    GIT_ASKPASS: "",
    SSH_ASKPASS: "",
  };
}

/** `-c` options that authenticate to /git with a token (any user name, token as password). */
export const authArgs = (token) => ["-c", `http.extraHeader=Authorization: Basic ${Buffer.from(`bench:${token}`).toString("base64")}`];

/** Replaces the project's initial commit with the generated history. */
export async function pushRepository(repo, project, token, env) {
  const { ms } = await run("git", [...authArgs(token), "-C", repo.dir, "push", "--force", "--quiet", project.cloneUrl, "main:main"], { env, timeoutMs: 10 * 60_000 });
  log(`pushed ${repo.name} to ${project.cloneUrl} in ${(ms / 1000).toFixed(1)} s`);
  return ms;
}
