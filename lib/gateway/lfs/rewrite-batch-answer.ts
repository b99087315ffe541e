import { ACTION_METHODS, ACTION_NAMES, type BatchAnswer, type RelayedBatchAnswer } from "./batch-schema";
import { TRANSFER_PREFIX, actionExpiry, sealTransferGrant, type TransferGrant } from "./transfer-grant";

/** The longest object error message passed on from a host. */
const MAX_ERROR_WORDS = 500;

/**
 * A host's batch answer as the client gets it: each action's `href` (often a
 * storage service's signed URL) becomes a gateway URL sealing the original
 * URL, its headers, the method, the user, the repository, the object and an
 * expiry; the action's `header` is dropped, so no host or storage credential,
 * signed URL or storage host name reaches the client. Actions other than the
 * basic adapter's download, upload and verify are dropped (they could not be
 * relayed); objects the request did not ask about are dropped too.
 */
export function rewriteBatchAnswer({
  answer,
  asked,
  userId,
  repository,
  origin,
  now = Date.now(),
  key,
}: {
  answer: BatchAnswer;
  /** The objects of the client's batch request: a host cannot add others. */
  asked: { oid: string; size: number }[];
  userId: string;
  repository: TransferGrant["repository"];
  /** Benchtop's public origin, where the relay URLs point. */
  origin: string;
  now?: number;
  key?: Buffer;
}): RelayedBatchAnswer {
  const askedFor = new Set(asked.map((o) => `${o.oid}:${o.size}`));
  const objects = answer.objects
    .filter((object) => askedFor.has(`${object.oid}:${object.size}`))
    .map((object) => {
      const relayed: RelayedBatchAnswer["objects"][number] = { oid: object.oid, size: object.size };
      if (object.error) relayed.error = { code: object.error.code, message: object.error.message.slice(0, MAX_ERROR_WORDS) };
      if (object.actions && Object.keys(object.actions).length > 0) {
        const actions: NonNullable<RelayedBatchAnswer["objects"][number]["actions"]> = {};
        for (const name of ACTION_NAMES) {
          const action = object.actions[name];
          if (!action) continue;
          const expiresAt = actionExpiry(action, now);
          const grant: TransferGrant = { userId, repository, action: name, method: ACTION_METHODS[name], href: action.href, header: action.header ?? {}, oid: object.oid, size: object.size, expiresAt };
          actions[name] = {
            href: `${origin}${TRANSFER_PREFIX}${sealTransferGrant(grant, key)}`,
            expires_in: Math.floor((expiresAt - now) / 1000),
            expires_at: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, "Z"),
          };
        }
        if (Object.keys(actions).length === 0) {
          // Only actions of another transfer adapter: saying nothing would make an upload look done.
          relayed.error ??= { code: 422, message: "The host answered with a transfer that the gateway cannot relay (only basic downloads, uploads and verifications)." };
          return relayed;
        }
        relayed.actions = actions;
        // The relay URL is authorized by Benchtop (the session), so git-lfs need not look for credentials of its own.
        relayed.authenticated = true;
      }
      return relayed;
    });
  return { transfer: "basic", objects, ...(answer.hash_algo ? { hash_algo: answer.hash_algo } : {}) };
}
