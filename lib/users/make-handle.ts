/**
 * The handle an email's owner gets (API.md): the local part, lower-cased, reduced
 * to [a-z0-9._-], made unique with a number when taken. Handles appear in clone
 * URLs, so they also never start with '.' or '-'.
 */
export function makeHandle({ email, isTaken }: { email: string; isTaken: (handle: string) => boolean }): string {
  const local = email.split("@")[0] ?? "";
  let base = local.toLowerCase().replace(/[^a-z0-9._-]/g, "").replace(/^[.-]+/, "").replace(/\.git$/, "");
  if (!base) base = "user";
  base = base.slice(0, 40);
  if (!isTaken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}${n}`;
    if (!isTaken(candidate)) return candidate;
  }
}
