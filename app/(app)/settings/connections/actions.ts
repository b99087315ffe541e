"use server";

import { revalidatePath } from "next/cache";
import { requireActionUser } from "@/lib/auth";
import { createTokenConnection, deleteConnection, tokenConnectionInputSchema } from "@/lib/connections";
import { actionFailed, keepValues, validationFailed, type ActionState } from "@/lib/http";

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
  try {
    const user = await requireActionUser();
    deleteConnection({ id: connectionId, user });
  } catch (error) {
    return actionFailed(error);
  }
  revalidatePath("/settings/connections");
  return { status: "success", message: "Disconnected." };
}
