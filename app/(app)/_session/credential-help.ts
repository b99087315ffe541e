"use client";

import { startAuthorizationAction } from "../_connections/authorize-action";
import type { CredentialHelp } from "@/lib/repositories/credential-help";

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
