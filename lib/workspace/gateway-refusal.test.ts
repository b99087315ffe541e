import http from "node:http";
import type { AddressInfo } from "node:net";
import nodeHttp from "isomorphic-git/http/node";
import { afterAll, describe, expect, it } from "vitest";
import { cloneRepository } from "./clone-repository";
import { commitChanges } from "./commit-changes";
import { countUnpushed } from "./count-unpushed";
import { REFUSAL_HEADER, withGatewayRefusals, type GatewayRefusalCode } from "./gateway-refusal";
import { pushBranch } from "./push-branch";
import { encode } from "./test-support/fixture-repo";
import { gitHttpServerForFile } from "./test-support/git-http-server-for-file";
import { bareGit, createRemote, openSession, sessionContext } from "./test-support/remote-session";
import { writeFile } from "./write-file";

const server = gitHttpServerForFile();
const gateways: http.Server[] = [];
afterAll(async () => Promise.all(gateways.map((gateway) => new Promise((resolve) => gateway.close(resolve)))));

/** Stands in for Benchtop's /proxy: refuses every request the way the gateway does, its kind in the header, its words in the body. */
async function refusingGateway({ status, refusal, words }: { status: number; refusal: GatewayRefusalCode; words: string }): Promise<string> {
  const gateway = http.createServer((_req, res) => {
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8", [REFUSAL_HEADER]: refusal }).end(`${words}\n`);
  });
  gateways.push(gateway);
  await new Promise<void>((resolve) => gateway.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
}

describe("a refusal of the git gateway, in the session", () => {
  it("shows the gateway's words for a refused push under the kind it named, and keeps the commit", async () => {
    const remote = createRemote(server, [{ "a.txt": "1\n" }]);
    const ctx = await openSession(remote);
    await writeFile({ ctx, path: "a.txt", content: encode("2\n") });
    await commitChanges({ ctx, message: "Mine" });
    const words = 'git.example.com refused the push (git.example.com said: "write access denied"). Pushing needs write access to the repository for the account of the token. Your work stays in this session and can be pushed afterwards.';
    ctx.corsProxy = await refusingGateway({ status: 403, refusal: "push_refused", words });
    ctx.http = withGatewayRefusals(nodeHttp);

    const error = await pushBranch({ ctx }).catch((e: unknown) => e);

    expect(error).toMatchObject({ name: "WorkspaceError", code: "forbidden", message: words });
    expect((error as Error).cause).toMatchObject({ name: "GatewayRefusalError", code: "push_refused", data: { statusCode: 403, response: words } });
    expect(await countUnpushed({ ctx })).toBe(1);
    expect(bareGit(remote, ["show", "main:a.txt"])).toBe("1");
  });

  it("reads a refused credential from the kind, whatever the words say", async () => {
    const ctx = sessionContext(server.urlOf("models"));
    const words = "Connect again to GitLab at gitlab.example.com (it refused the token). Work in open sessions is kept; try again once connected.";
    ctx.corsProxy = await refusingGateway({ status: 401, refusal: "connection_required", words });
    ctx.http = withGatewayRefusals(nodeHttp);

    await expect(cloneRepository({ ctx })).rejects.toMatchObject({ name: "WorkspaceError", code: "unauthorized", message: words });
  });

  it("leaves other answers to isomorphic-git (no kind: the status decides, as before)", async () => {
    const ctx = sessionContext(server.statusUrl(403));
    ctx.http = withGatewayRefusals(nodeHttp);
    await expect(cloneRepository({ ctx })).rejects.toMatchObject({ name: "WorkspaceError", code: "forbidden", message: expect.stringContaining("Ask the owner") });
  });
});
