// Authorization codes: short-lived, one use, bound to the client, the redirect
// URI and the PKCE challenge of the authorization request that made them.
import crypto from "node:crypto";
import type { CodeChallenge } from "./pkce";

export type IssuedCode<Grant> = {
  clientId: string;
  /** The redirect_uri of the authorization request, null when it named none. */
  redirectUri: string | null;
  challenge: CodeChallenge | null;
  /** What the provider grants once the code is redeemed (account, scopes). */
  grant: Grant;
  expiresAt: number;
};

/** Both GitHub and Doorkeeper (GitLab) let a code live ten minutes. */
const CODE_LIFETIME_MS = 10 * 60 * 1000;

/** One store per emulator instance. */
export function createAuthorizationCodes<Grant>({ format = () => crypto.randomBytes(10).toString("hex") }: { format?: () => string } = {}) {
  const codes = new Map<string, IssuedCode<Grant>>();
  return {
    issue(entry: Omit<IssuedCode<Grant>, "expiresAt">): string {
      const code = format();
      codes.set(code, { ...entry, expiresAt: Date.now() + CODE_LIFETIME_MS });
      return code;
    },
    /** The code's record while it is valid; it stays until `consume` (a failed exchange does not spend it). */
    find(code: string | undefined): IssuedCode<Grant> | null {
      const entry = code ? codes.get(code) : undefined;
      if (!entry) return null;
      if (entry.expiresAt <= Date.now()) {
        codes.delete(code!);
        return null;
      }
      return entry;
    },
    /** Spends the code after a successful exchange: a second exchange fails. */
    consume(code: string): void {
      codes.delete(code);
    },
  };
}
