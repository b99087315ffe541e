import { createBucketAdapter } from "../hosts/create-adapter";
import type { User } from "../db";
import { type AccessRequest, isAppError } from "../errors";
import { isHostError } from "../hosts";
import { credentialFor } from "./credential-for";
import { gitAdapterFor } from "./git-adapter-for";
import { requireCredential } from "./require-credential";
import type { RepositoryInput } from "./schema";

export type TestResult = {
  ok: boolean;
  message: string;
  repository?: { fullName: string; defaultBranch: string; canPush: boolean };
  bucket?: { name: string; canList: boolean; canRead: boolean };
  tokenExpiresAt?: string | null;
  missingScopes?: string[];
  /** The host's organization keeps the connection's app out: where to ask it in. */
  accessRequest?: AccessRequest;
};

/**
 * Checks a repository or bucket with what the user typed, and says what it
 * found or exactly what failed. Never throws for a host's answer: the result
 * carries ok: false and the message instead.
 */
export async function testConnection(input: RepositoryInput, { owner }: { owner: Pick<User, "id"> }): Promise<TestResult> {
  requireCredential(input, { owner });
  try {
    if (input.provider === "s3") {
      const adapter = createBucketAdapter({
        location: { bucket: input.bucket, region: input.region ?? null, endpoint: input.endpoint ?? null },
        credentials: input.accessKeyId && input.secretAccessKey ? { accessKeyId: input.accessKeyId, secretAccessKey: input.secretAccessKey, sessionToken: input.sessionToken ?? null } : null,
      });
      const report = await adapter.testConnection();
      return { ok: report.canList && report.canRead, message: report.message, bucket: { name: report.bucket, canList: report.canList, canRead: report.canRead } };
    }
    // Without a token of its own, a repository uses the owner's connection to its host (an authorized app, or a token given once).
    const credential = await credentialFor({ actor: owner, provider: input.provider, location: input.location, ownToken: input.token ?? null });
    const connected = credential.connection;
    const adapter = gitAdapterFor({ provider: input.provider, location: input.location, credential });
    const { repository, token } = await adapter.testConnection();
    const missing = token?.missingScopes ?? [];
    const who = connected ? `your connection as ${connected.login}` : "the token";
    const push = repository.canPush ? `${who} can push` : credential.token ? `${who} can read but not push` : "no token: read-only access";
    const expiry = token?.expiresAt ? ` The token expires on ${token.expiresAt.slice(0, 10)}.` : "";
    const message = missing.length
      ? `Found ${repository.fullName}, but the token lacks the scope${missing.length > 1 ? "s" : ""} ${missing.join(", ")}. Create a token with ${missing.join(" and ")} and try again.`
      : `Found ${repository.fullName} (default branch ${repository.defaultBranch}); ${push}.${expiry}`;
    return {
      ok: missing.length === 0,
      message,
      repository: { fullName: repository.fullName, defaultBranch: repository.defaultBranch, canPush: repository.canPush },
      tokenExpiresAt: token?.expiresAt ?? null,
      missingScopes: missing,
    };
  } catch (error) {
    if (isHostError(error)) return { ok: false, message: error.message, ...(error.accessRequest ? { accessRequest: error.accessRequest } : {}) };
    if (isAppError(error) && error.apiCode === "connection_required") return { ok: false, message: error.message };
    throw error;
  }
}
