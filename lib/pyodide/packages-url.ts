import { z } from "zod";

const MAX_LENGTH = 2000;

/**
 * Reads what an administrator gave as the Pyodide package repository: an
 * absolute http(s) URL (plain http for a mirror on the internal network), as a
 * folder ending in "/", since the kernel adds package file names to it. Empty
 * means none. Returns the URL or the reason it cannot be used.
 */
export function parsePackagesUrl(value: string): { url: string | null } | { error: string } {
  const text = value.trim();
  if (text === "") return { url: null };
  if (text.length > MAX_LENGTH) return { error: `Use at most ${MAX_LENGTH} characters for the URL.` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { error: "Give an absolute URL, such as https://pyodide-mirror.example.com/full/, or leave it empty for none." };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { error: "Give an https:// (or, for a mirror on your network, http://) URL." };
  // Every person's browser receives this URL: a password in it would be handed to all of them.
  if (url.username || url.password) return { error: "Leave the user name and password out of the URL: every person's browser receives it." };
  // The kernel appends file names to the folder, which a query or fragment would break.
  if (url.search || url.hash) return { error: "Give the folder's URL without a ?query or #fragment." };
  return { url: withTrailingSlash(url.href) };
}

export function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

/** PUT /api/v1/admin/notebooks: `pyodidePackagesUrl` a URL, or null (or "") for none. */
export const notebookSettingsInputSchema = z.object({
  pyodidePackagesUrl: z
    .string({ error: 'Give pyodidePackagesUrl: a URL, or null for none.' })
    .nullable()
    .transform((value, ctx) => {
      const parsed = parsePackagesUrl(value ?? "");
      if ("error" in parsed) {
        ctx.addIssue({ code: "custom", message: parsed.error });
        return z.NEVER;
      }
      return parsed.url;
    }),
});

export type NotebookSettingsInput = z.output<typeof notebookSettingsInputSchema>;
