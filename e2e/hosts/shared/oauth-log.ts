// What tests read back through GET /_emulator/oauth-log: every token request
// and revocation, so that a test can assert "refreshed exactly once".
export type TokenRequestEntry = { grantType: string; clientId: string; ok: boolean; at: string };
export type RevocationEntry = { endpoint: string; clientId: string; ok: boolean; at: string };
export type OAuthLog = { tokenRequests: TokenRequestEntry[]; revocations: RevocationEntry[] };

/** One log per emulator instance. */
export function createOAuthLog() {
  const log: OAuthLog = { tokenRequests: [], revocations: [] };
  const at = () => new Date().toISOString();
  return {
    tokenRequest(entry: Omit<TokenRequestEntry, "at">): void {
      log.tokenRequests.push({ ...entry, at: at() });
    },
    revocation(entry: Omit<RevocationEntry, "at">): void {
      log.revocations.push({ ...entry, at: at() });
    },
    read: (): OAuthLog => structuredClone(log),
  };
}

export type OAuthLogRecorder = ReturnType<typeof createOAuthLog>;
