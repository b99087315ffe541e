// Proof Key for Code Exchange (RFC 7636): the check both providers make when an
// authorization request carried a code_challenge.
import crypto from "node:crypto";

export type CodeChallenge = { value: string; method: "S256" | "plain" };

/** Whether `verifier` answers the challenge: BASE64URL(SHA256(verifier)) for S256, the verifier itself for plain. */
export function verifyCodeChallenge(challenge: CodeChallenge, verifier: string | undefined): boolean {
  if (!verifier) return false;
  const expected = challenge.method === "S256" ? crypto.createHash("sha256").update(verifier, "ascii").digest("base64url") : verifier;
  return expected === challenge.value;
}

/** The S256 challenge of a verifier, for tests that play the client. */
export const s256Challenge = (verifier: string) => crypto.createHash("sha256").update(verifier, "ascii").digest("base64url");
