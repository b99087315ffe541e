"use client";

import { useEffect, useState } from "react";
import type { AccessRequest } from "@/lib/errors";

export type Choice = { fullName: string; webUrl: string; private: boolean | null };

/** GET /api/v1/me/connections/{id}/repositories: the list, the organizations that keep the app out, and a GitHub App's pages (repository permissions, installation). */
export type ConnectionListing = { repositories: Choice[]; accessRequests: AccessRequest[]; permissionsUrl: string | null; requestAccess: Omit<AccessRequest, "organization"> | null };

type Answer = Partial<ConnectionListing> & { error?: { message?: string } };

/**
 * The connection's repositories for the Repository field, asked for when it
 * appears and again each time the window comes back into view (focus, or the
 * tab shown again): after the user asked an organization for access or edited
 * the GitHub App's repository permissions on GitHub in another tab, the list
 * shows the change without reconnecting. Never cached, the refusal included.
 */
export function useConnectionRepositories(connectionId: string): { listing: ConnectionListing | null; error: string | null } {
  const [listing, setListing] = useState<ConnectionListing | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    let loading = false;
    async function load() {
      // Focus and visibility often come together: one request at a time.
      if (loading) return;
      loading = true;
      try {
        const response = await fetch(`/api/v1/me/connections/${encodeURIComponent(connectionId)}/repositories`, { headers: { accept: "application/json" }, cache: "no-store" });
        const body = (await response.json().catch(() => null)) as Answer | null;
        if (cancelled) return;
        if (response.ok && body?.repositories) {
          setListing({ repositories: body.repositories, accessRequests: body.accessRequests ?? [], permissionsUrl: body.permissionsUrl ?? null, requestAccess: body.requestAccess ?? null });
          setError(null);
        } else {
          setError(body?.error?.message ?? `Could not list your repositories (HTTP ${response.status}). Paste the repository's address instead.`);
        }
      } catch {
        if (!cancelled) setError("Could not list your repositories: the server could not be reached. Paste the repository's address instead.");
      } finally {
        loading = false;
      }
    }
    void load();
    const onFocus = () => void load();
    const onVisibility = () => {
      if (document.visibilityState === "visible") void load();
    };
    window.addEventListener("focus", onFocus);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      cancelled = true;
      window.removeEventListener("focus", onFocus);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [connectionId]);

  return { listing, error };
}
