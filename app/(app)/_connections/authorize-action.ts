"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requireActionUser } from "@/lib/auth";
import { startAuthorization } from "@/lib/connections";
import { actionFailed, publicOrigin, type ActionState } from "@/lib/http";
import { isOAuthAppProvider } from "@/lib/oauth-apps/providers";

/**
 * "Authorize GitHub app" / "Authorize GitLab app": starts the authorization-code
 * flow (state and PKCE) and sends the browser to the provider's consent page.
 * `returnTo` is the Benchtop page to come back to once connected.
 */
export async function startAuthorizationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let target: URL;
  try {
    const user = await requireActionUser();
    const provider = String(formData.get("provider") ?? "");
    if (!isOAuthAppProvider(provider)) return { status: "error", message: "Choose GitHub or GitLab." };
    target = await startAuthorization({
      user,
      provider,
      host: String(formData.get("host") ?? ""),
      origin: publicOrigin(await headers()),
      returnTo: String(formData.get("returnTo") ?? ""),
    });
  } catch (error) {
    return actionFailed(error);
  }
  redirect(target.href);
}
