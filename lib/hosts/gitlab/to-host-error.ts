// GitLab's failures in Benchtop's words (HostError kinds, in code), never its raw text.
import { z } from "zod";
import { errorCodesOf, isTlsErrorCode, unreachableError } from "../unreachable";
import { HostError, isHostError } from "../errors";
import { GitLabHttpError } from "./requester";
import { errorBodySchema } from "./schemas";

/** What was being asked for, so that a 404 can say which thing is missing. */
export type GitLabSubject = { fullName: string; host: string; file?: { path: string; ref: string | null }; folder?: { path: string; ref: string | null } };

const TOKEN_HELP = "Create a personal access token with the read_api and read_repository scopes (and write_repository to push), and save it here.";

/**
 * When the limit resets: RateLimit-Reset (epoch seconds), RateLimit-ResetTime
 * (an HTTP date), Retry-After (seconds or an HTTP date), else in a minute.
 */
export function rateLimitResetAt(headers: Headers, now = Date.now()): Date {
  const epoch = Number(headers.get("ratelimit-reset"));
  if (Number.isFinite(epoch) && epoch > 0) return new Date(epoch * 1000);
  const resetTime = Date.parse(headers.get("ratelimit-resettime") ?? "");
  if (Number.isFinite(resetTime)) return new Date(resetTime);
  const retryAfter = headers.get("retry-after");
  if (retryAfter && /^\d+$/.test(retryAfter.trim())) return new Date(now + Number(retryAfter) * 1000);
  const retryDate = Date.parse(retryAfter ?? "");
  if (Number.isFinite(retryDate)) return new Date(retryDate);
  return new Date(now + 60_000);
}

function notFoundMessage(error: GitLabHttpError, subject: GitLabSubject): string {
  const said = errorBodySchema.safeParse(error.body);
  const message = said.success && typeof said.data.message === "string" ? said.data.message : "";
  const project = `GitLab project ${subject.fullName} was not found, or the token has no access to it. Check the address, or use a token of an account that is a member of the project.`;
  if (/project/i.test(message)) return project;
  if (subject.file) return `${subject.file.path} was not found in ${subject.fullName}${subject.file.ref ? ` at ${subject.file.ref}` : ""}.`;
  if (subject.folder) return `The folder ${subject.folder.path || "(top)"} was not found in ${subject.fullName}${subject.folder.ref ? ` at ${subject.folder.ref}` : ""}.`;
  return project;
}

function fromHttp(error: GitLabHttpError, subject: GitLabSubject): HostError {
  const said = errorBodySchema.safeParse(error.body);
  const body = said.success ? said.data : {};
  const { status } = error;
  if (status === 401) {
    const why = /expired/i.test(body.error_description ?? "") ? "it has expired" : /revoked/i.test(body.error_description ?? "") ? "it was revoked" : "it is wrong, expired or revoked";
    return new HostError("bad_credentials", `GitLab refused the token: ${why}. ${TOKEN_HELP}`, { cause: error });
  }
  if (status === 403 && body.error === "insufficient_scope") {
    const wanted = body.scope ? ` GitLab asks for one of: ${body.scope.split(/\s+/).join(", ")}.` : "";
    return new HostError("missing_scopes", `The token lacks a scope this needs.${wanted} ${TOKEN_HELP}`, { cause: error });
  }
  if (status === 403) {
    return new HostError("no_permission", `GitLab does not allow this token's account to do that on ${subject.fullName}. Ask a maintainer for access (Reporter to read, Developer to push).`, { cause: error });
  }
  if (status === 404) return new HostError("not_found", notFoundMessage(error, subject), { cause: error });
  if (status === 429) {
    const resetAt = rateLimitResetAt(error.headers);
    return new HostError("rate_limited", `GitLab's rate limit for this token was reached. Try again after ${resetAt.toISOString()}.`, { resetAt, cause: error });
  }
  if (status >= 300 && status < 400) {
    return new HostError("not_found", `GitLab answered that ${subject.fullName} has moved. Give the project's current address.`, { cause: error });
  }
  if (status >= 500) return new HostError("upstream", `GitLab at ${subject.host} had a problem answering (HTTP ${status}). Try again later.`, { cause: error });
  return new HostError("upstream", `GitLab at ${subject.host} refused the request (HTTP ${status}).`, { cause: error });
}

const NETWORK_CODE = /^E[A-Z]+$|^UND_ERR|^ERR_/;

function fromNetwork(error: unknown, subject: GitLabSubject): HostError {
  const codes = errorCodesOf(error);
  const { host } = subject;
  const isNetwork = (error instanceof Error && error.message === "fetch failed") || codes.some((c) => NETWORK_CODE.test(c) || isTlsErrorCode(c));
  if (!isNetwork) return new HostError("upstream", `Something went wrong while talking to GitLab at ${host}. Try again later.`, { cause: error });
  if (codes.includes("ENOTALLOWED")) {
    return new HostError("not_allowed", `${host} resolves to a private or local address, which Benchtop does not contact. Ask an administrator to list it in BENCHTOP_INSECURE_HOSTS if it is meant.`, { cause: error });
  }
  const tls = codes.find(isTlsErrorCode);
  if (tls) return new HostError("tls", `The TLS certificate of ${host} could not be verified (${tls}). Ask the GitLab administrator to fix the certificate.`, { cause: error });
  const code = codes.find((c) => c === "ENOTFOUND" || c === "EAI_AGAIN") ?? codes.find((c) => /TIME_?D?OUT/.test(c)) ?? codes.find((c) => NETWORK_CODE.test(c));
  return unreachableError({ host, code, cause: error });
}

/** Turns whatever a GitLab call threw into a HostError. */
export function toHostError(error: unknown, subject: GitLabSubject): HostError {
  if (isHostError(error)) return error;
  if (error instanceof GitLabHttpError) return fromHttp(error, subject);
  if (error instanceof z.ZodError || error instanceof SyntaxError) {
    return new HostError("upstream", `GitLab at ${subject.host} gave an answer Benchtop does not understand. Check that the address is a GitLab server.`, { cause: error });
  }
  return fromNetwork(error, subject);
}
