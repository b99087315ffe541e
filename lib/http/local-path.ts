/**
 * A path on this site to send the browser to, or `fallback`: only same-site
 * paths are returned to after a sign-in or an authorization (no open redirect
 * through `//host` or `/\host`, which browsers read as another site).
 */
export function localPathOr(value: string | null | undefined, fallback: string): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\") || /[\u0000-\u001f]/.test(value)) return fallback;
  return value;
}
