import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { getDataDir, getEnv } from "./env";

const secretsFileSchema = z.object({
  authSecret: z.string().min(32),
  secretKey: z.string().regex(/^[A-Za-z0-9+/=_-]{43,}$/),
});

type InstanceSecrets = z.infer<typeof secretsFileSchema>;

const FILE_NAME = "secrets.json";

function readOrCreateSecretsFile(): InstanceSecrets {
  const dir = getDataDir();
  const file = path.join(dir, FILE_NAME);
  if (fs.existsSync(file)) {
    return secretsFileSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
  }
  fs.mkdirSync(dir, { recursive: true });
  const fresh: InstanceSecrets = {
    authSecret: randomBytes(32).toString("base64url"),
    secretKey: randomBytes(32).toString("base64"),
  };
  // "wx" fails if another process created the file first; then read theirs.
  try {
    fs.writeFileSync(file, JSON.stringify(fresh, null, 2) + "\n", { mode: 0o600, flag: "wx" });
    return fresh;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readOrCreateSecretsFile();
    throw error;
  }
}

/**
 * Makes sure the secrets Benchtop needs exist: taken from the environment when
 * given, otherwise generated once into DATA_DIR/secrets.json (mode 600).
 */
export function ensureInstanceSecrets(): void {
  const env = getEnv();
  if (env.AUTH_SECRET && env.BENCHTOP_SECRET_KEY) return;
  readOrCreateSecretsFile();
}

/** The secret next-auth signs and encrypts its session cookies with. */
export function getAuthSecret(): string {
  return getEnv().AUTH_SECRET || readOrCreateSecretsFile().authSecret;
}

/** The 32-byte key that seals third-party credentials at rest. */
export function getSealingKey(): Buffer {
  const given = getEnv().BENCHTOP_SECRET_KEY;
  const encoded = given || readOrCreateSecretsFile().secretKey;
  const key = Buffer.from(encoded, /^[0-9a-fA-F]{64}$/.test(encoded) ? "hex" : "base64");
  if (key.length !== 32) {
    throw new Error("BENCHTOP_SECRET_KEY must be 32 bytes, given as 64 hex digits or base64.");
  }
  return key;
}
