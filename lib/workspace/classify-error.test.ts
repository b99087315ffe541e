import http from "node:http";
import type { AddressInfo } from "node:net";
import { Errors } from "isomorphic-git";
import { describe, expect, it } from "vitest";
import { toWorkspaceError } from "./classify-error";
import { cloneRepository } from "./clone-repository";
import { WorkspaceError } from "./errors";
import { fetchRemote } from "./fetch-remote";
import { gitHttpServerForFile } from "./test-support/git-http-server-for-file";
import { createRemote, openSession, sessionContext } from "./test-support/remote-session";

const server = gitHttpServerForFile();

/** A loopback port nothing listens on any more. */
async function closedPortUrl(): Promise<string> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}/git/gone.git`;
}

describe("toWorkspaceError over real HTTP", () => {
  it.each([
    [401, "unauthorized", "Sign in again"],
    [403, "forbidden", "Ask the owner"],
    [404, "not_found", "reload the page"],
    [502, "upstream", "HTTP 502"],
  ])("maps HTTP %i on clone to %s", async (status, code, words) => {
    const ctx = sessionContext(server.statusUrl(status));
    await expect(cloneRepository({ ctx })).rejects.toMatchObject({ name: "WorkspaceError", code, message: expect.stringContaining(words) });
  });

  it("maps a closed port to offline", async () => {
    const ctx = sessionContext(await closedPortUrl());
    await expect(cloneRepository({ ctx })).rejects.toMatchObject({ code: "offline", message: expect.stringContaining("offline") });
  });

  it("maps a server that went away after the clone to offline on fetch", async () => {
    const remote = createRemote(server, [{ "a.txt": "1\n" }]);
    const ctx = await openSession(remote);
    ctx.url = await closedPortUrl();
    await expect(fetchRemote({ ctx })).rejects.toMatchObject({ code: "offline" });
  });
});

describe("toWorkspaceError", () => {
  const push = { action: "push" };

  it("passes a WorkspaceError through", () => {
    const error = new WorkspaceError("dirty", "Commit first.");
    expect(toWorkspaceError(error, push)).toBe(error);
  });

  it("tells a viewer's push from a refused read", () => {
    const error = new Errors.HttpError(403, "Forbidden", "");
    expect(toWorkspaceError(error, push).message).toContain("editor role");
    expect(toWorkspaceError(error, { action: "pull" }).message).not.toContain("editor role");
  });

  it("maps rejected pushes, found locally or by the server", () => {
    expect(toWorkspaceError(new Errors.PushRejectedError("not-fast-forward"), push).code).toBe("push_rejected");
    const byServer = new Errors.GitPushError("\n  - refs/heads/main: fetch first", { ok: false, error: "", refs: { "refs/heads/main": { ok: false, error: "fetch first" } } });
    expect(toWorkspaceError(byServer, push)).toMatchObject({ code: "push_rejected", message: "Someone pushed first. Pull to bring in their changes, then push again." });
    const hook = new Errors.GitPushError("\n  - refs/heads/main: pre-receive hook declined", { ok: false, error: "", refs: { "refs/heads/main": { ok: false, error: "pre-receive hook declined" } } });
    expect(toWorkspaceError(hook, push).code).toBe("upstream");
  });

  it("maps the browser's network failures to offline", () => {
    for (const message of ["Failed to fetch", "NetworkError when attempting to fetch resource.", "Load failed"]) {
      expect(toWorkspaceError(new TypeError(message), push).code).toBe("offline");
    }
    expect(toWorkspaceError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }), push).code).toBe("offline");
    expect(toWorkspaceError(new TypeError("x is not a function"), push).code).toBe("unknown");
  });

  it("finds a full storage quota, also nested as a cause", () => {
    const quota = new DOMException("The quota has been exceeded.", "QuotaExceededError");
    expect(toWorkspaceError(quota, push).code).toBe("quota_exceeded");
    const wrapped = new Error("write failed", { cause: new Error("transaction aborted", { cause: quota }) });
    expect(toWorkspaceError(wrapped, { action: "download the project" })).toMatchObject({
      code: "quota_exceeded",
      message: expect.stringContaining("storage for this site is full"),
    });
  });

  it("keeps anything else as unknown, with the original as cause and out of the message", () => {
    const original = new Error("internal detail 0xdeadbeef");
    const error = toWorkspaceError(original, { action: "pull" });
    expect(error).toMatchObject({ code: "unknown", cause: original });
    expect(error.message).toContain("Could not pull");
    expect(error.message).not.toContain("0xdeadbeef");
  });
});
