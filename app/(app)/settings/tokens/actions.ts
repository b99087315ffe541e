"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createApiToken, requireActionUser, revokeApiToken } from "@/lib/auth";
import { recordEvent } from "@/lib/audit";
import { actionFailed, validationFailed, type ActionState } from "@/lib/http";

const newTokenSchema = z.object({
  name: z.string().trim().min(1, "Name the token, e.g. 'laptop'.").max(100, "Use a name of at most 100 characters."),
  expiresInDays: z.enum(["", "7", "30", "90", "365"], { error: "Choose when the token expires." }),
});

export async function createTokenAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const user = await requireActionUser();
    const parsed = newTokenSchema.safeParse({ name: formData.get("name"), expiresInDays: formData.get("expiresInDays") ?? "" });
    if (!parsed.success) return validationFailed(parsed.error);
    const days = parsed.data.expiresInDays ? Number(parsed.data.expiresInDays) : null;
    const expiresAt = days ? new Date(Date.now() + days * 24 * 60 * 60 * 1000) : null;
    const created = createApiToken({ userId: user.id, name: parsed.data.name, expiresAt });
    recordEvent({ action: "token.created", actor: user, detail: { tokenId: created.id, name: created.name } });
    revalidatePath("/settings/tokens");
    return { status: "success", message: "Token created. Copy it now: it will not be shown again.", data: { token: created.token } };
  } catch (error) {
    return actionFailed(error);
  }
}

export async function revokeTokenAction(tokenId: string, _prev: ActionState): Promise<ActionState> {
  try {
    const user = await requireActionUser();
    revokeApiToken({ userId: user.id, id: tokenId });
    recordEvent({ action: "token.revoked", actor: user, detail: { tokenId } });
  } catch (error) {
    return actionFailed(error);
  }
  revalidatePath("/settings/tokens");
  return { status: "success", message: "Token revoked." };
}
