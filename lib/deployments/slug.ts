/**
 * The path segment a deployment's name makes: lower-case letters, digits and
 * single hyphens ("Weekly report (EU)" → "weekly-report-eu"), at most 40
 * characters, accents dropped; the caller makes it unique.
 */
export function slugOf(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return slug || "deployment";
}

/** `base`, or base-2, base-3... the first that `taken` says is free. */
export function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}
