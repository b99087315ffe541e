"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActionUser } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { actionFailed, validationFailed, type ActionState } from "@/lib/http";
import { removeRetiredRepository } from "@/lib/projects";

const removeSchema = z.object({ id: z.string().trim().min(1).max(64) });

/** Removes a kept repository for good (the page asks to confirm first); a host that refuses keeps it listed, with why. */
export async function removeRetiredRepositoryAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let removed;
  try {
    const actor = await requireActionUser();
    if (actor.role !== "admin") throw new AppError("forbidden", "Only an administrator can remove repositories.");
    const parsed = removeSchema.safeParse({ id: formData.get("id") });
    if (!parsed.success) return validationFailed(parsed.error);
    removed = await removeRetiredRepository({ id: parsed.data.id, actor });
  } catch (error) {
    revalidatePath("/admin/projects");
    return actionFailed(error);
  }
  revalidatePath("/admin/projects");
  const where = removed.location === "internal" ? "from Benchtop's disk" : `at ${removed.host}`;
  return { status: "success", message: `${removed.path} ${removed.removal === "archive" ? "was archived" : "was removed"} ${where}.` };
}
