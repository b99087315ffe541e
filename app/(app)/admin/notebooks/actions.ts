"use server";

import { revalidatePath } from "next/cache";
import { requireActionAdmin } from "@/lib/auth";
import { actionFailed, keepValues, validationFailed, type ActionState } from "@/lib/http";
import { notebookSettingsInputSchema, updateNotebookSettings } from "@/lib/pyodide";

const FIELDS = ["pyodidePackagesUrl"];

export async function savePackagesUrlAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return keepValues(await save(formData), formData, FIELDS);
}

async function save(formData: FormData): Promise<ActionState> {
  try {
    const actor = await requireActionAdmin({ what: "change where notebooks load packages from" });
    const parsed = notebookSettingsInputSchema.safeParse({ pyodidePackagesUrl: String(formData.get("pyodidePackagesUrl") ?? "") });
    if (!parsed.success) return validationFailed(parsed.error);
    const { pyodidePackagesUrl } = updateNotebookSettings({ input: parsed.data, actor });
    revalidatePath("/admin", "layout");
    return {
      status: "success",
      message: pyodidePackagesUrl
        ? `Saved. Notebooks load packages from ${pyodidePackagesUrl} in sessions opened or reloaded from now on.`
        : "Saved. No package repository: notebooks have Python's standard library only, in sessions opened or reloaded from now on.",
    };
  } catch (error) {
    return actionFailed(error);
  }
}
