import { eq, lt } from "drizzle-orm";
import { getDb } from "../client";
import { oauthRequests, type OAuthRequest } from "../schema";

export function insertOAuthRequest(values: Omit<OAuthRequest, "createdAt">): void {
  const db = getDb();
  // Abandoned requests (the user closed the consent page) are cleared as new ones start.
  db.delete(oauthRequests).where(lt(oauthRequests.expiresAt, new Date())).run();
  db.insert(oauthRequests).values(values).run();
}

/** Removes and returns the request with this state digest: a state is good for one callback only. */
export function takeOAuthRequest({ stateDigest }: { stateDigest: string }): OAuthRequest | undefined {
  return getDb().delete(oauthRequests).where(eq(oauthRequests.stateDigest, stateDigest)).returning().get();
}
