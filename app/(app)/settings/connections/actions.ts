"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActionUser } from "@/lib/auth";
import { createTokenConnection, deleteConnection, loadConnection, tokenConnectionInputSchema } from "@/lib/connections";
import { actionFailed, keepValues, validationFailed, type ActionState } from "@/lib/http";
import { grantHostAccessOnConnect } from "@/lib/projects";

export async function connectWithTokenAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const user = await requireActionUser();
    const parsed = tokenConnectionInputSchema.safeParse({ provider: formData.get("provider"), host: formData.get("host"), token: formData.get("token"), email: formData.get("email") });
    if (!parsed.success) return keepValues(validationFailed(parsed.error), formData, ["provider", "host", "email"]);
    const connection = await createTokenConnection({ user, ...parsed.data });
    // Projects on that host waiting for this account give it access now (failures are logged, never this form's).
    await grantHostAccessOnConnect({ user, connection });
    revalidatePath("/settings/connections");
    return { status: "success", message: `Connected to ${connection.host} as ${connection.login}.` };
  } catch (error) {
    return keepValues(actionFailed(error), formData, ["provider", "host", "email"]);
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
