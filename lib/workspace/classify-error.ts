import { WorkspaceError, type WorkspaceErrorCode, isWorkspaceError } from "./errors";
import { gatewayRefusals, isGatewayRefusalCode } from "./gateway-refusal";

const OFFLINE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENETDOWN", "EPIPE"]);
// Chromium, Firefox, Safari, Node's fetch and React Native word the same failure differently.
const OFFLINE_MESSAGES = /failed to fetch|networkerror|load failed|fetch failed|network request failed/i;
const REJECTED_REASONS = /non-fast-forward|fetch first|stale info|not-fast-forward/i;

const MESSAGES = {
  unauthorized: "Your sign-in has expired. Sign in again in another tab, then retry — your work is kept.",
  // Through the git gateway (a registered repository), 401 means the host refused the stored credential.
  tokenRefused: "The host refused the stored token. Update the repository's token on the Repositories page, then retry — your work is kept here.",
  forbiddenProxied: "The host refused the push with the stored token. Your commits are kept here; give the token write access (update it on the Repositories page), then push again.",
  forbidden: "You can view this project but not push to it. Your commits are kept here; ask the owner for the editor role.",
  forbiddenRead: "You do not have access to this project's repository. Ask the owner to add you, then reload the page.",
  not_found: "The project's repository was not found on the server. Check that the project still exists, then reload the page.",
  push_rejected: "Someone pushed first. Pull to bring in their changes, then push again.",
  offline: "You are offline or the server cannot be reached. Your work is saved here; retry when the connection is back.",
  quota_exceeded: "The browser's storage for this site is full. Free space (remove other sessions' local copies) and retry.",
  missing: "Part of the local copy is missing. Reload the page; if this keeps happening, push your commits and reset the local copy.",
};

type Failure = { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; data?: { statusCode?: unknown; reason?: unknown; result?: unknown; response?: unknown } };

/** The git gateway answers refusals in Benchtop's own words (see lib/gateway/explain-refusal.ts); a session shows them as they are. */
function gatewayWords(failure: Failure): string | null {
  const text = typeof failure.data?.response === "string" ? failure.data.response.trim() : "";
  return text && text.length <= 1000 && !/[<>]/.test(text) ? text : null;
}

// GitHub (GH006) and GitLab word a protected branch's refusal like this, through the pre-receive hook.
const PROTECTED_BRANCH = /protected branch|not allowed to push code to protected branches/i;

/** The host's "remote:" lines of a refused push, as one short sentence. */
function remoteWords(remoteMessages: string | undefined): string {
  return (remoteMessages ?? "")
    .split("\n")
    .map((line) => line.replace(/^(remote:\s*)?(error:\s*)?/i, "").trim())
    .filter(Boolean)
    .join(" ")
    .slice(0, 300);
}

/**
 * Turns anything isomorphic-git, the HTTP client or the browser's storage
 * threw into a WorkspaceError whose message says what to do. A WorkspaceError
 * passes through unchanged.
 *
 * @param error what was thrown
 * @param action what was being done, as a verb phrase ("push", "download the project"), for the fallback message
 * @param proxied true when git traffic goes through the gateway (`ctx.corsProxy`): 401 and 403 then speak of the repository's stored token
 */
