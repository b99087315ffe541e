import { randomBytes } from "node:crypto";

/** A new random id: 16 lower-case letters and digits, safe in URLs and repository names. */
export function newId(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  const bytes = randomBytes(16);
  let id = "";
  for (const byte of bytes) id += alphabet[byte % 36];
  return id;
}
