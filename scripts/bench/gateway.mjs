// What the git gateway (/proxy) costs on top of the git it relays: the same
// project cloned and pushed with native git, once straight from /git and once
// through the gateway. The gateway reaches the project as a registered
// repository whose location is the project's own /git URL (GitLab-shaped: any
// path depth, Basic oauth2:{token}, which /git accepts as a personal access
// token), so both sides talk to the same git http-backend; the ratio is the
// gateway's relay alone.
import fs from "node:fs";
import path from "node:path";
import { attemptBrowserSignIn } from "../../tests/setup/browser-sign-in.mjs";
import { editSuffix } from "./native.mjs";
import { authArgs } from "./setup.mjs";
import { BenchError, log, run } from "./util.mjs";

async function registerProjectAsRepository({ baseUrl, token, project }) {
  const location = project.cloneUrl.replace(/\.git$/, "");
  const response = await fetch(`${baseUrl}/api/v1/repositories`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ provider: "gitlab-self-managed", name: `bench-gateway-${project.name}`, location, token }),
    signal: AbortSignal.timeout(60_000),
  });
  // 201 even though the "GitLab API" test fails: only its git URL matters here.
  if (response.status !== 201) throw new BenchError(`Registering ${location} for the gateway answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
}

/** Clone (depth 1) and one-commit push timings, direct and through the gateway, `reps` times each, alternating. */
export async function gatewayBaselines({ baseUrl, user, token, project, env, scratch, target, reps = 3 }) {
  await registerProjectAsRepository({ baseUrl, token, project });
  const { cookie } = await attemptBrowserSignIn(baseUrl, user);
  if (!cookie) throw new BenchError("Could not sign in for the gateway measurement.");
  const viaGateway = `${baseUrl}/proxy/${project.cloneUrl.replace(/^https?:\/\//, "")}`;
  const routes = {
    direct: { url: project.cloneUrl, args: authArgs(token) },
    gateway: { url: viaGateway, args: ["-c", `http.extraHeader=Cookie: ${cookie}`, "-c", "http.extraHeader=Sec-Fetch-Site: same-origin"] },
  };
  const samples = { directClone: [], gatewayClone: [], directPush: [], gatewayPush: [] };
  let edits = 0;
  for (let i = 0; i < reps; i++) {
    for (const [name, route] of Object.entries(routes)) {
      const dir = path.join(scratch, `gateway-${name}-${i}`);
      const git = (args, cwd = scratch) => run("git", [...route.args, ...args], { cwd, env, timeoutMs: 10 * 60_000 });
      samples[`${name}Clone`].push((await git(["clone", "--quiet", "--depth", "1", "--single-branch", route.url, dir])).ms);
      fs.appendFileSync(path.join(dir, target), editSuffix(`gateway ${++edits}`));
      await git(["commit", "--quiet", "-am", `bench: gateway push ${edits}`], dir);
      samples[`${name}Push`].push((await git(["push", "--quiet"], dir)).ms);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  log(`gateway baselines done`);
  return samples;
}
