"use server";

import { revalidatePath } from "next/cache";
import { requireActionAdmin } from "@/lib/auth";
import { actionFailed, validationFailed, type ActionState } from "@/lib/http";
import { moveRequestSchema, queueMoves } from "@/lib/moves";

/** Queues the chosen projects (or all) to move where the button pressed says; the worker takes them at once. */
export async function queueMovesAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const actor = await requireActionAdmin({ what: "move projects between backends" });
    const ids = formData.getAll("projectId").filter((id): id is string => typeof id === "string");
    const parsed = moveRequestSchema.safeParse({
      ...(formData.get("all") === "on" ? { all: true } : { projectIds: ids.length ? ids : undefined }),
      target: formData.get("target"),
    });
    if (!parsed.success) return { ...validationFailed(parsed.error), message: "Choose the projects to move, or All projects." };
    const { jobs } = queueMoves({ actor, request: parsed.data });
    revalidatePath("/admin/moves");
    return { status: "success", message: `${jobs.length === 1 ? "1 project is" : `${jobs.length} projects are`} being moved; the progress is below.` };
  } catch (error) {
    return actionFailed(error);
  }
}
