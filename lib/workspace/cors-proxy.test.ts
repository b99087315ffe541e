import { describe, expect, it } from "vitest";
import { cloneRepository } from "./clone-repository";
import { commitChanges } from "./commit-changes";
import { deepenHistory } from "./deepen-history";
import { fetchRemote } from "./fetch-remote";
import { pullBranch } from "./pull-branch";
import { pushBranch } from "./push-branch";
import { encode } from "./test-support/fixture-repo";
import { gitHttpServerForFile } from "./test-support/git-http-server-for-file";
import { bareGit, createRemote, pushFromNative, sessionContext } from "./test-support/remote-session";
import { writeFile } from "./write-file";

const server = gitHttpServerForFile();

/** A session whose git traffic goes through the gateway form `{corsProxy}/{host}/{path}`. */
function proxiedContext(url: string) {
  return { ...sessionContext(url), corsProxy: server.proxyBase };
}

describe("corsProxy", () => {
  it("sends clone, fetch, pull, deepen and push to {corsProxy}/{host:port}/{path}, never to the remote directly", async () => {
    const remote = createRemote(server, [{ "README.md": "# One\n" }, { "README.md": "# Two\n" }]);
    const ctx = proxiedContext(remote.url);
    const host = new URL(remote.url).host;
    const pathOf = new URL(remote.url).pathname;
    server.requests.length = 0;

    await cloneRepository({ ctx });
    pushFromNative(remote, { "b.txt": "theirs\n" });
    await fetchRemote({ ctx });
    await pullBranch({ ctx });
    await deepenHistory({ ctx });
    await writeFile({ ctx, path: "README.md", content: encode("# Mine\n") });
    const commit = await commitChanges({ ctx, message: "Through the gateway" });
    const state = await pushBranch({ ctx });

    expect(state).toMatchObject({ head: commit.oid, remoteHead: commit.oid, unpushed: 0 });
    expect(bareGit(remote, ["rev-parse", "main"])).toBe(commit.oid);
    expect(bareGit(remote, ["show", "main:README.md"])).toBe("# Mine");

    const prefix = `/proxy/${host}${pathOf}/`;
    expect(server.requests.length).toBeGreaterThan(0);
    for (const request of server.requests) expect(request.split(" ")[1]).toMatch(new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    expect(server.requests).toContain(`GET ${prefix}info/refs?service=git-upload-pack`);
    expect(server.requests).toContain(`POST ${prefix}git-upload-pack`);
    expect(server.requests).toContain(`GET ${prefix}info/refs?service=git-receive-pack`);
    expect(server.requests).toContain(`POST ${prefix}git-receive-pack`);
  });

  it("shows the gateway's own words for a 401 (it says which credential the host refused and what to do)", async () => {
    const ctx = proxiedContext(server.statusUrl(401));
    const failure = await cloneRepository({ ctx }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "unauthorized", message: "refused by test server" });
    expect(server.requests.at(-1)).toMatch(/^GET \/proxy\/127\.0\.0\.1:\d+\/status\/401\/repo\.git\/info\/refs/);
  });

  it("keeps the sign-in wording for a 401 without a gateway", async () => {
    const ctx = sessionContext(server.statusUrl(401));
    const failure = await cloneRepository({ ctx }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "unauthorized", message: expect.stringContaining("Sign in again") });
  });

  it("says the host refused the push with the stored token on a 403", async () => {
    const remote = createRemote(server, [{ "a.txt": "1\n" }]);
    const ctx = proxiedContext(remote.url);
    await cloneRepository({ ctx });
    await writeFile({ ctx, path: "a.txt", content: encode("2\n") });
    await commitChanges({ ctx, message: "Second" });
    server.setReadOnly(remote.name, true);
    const failure = await pushBranch({ ctx }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "forbidden", message: "push not allowed" });
  });
});
