// Git LFS pointer files (git-lfs's docs/spec.md): what git stores in place of a
// large file. Pure: the session (browser) and the server read them alike.

/** An LFS object: its SHA-256 (64 lower-case hex digits) and size in bytes. */
export type LfsObject = { oid: string; size: number };

const SPEC_V1 = "https://git-lfs.github.com/spec/v1";
/** Pointers are small; git-lfs itself never reads more than this as one. */
export const MAX_POINTER_BYTES = 1024;
const OID = /^[0-9a-f]{64}$/;

/**
 * The object a pointer file names, or null when `content` is not a pointer:
 * the spec's lines (`version`, then `oid sha256:…` and `size …` among keys in
 * alphabetical order), each ending in a newline, within MAX_POINTER_BYTES.
 */
export function parseLfsPointer(content: Uint8Array | string): LfsObject | null {
  if (content.length > MAX_POINTER_BYTES) return null;
  const text = typeof content === "string" ? content : new TextDecoder("utf-8", { fatal: false }).decode(content);
  if (!text.startsWith(`version ${SPEC_V1}\n`) || !text.endsWith("\n")) return null;
  const lines = text.slice(0, -1).split("\n").slice(1);
  const values = new Map<string, string>();
  let previous = "";
  for (const line of lines) {
    const space = line.indexOf(" ");
    if (space <= 0) return null;
    const key = line.slice(0, space);
    if (!/^[a-z0-9.-]+$/.test(key) || key <= previous || values.has(key)) return null;
    previous = key;
    values.set(key, line.slice(space + 1));
  }
  const oid = values.get("oid")?.replace(/^sha256:/, "");
  const size = values.get("size");
  if (!oid || !values.get("oid")!.startsWith("sha256:") || !OID.test(oid) || !size || !/^(0|[1-9][0-9]*)$/.test(size)) return null;
  const bytes = Number(size);
  return Number.isSafeInteger(bytes) ? { oid, size: bytes } : null;
}

/** The pointer file git-lfs writes for an object, byte for byte. */
export function formatLfsPointer({ oid, size }: LfsObject): string {
  return `version ${SPEC_V1}\noid sha256:${oid}\nsize ${size}\n`;
}
