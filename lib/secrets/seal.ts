import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { getSealingKey } from "../config/instance-secrets";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals a secret with AES-256-GCM under BENCHTOP_SECRET_KEY. `context` binds the
 * sealed value to where it is stored (e.g. "repository:abc:token") so that a
 * value copied into another row does not open there.
 */
export function sealSecret({ plaintext, context, key = getSealingKey() }: { plaintext: string; context: string; key?: Buffer }): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
}

/** Opens a value made by `sealSecret` with the same context; throws if it was tampered with. */
export function openSecret({ sealed, context, key = getSealingKey() }: { sealed: string; context: string; key?: Buffer }): string {
  const [version, encoded] = sealed.split(":", 2);
  if (version !== VERSION || !encoded) throw new Error("Sealed secret has an unknown format.");
  const raw = Buffer.from(encoded, "base64");
  const iv = raw.subarray(0, IV_BYTES);
  const tag = raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
}
