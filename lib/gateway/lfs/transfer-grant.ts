// A relayed LFS transfer: everything the gateway needs to carry out one action
// of a host's batch answer, sealed (AES-256-GCM, lib/secrets) into the URL it
// hands the client instead of the host's. The client holds it but cannot read
// or change it; any instance of Benchtop can open it (the sealing key is the
// instance's, shared), so no instance keeps state about batches.
import { z } from "zod";
import { openSecret, sealSecret } from "../../secrets";
import { ACTION_METHODS, ACTION_NAMES, type Action } from "./batch-schema";

/** No relay URL lives longer than this, whatever the host allowed. */
export const MAX_TRANSFER_MS = 15 * 60_000;

/** Where relay URLs live: `/proxy/_lfs/{sealed grant}`. */
export const TRANSFER_PREFIX = "/proxy/_lfs/";

const CONTEXT = "gateway:lfs-transfer:v1";

const grantSchema = z.object({
  /** The Benchtop user the batch answer was for; nobody else may use it. */
  userId: z.string().min(1),
  /** The repository as the gateway addressed it, to check the user's access again at transfer time. */
  repository: z.object({ hostname: z.string(), port: z.string().nullable(), repoPath: z.string() }),
  action: z.enum(ACTION_NAMES),
  method: z.enum(["GET", "PUT", "POST"]),
  /** The host's own URL and headers (signed query strings, Authorization): they never leave the server. */
  href: z.string().url(),
  header: z.record(z.string(), z.string()),
  oid: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(0),
  /** Epoch milliseconds. */
  expiresAt: z.number(),
});
export type TransferGrant = z.infer<typeof grantSchema>;

/**
 * When an action stops being usable: the host's `expires_in` (preferred, as
 * git-lfs does) or `expires_at`, never later than MAX_TRANSFER_MS from now.
 */
export function actionExpiry(action: Pick<Action, "expires_in" | "expires_at">, now: number): number {
  const cap = now + MAX_TRANSFER_MS;
  if (action.expires_in !== undefined) return Math.min(now + action.expires_in * 1000, cap);
  const at = action.expires_at ? Date.parse(action.expires_at) : NaN;
  return Number.isNaN(at) ? cap : Math.min(at, cap);
}

export function methodOf(action: TransferGrant["action"]): TransferGrant["method"] {
  return ACTION_METHODS[action];
}

/** The grant sealed for a URL path segment (base64url: no `/`, `+` or `=`). */
export function sealTransferGrant(grant: TransferGrant, key?: Buffer): string {
  const sealed = sealSecret({ plaintext: JSON.stringify(grantSchema.parse(grant)), context: CONTEXT, key });
  return Buffer.from(sealed.slice(sealed.indexOf(":") + 1), "base64").toString("base64url");
}

/** The grant in a relay URL's token, or null when it was not made by Benchtop with this key, or was changed. */
export function openTransferGrant(token: string, key?: Buffer): TransferGrant | null {
  if (!/^[A-Za-z0-9_-]{16,16384}$/.test(token)) return null;
  try {
    const plaintext = openSecret({ sealed: `v1:${Buffer.from(token, "base64url").toString("base64")}`, context: CONTEXT, key });
    const parsed = grantSchema.safeParse(JSON.parse(plaintext));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
