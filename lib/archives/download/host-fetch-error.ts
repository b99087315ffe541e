import { markTokenRefused } from "../../connections";
import { AppError, isAppError } from "../../errors";
import { HostError } from "../../hosts";
import { unreachableError } from "../../hosts/unreachable";
import type { GitCredential } from "../../repositories";

/** What the fetch was for, so that the message says what to do again. */
export type FetchPurpose = "download" | "deploy";

const UNREACHABLE: [RegExp, string][] = [
  [/could not resolve host/i, "ENOTFOUND"],
  [/timed out|took too long/i, "ETIMEDOUT"],
  [/failed to connect|couldn't connect|connection refused|connection reset|empty reply|recv failure/i, "ECONNREFUSED"],
];

/**
 * What a person is told when git could not fetch a project's repository from
 * its host for a download, from git's own last line (kept in the server log):
 * no credential where the host asks for one is 409 `connection_required`; a
 * refused credential, a refusal, a missing repository or a host that does not
 * answer are HostErrors (502), each saying what to do. A refused connection is
 * marked for reconnecting, as the gateway does.
 */
export function hostFetchError({ error, host, credential, purpose = "download" }: { error: unknown; host: string; credential: GitCredential; purpose?: FetchPurpose }): Error {
  if (isAppError(error)) return error;
  const said = error instanceof Error ? error.message : String(error);
  console.error(`Benchtop: fetching from ${host} for a ${purpose} failed:`, said);
  const again = purpose === "download" ? "download again" : "redeploy";
  const status = /returned error: (\d{3})/.exec(said)?.[1];
  if (status === "401" || /could not read (username|password)|authentication failed/i.test(said)) {
    if (!credential.token) {
      return new AppError("connection_required", `${host} asks for a credential to read this repository. Connect your account at ${host} (Settings → Connections), then ${again}.`);
    }
    if (credential.connection) {
      markTokenRefused({ connection: credential.connection });
      return new HostError("bad_credentials", `${host} refused the token of your connection to it (revoked or expired). Reconnect in Settings → Connections, then ${again}.`, { cause: error });
    }
    return new HostError("bad_credentials", `${host} refused the token stored for this repository (wrong, expired or revoked). Update the repository's token on the Repositories page, then ${again}.`, { cause: error });
  }
  if (status === "403") {
    return new HostError("no_permission", `${host} refused to let your account read this repository. Ask the project's owner for access at ${host}, then ${again}.`, { cause: error });
  }
  if (status === "404" || /not found/i.test(said)) {
    return new HostError("not_found", `${host} has no repository at this project's address that your account can see: it may have been deleted or renamed, or your account at ${host} cannot reach it. Ask the project's owner.`, { cause: error });
  }
  const unreachable = UNREACHABLE.find(([pattern]) => pattern.test(said));
  if (unreachable) return unreachableError({ host, code: unreachable[1], cause: error });
  return new HostError("upstream", `${host} broke off the transfer${status ? ` (HTTP ${status})` : ""}, so ${purpose === "download" ? "the archive could not be made" : "the commit could not be deployed"}. Try again once ${host} answers.`, { cause: error });
}
