"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requireActionUser } from "@/lib/auth";
import { createTokenConnection, deleteConnection, loadConnection, startAuthorization, tokenConnectionInputSchema } from "@/lib/connections";
import { actionFailed, keepValues, publicOrigin, validationFailed, type ActionState } from "@/lib/http";
import { isOAuthAppProvider } from "@/lib/oauth-apps/providers";

export async function connectWithTokenAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = tokenConnectionInputSchema.safeParse({ provider: formData.get("provider"), host: formData.get("host"), token: formData.get("token") });
  if (!parsed.success) return keepValues(validationFailed(parsed.error), formData, ["provider", "host"]);
  try {
    const user = await requireActionUser();
    const connection = await createTokenConnection({ user, ...parsed.data });
    revalidatePath("/settings/connections");
    return { status: "success", message: `Connected to ${connection.host} as ${connection.login}.` };
  } catch (error) {
    return keepValues(actionFailed(error), formData, ["provider", "host"]);
  }
}

export async function disconnectAction(connectionId: string, _prev: ActionState): Promise<ActionState> {
  let revocation;
  let host: string;
  try {
    const user = await requireActionUser();
    host = loadConnection({ id: connectionId, user }).host;
    revocation = await deleteConnection({ id: connectionId, user });
  } catch (error) {
    return actionFailed(error);
  }
  revalidatePath("/settings/connections");
  // The row (and this button) disappear: a failed withdrawal at the provider is said by the page.
  if (!revocation.revoked) redirect(`/settings/connections?notRevoked=${revocation.reason}&host=${encodeURIComponent(host)}`);
  return { status: "success", message: "Disconnected." };
}

/**
 * "Authorize GitHub app" / "Authorize GitLab app": starts the authorization-code
 * flow (state and PKCE) and sends the browser to the provider's consent page.
 * `returnTo` is the Benchtop page to come back to once connected.
 */
export async function startAuthorizationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const provider = String(formData.get("provider") ?? "");
  if (!isOAuthAppProvider(provider)) return { status: "error", message: "Choose GitHub or GitLab." };
  let target: URL;
  try {
    const user = await requireActionUser();
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
