"use client";

import { startAuthorizationAction } from "@/app/(app)/settings/connections/actions";
import type { OAuthAppProvider } from "@/lib/oauth-apps/providers";

/**
 * What a session offers when the host refuses its credential (HTTP 401 through
 * the gateway): authorizing the app again, which comes back to this session, or
 * a page where the credential is fixed.
 */
export type CredentialHelp = { kind: "authorize"; provider: OAuthAppProvider; host: string; label: string } | { kind: "link"; href: string; label: string };

/** Leaves for the provider (or the page); the session's work is in this browser's storage and is there on return. */
export async function followCredentialHelp(help: CredentialHelp): Promise<void> {
  if (help.kind === "link") {
    window.location.assign(help.href);
    return;
  }
  const form = new FormData();
  form.set("provider", help.provider);
  form.set("host", help.host);
  form.set("returnTo", window.location.pathname);
  // Redirects to the consent page; it only returns when it could not start.
  const state = await startAuthorizationAction({ status: "idle" }, form);
  if (state.status === "error") throw new Error(state.message ?? "Could not start the authorization.");
}
