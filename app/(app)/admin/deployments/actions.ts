"use server";

import { revalidatePath } from "next/cache";
import { requireActionAdmin } from "@/lib/auth";
import { setPublicDeploymentsAllowed } from "@/lib/deployments";
import { actionFailed, type ActionState } from "@/lib/http";

/** The form sends the setting it asks for (allowPublic "true" or "false"), so a page older than the setting cannot flip it the wrong way. */
export async function setPublicDeploymentsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const allowed = formData.get("allowPublic") === "true";
  try {
    const actor = await requireActionAdmin({ what: "allow or forbid public deployments" });
    setPublicDeploymentsAllowed({ allowed, actor });
  } catch (error) {
    return actionFailed(error);
  }
  // The admin overview and every deployment form show the setting.
  revalidatePath("/", "layout");
  return {
    status: "success",
    message: allowed
      ? "Public deployments are allowed: public deployments are served to anyone with the link again."
      : "Public deployments are off: existing public ones are served to people signed in only, and new ones cannot be made public.",
  };
}
