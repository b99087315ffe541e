"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActionUser } from "@/lib/auth";
import { AppError, isAppError } from "@/lib/errors";
import { actionFailed, keepValues, validationFailed, type ActionState } from "@/lib/http";
import { listOAuthApps, oauthAppInputSchema, oauthAppProviders, replaceOAuthApps, type OAuthAppInput } from "@/lib/oauth-apps";

async function requireActionAdmin() {
  const user = await requireActionUser();
  if (user.role !== "admin") throw new AppError("forbidden", "Only an administrator can manage OAuth apps.");
  return user;
}

/** The stored apps as PUT input without secrets, so that each keeps its own. */
function storedInputs(): OAuthAppInput[] {
  return listOAuthApps().map(({ provider, host, kind, clientId }) => ({ provider, host, kind, clientId }));
}

/** Errors of the one app the form sent: `apps.N.clientSecret` becomes `clientSecret`. */
function singleAppFailure(error: unknown): ActionState {
  const state = actionFailed(error);
  if (isAppError(error) && state.fieldErrors) {
    state.fieldErrors = Object.fromEntries(Object.entries(state.fieldErrors).map(([key, message]) => [key.replace(/^apps\.\d+\./, ""), message]));
  }
  return state;
}

const blankToUndefined = (value: FormDataEntryValue | null) => (typeof value === "string" && value.trim() !== "" ? value : undefined);

export async function saveOAuthAppAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return keepValues(await save(formData), formData, ["provider", "host", "kind", "clientId"]);
}

async function save(formData: FormData): Promise<ActionState> {
  try {
    const actor = await requireActionAdmin();
    const parsed = oauthAppInputSchema.safeParse({
      provider: formData.get("provider") ?? undefined,
      host: blankToUndefined(formData.get("host")),
      kind: blankToUndefined(formData.get("kind")),
      clientId: formData.get("clientId") ?? undefined,
      clientSecret: blankToUndefined(formData.get("clientSecret")),
    });
    if (!parsed.success) return validationFailed(parsed.error);
    const app = parsed.data;
    const stored = storedInputs();
    const others = stored.filter((a) => a.provider !== app.provider || a.host !== app.host);
    const existed = others.length < stored.length;
    replaceOAuthApps({ apps: [...others, app], actor });
    revalidatePath("/admin/oauth-apps");
    return { status: "success", message: `${existed ? "Updated" : "Added"} the ${app.provider} app for ${app.host}.` };
  } catch (error) {
    return singleAppFailure(error);
  }
}

const removeSchema = z.object({ provider: z.enum(oauthAppProviders), host: z.string().trim().toLowerCase().min(1).max(300) });

export async function removeOAuthAppAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let provider: string;
  let host: string;
  try {
    const actor = await requireActionAdmin();
    const parsed = removeSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return validationFailed(parsed.error);
    ({ provider, host } = parsed.data);
    const stored = storedInputs();
    const rest = stored.filter((a) => a.provider !== provider || a.host !== host);
    if (rest.length === stored.length) return { status: "error", message: `No ${provider} app is registered for ${host}.` };
    replaceOAuthApps({ apps: rest, actor });
  } catch (error) {
    return actionFailed(error);
  }
  revalidatePath("/admin/oauth-apps");
  return { status: "success", message: `Removed the ${provider} app for ${host}.` };
}
