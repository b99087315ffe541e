"use server";

import { revalidatePath } from "next/cache";
import { requireActionUser } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { actionFailed, keepValues, validationFailed, type ActionState } from "@/lib/http";
import { applyBackend, externalBackendInputSchema, testBackendSettings } from "@/lib/vcs";

const TEXT_FIELDS = ["type", "name", "url", "credentialHostname", "repository", "organization", "username", "onDelete"];

async function requireActionAdmin() {
  const user = await requireActionUser();
  if (user.role !== "admin") throw new AppError("forbidden", "Only an administrator can change where repositories live.");
  return user;
}

const blankToUndefined = (value: FormDataEntryValue | null) => (typeof value === "string" && value.trim() !== "" ? value : undefined);

function readForm(formData: FormData) {
  return externalBackendInputSchema.safeParse({
    ...Object.fromEntries(TEXT_FIELDS.map((name) => [name, blankToUndefined(formData.get(name))])),
    authToken: blankToUndefined(formData.get("authToken")),
  });
}

/** Test or Apply, by the button pressed; the token field is never sent back to the page. */
export async function saveBackendAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let state: ActionState;
  try {
    const actor = await requireActionAdmin();
    const parsed = readForm(formData);
    if (!parsed.success) return keepValues(validationFailed(parsed.error), formData, TEXT_FIELDS);
    if (formData.get("intent") === "apply") {
      await applyBackend({ input: parsed.data, actor });
      revalidatePath("/admin", "layout");
      state = { status: "success", message: "Applied. New projects are created in this organization from now on; existing projects stay where they are." };
    } else {
      const report = await testBackendSettings({ input: parsed.data });
      state = { status: report.ok ? "success" : "error", message: report.message, data: { checks: JSON.stringify(report.checks) } };
    }
  } catch (error) {
    state = actionFailed(error);
  }
  return keepValues(state, formData, TEXT_FIELDS);
}

/** Back to Benchtop's own git server for new projects. */
export async function switchToInternalAction(_prev: ActionState): Promise<ActionState> {
  try {
    const actor = await requireActionAdmin();
    await applyBackend({ input: { type: "internal" }, actor });
    revalidatePath("/admin", "layout");
    return { status: "success", message: "New projects are created on Benchtop's own git server from now on; existing projects stay where they are." };
  } catch (error) {
    return actionFailed(error);
  }
}
