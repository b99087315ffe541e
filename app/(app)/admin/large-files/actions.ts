"use server";

import { revalidatePath } from "next/cache";
import { requireActionAdmin } from "@/lib/auth";
import { actionFailed, keepValues, validationFailed, type ActionState } from "@/lib/http";
import { formatBytes } from "@/lib/projects";
import { lfsSettingsFormSchema, updateLfsSettings } from "@/lib/lfs";

const FIELDS = ["maxObjectMegabytes"];

export async function saveLargeFileLimitAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return keepValues(await save(formData), formData, FIELDS);
}

async function save(formData: FormData): Promise<ActionState> {
  try {
    const actor = await requireActionAdmin({ what: "change the largest file Git LFS takes" });
    const parsed = lfsSettingsFormSchema.safeParse({ maxObjectMegabytes: String(formData.get("maxObjectMegabytes") ?? "").trim() || undefined });
    if (!parsed.success) return validationFailed(parsed.error);
    const { maxObjectBytes } = updateLfsSettings({ input: parsed.data, actor });
    revalidatePath("/admin", "layout");
    return { status: "success", message: `Saved. Benchtop's git server takes Git LFS files of up to ${formatBytes(maxObjectBytes)} from now on; files already stored stay.` };
  } catch (error) {
    return actionFailed(error);
  }
}
