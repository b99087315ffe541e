// TEST-ONLY control endpoints under /_emulator/. No provider has them: they let
// a test move time forward for tokens and read what the emulator saw, without
// waiting eight hours for a token to expire.
//   POST /_emulator/expire-access-tokens  {"login"}  every OAuth access token of the account expires now
//   POST /_emulator/revoke-refresh-tokens {"login"}  every refresh token of the account stops working
//   GET  /_emulator/oauth-log                        {"tokenRequests":[...],"revocations":[...]}
//   POST /_emulator/outage  {"requests"?: N, "after"?: M}  the REST API answers 503 for the next N requests (no N: until cleared), after answering M more first
//   DELETE /_emulator/outage                         the REST API answers again
//   GET  /_emulator/outage                           {"remaining": N | null}  (0 = up, null = down until cleared)
//   GET  /_emulator/inspect?owner=ORG                {"owner","repos":[full names]}
//   GET  /_emulator/inspect?repo=FULL_NAME           {"repo","deleted","archived","permissions","refs"} (404 when never there)
import type { IncomingMessage, ServerResponse } from "node:http";
import type { OAuthLog } from "./oauth-log";
import type { InspectControl } from "./inspect-control";
import type { Outage } from "./outage";
import { readParams, sendJsonBody } from "./oauth-http";

export const CONTROL_PREFIX = "/_emulator/";

/** The OAuth controls are absent on an emulator without OAuth (Bitbucket): those actions answer 404 there. */
export type EmulatorControls = {
  /** How many access tokens now count as expired; null when there is no such account. */
  expireAccessTokens?(login: string): number | null;
  /** How many refresh tokens were revoked; null when there is no such account. */
  revokeRefreshTokens?(login: string): number | null;
  readOAuthLog?(): OAuthLog;
  /** The REST API's 503 switch (shared/outage.ts). */
  outage: Outage;
  /** Read-back of repositories (shared/inspect-control.ts). */
  inspect: InspectControl;
};

function handleInspect(res: ServerResponse, url: URL, inspect: InspectControl): void {
  const owner = url.searchParams.get("owner");
  const name = url.searchParams.get("repo");
  if (owner) return sendJsonBody(res, 200, { owner, repos: inspect.listRepos(owner) });
  if (!name) return sendJsonBody(res, 400, { error: "send ?owner= or ?repo=" });
  const report = inspect.repo(name);
  sendJsonBody(res, report ? 200 : 404, report ? { repo: name, ...report } : { error: `no repository ${name}` });
}

async function handleOutage(req: IncomingMessage, res: ServerResponse, url: URL, outage: Outage): Promise<void> {
  if (req.method === "DELETE") outage.clear();
  else if (req.method === "POST") {
    const { requests, after } = await readParams(req, url);
    const count = requests === undefined || requests === "" ? null : Number(requests);
    const spared = after === undefined || after === "" ? 0 : Number(after);
    if (count !== null && (!Number.isInteger(count) || count < 1)) return sendJsonBody(res, 400, { error: 'send {"requests": N} with N >= 1, or no body for an outage until cleared' });
    if (!Number.isInteger(spared) || spared < 0) return sendJsonBody(res, 400, { error: 'send {"after": M} with M >= 0: the requests answered before the outage begins' });
    outage.start(count, spared);
  } else if (req.method !== "GET") return sendJsonBody(res, 405, { error: "GET, POST or DELETE /_emulator/outage" });
  sendJsonBody(res, 200, { remaining: outage.remaining() });
}

/** Answers a request under /_emulator/ (the caller checks the prefix). */
export async function handleEmulatorControl(req: IncomingMessage, res: ServerResponse, url: URL, controls: EmulatorControls): Promise<void> {
  const action = url.pathname.slice(CONTROL_PREFIX.length);
  if (action === "outage") return handleOutage(req, res, url, controls.outage);
  if (action === "inspect" && req.method === "GET") return handleInspect(res, url, controls.inspect);
  if (action === "oauth-log" && req.method === "GET" && controls.readOAuthLog) return sendJsonBody(res, 200, controls.readOAuthLog());
  const change = action === "expire-access-tokens" ? controls.expireAccessTokens : action === "revoke-refresh-tokens" ? controls.revokeRefreshTokens : null;
  if (!change || req.method !== "POST") return sendJsonBody(res, 404, { error: `no emulator control ${req.method} ${url.pathname}` });
  const params = await readParams(req, url);
  // GitLab calls accounts users by "username"; either name is taken.
  const login = params.login ?? params.username;
  if (!login) return sendJsonBody(res, 400, { error: "send {\"login\"}" });
  const count = change(login);
  if (count === null) return sendJsonBody(res, 404, { error: `no account ${login}` });
  sendJsonBody(res, 200, { login, count });
}
