"use server";

import { revalidatePath } from "next/cache";
import { requireActionUser } from "@/lib/auth";
import { actionFailed, keepValues, validationFailed, type ActionState } from "@/lib/http";
import {
  clearCredentials,
  createRepository,
  deleteRepository,
  loadRepository,
  repositoryInputSchema,
  repositoryPatchSchema,
  retestRepository,
  testConnection,
  updateRepository,
} from "@/lib/repositories";
import { bucketFields, gitFields, secretFields } from "./providers";

// Every action signs the caller in again and loads the repository as theirs
// before it reads the form: the bound id comes from the browser and proves nothing.

const fieldsOf = (provider: string) => (provider === "s3" ? bucketFields : gitFields);

/** The text fields of a submission; blank ones are left out so optional fields stay optional. */
function readFields(formData: FormData, names: readonly string[], keepBlank: readonly string[] = ["description"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = formData.get(name);
    if (typeof value === "string" && (value.trim() !== "" || keepBlank.includes(name))) out[name] = value;
  }
  return out;
}

/** Refusals give back what was typed, secrets excepted. */
function refuse(state: ActionState, formData: FormData): ActionState {
  const names = fieldsOf(String(formData.get("provider"))).filter((n) => !secretFields.includes(n));
  return keepValues(state, formData, names);
}

function parseInput(formData: FormData, { forTest = false } = {}) {
  const provider = String(formData.get("provider") ?? "");
  const fields = readFields(formData, fieldsOf(provider));
  // Test needs no name (only saving does), so it runs before Name is filled in.
  if (forTest && !fields.name) fields.name = "(test)";
  return repositoryInputSchema.safeParse({ provider, ...fields });
}

export async function testRepositoryAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const user = await requireActionUser();
    const parsed = parseInput(formData, { forTest: true });
    if (!parsed.success) return refuse(validationFailed(parsed.error), formData);
    const result = await testConnection(parsed.data, { owner: user });
    return { status: result.ok ? "success" : "error", message: result.message, ...(result.accessRequest ? { accessRequest: result.accessRequest } : {}) };
  } catch (error) {
    return refuse(actionFailed(error), formData);
  }
}

export async function createRepositoryAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const user = await requireActionUser();
    const parsed = parseInput(formData);
    if (!parsed.success) return refuse(validationFailed(parsed.error), formData);
    const repository = await createRepository({ input: parsed.data, user });
    revalidatePath("/repositories");
    return { status: "success", message: `${repository.name} added.`, data: { id: repository.id } };
  } catch (error) {
    return refuse(actionFailed(error), formData);
  }
}

export async function updateRepositoryAction(id: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const user = await requireActionUser();
    const repository = loadRepository({ id, user });
    // Secret fields left empty keep the stored ones: they are simply not part of the patch.
    const parsed = repositoryPatchSchema.safeParse(
      readFields(formData, fieldsOf(String(formData.get("provider"))), ["name", "location", "bucket", "description"]),
    );
    if (!parsed.success) return refuse(validationFailed(parsed.error), formData);
    const updated = await updateRepository({ repository, patch: parsed.data, user });
    revalidatePath("/repositories");
    return { status: "success", message: `${updated.name} saved. ${updated.lastTestMessage ?? ""}`.trim() };
  } catch (error) {
    return refuse(actionFailed(error), formData);
  }
}

export async function retestRepositoryAction(id: string, _prev: ActionState): Promise<ActionState> {
  try {
    const user = await requireActionUser();
    const { result } = await retestRepository({ repository: loadRepository({ id, user }) });
    revalidatePath("/repositories");
    return { status: result.ok ? "success" : "error", message: result.message };
  } catch (error) {
    return actionFailed(error);
  }
}

export async function clearCredentialsAction(id: string, _prev: ActionState): Promise<ActionState> {
  try {
    const user = await requireActionUser();
    clearCredentials({ repository: loadRepository({ id, user }), user });
  } catch (error) {
    return actionFailed(error);
  }
  revalidatePath("/repositories");
  return { status: "success", message: "Credentials cleared." };
}

export async function deleteRepositoryAction(id: string, _prev: ActionState): Promise<ActionState> {
  try {
    const user = await requireActionUser();
    deleteRepository({ repository: loadRepository({ id, user }), user });
  } catch (error) {
    return actionFailed(error);
  }
  revalidatePath("/repositories");
  return { status: "success", message: "Repository removed." };
}