export function toWorkspaceError(
  error: unknown,
  { action, proxied = false, remoteMessages }: { action: string; proxied?: boolean; /** What the host printed during a push ("remote:" lines). */ remoteMessages?: string },
): WorkspaceError {
  if (isWorkspaceError(error)) return error as WorkspaceError;
  const chain = causes(error);
  const make = (code: WorkspaceErrorCode, message: string) => new WorkspaceError(code, message, { cause: error });

  if (chain.some(isQuotaError)) return make("quota_exceeded", MESSAGES.quota_exceeded);

  for (const failure of chain) {
    // The gateway names the kind of its refusal (gateway-refusal.ts): the kind decides, its words are shown.
    const refusal = failure.name === "GatewayRefusalError" && isGatewayRefusalCode(failure.code) ? failure.code : null;
    if (refusal) {
      const said = gatewayWords(failure);
      if (said) return make(gatewayRefusals[refusal], said);
    }
    if (failure.code === "HttpError" || refusal) {
      const status = Number(failure.data?.statusCode);
      const said = proxied ? gatewayWords(failure) : null;
      if (said && status === 401) return make("unauthorized", said);
      if (said && status === 403) return make("forbidden", said);
      if (said && status === 404) return make("not_found", said);
      // The browser reached Benchtop; the host behind the gateway is what failed (unreachable, timed out, moved).
      if (said && status >= 500) return make("upstream", said);
      if (status === 401) return make("unauthorized", proxied ? MESSAGES.tokenRefused : MESSAGES.unauthorized);
      if (status === 403 && proxied && action === "push") return make("forbidden", MESSAGES.forbiddenProxied);
      if (status === 403) return make("forbidden", action === "push" ? MESSAGES.forbidden : MESSAGES.forbiddenRead);
      if (status === 404) return make("not_found", MESSAGES.not_found);
      if (status === 413) return make("upstream", `The server refused to ${action}: the upload is too large. Ask your administrator about the size limit.`);
      return make("upstream", `The server could not ${action} (HTTP ${Number.isFinite(status) ? status : "error"}). Retry in a moment; your work is kept here.`);
    }
    if (failure.code === "PushRejectedError") return make("push_rejected", MESSAGES.push_rejected);
    if (failure.code === "GitPushError") {
      if (REJECTED_REASONS.test(pushErrorDetails(failure))) return make("push_rejected", MESSAGES.push_rejected);
      const said = remoteWords(remoteMessages);
      if (PROTECTED_BRANCH.test(said) || PROTECTED_BRANCH.test(pushErrorDetails(failure))) {
        return make(
          "forbidden",
          `The branch is protected on the host, which refused the push${said ? ` ("${said}")` : ""}. Your commits are kept here: create a new branch from them (branch menu), push that branch, and open a pull or merge request.`,
        );
      }
      return make("upstream", `The server refused the push${said ? ` ("${said}")` : ""}. Your commits are kept here; retry, and if it keeps failing, ask the project's owner.`);
    }
    if (isOfflineError(failure)) return make("offline", MESSAGES.offline);
    if (failure.code === "SmartHttpError" || failure.code === "ParseError" || failure.code === "UnknownTransportError" || failure.code === "RemoteCapabilityError") {
      return make("upstream", `The server's answer could not be read, so this copy could not ${action}. Retry; if it keeps failing, tell your administrator.`);
    }
    if (failure.code === "NotFoundError" || failure.code === "CommitNotFetchedError" || failure.code === "ObjectTypeError") {
      return make("not_found", MESSAGES.missing);
    }
  }
  return make("unknown", `Could not ${action} because of an unexpected error. Your work is kept here; retry, and reload the page if it keeps failing.`);
}

function causes(error: unknown): Failure[] {
  const chain: Failure[] = [];
  let current: unknown = error;
  while (typeof current === "object" && current !== null && chain.length < 8 && !chain.includes(current as Failure)) {
    chain.push(current as Failure);
    current = (current as Failure).cause;
  }
  return chain;
}

function isQuotaError(failure: Failure): boolean {
  if (failure.name === "QuotaExceededError" || failure.name === "NS_ERROR_DOM_QUOTA_REACHED" || failure.code === "ENOSPC") return true;
  // Legacy DOMException code; lightning-fs and idb sometimes only keep the name in the message.
  if (failure.name === "DOMException" && failure.code === 22) return true;
  return typeof failure.message === "string" && /QuotaExceeded|quota.*exceeded/i.test(failure.message);
}

function isOfflineError(failure: Failure): boolean {
  if (typeof failure.code === "string" && OFFLINE_CODES.has(failure.code)) return true;
  return failure.name === "TypeError" && typeof failure.message === "string" && OFFLINE_MESSAGES.test(failure.message);
}

function pushErrorDetails(failure: Failure): string {
  const result = failure.data?.result as { refs?: Record<string, { error?: string }> } | undefined;
  const reasons = Object.values(result?.refs ?? {}).map((ref) => ref.error ?? "");
  return [...reasons, String(failure.data?.reason ?? ""), String(failure.message ?? "")].join("\n");
}
