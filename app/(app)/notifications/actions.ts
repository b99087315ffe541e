"use server";

import { revalidatePath } from "next/cache";
import { requireActionUser } from "@/lib/auth";
import { actionFailed, type ActionState } from "@/lib/http";
import { markAllRead, markRead } from "@/lib/notifications";

// The bell in every page's header counts unread notifications: the whole app is shown again.

export async function markReadAction(id: string, _prev: ActionState): Promise<ActionState> {
  try {
    markRead({ user: await requireActionUser(), id });
  } catch (error) {
    return actionFailed(error);
  }
  revalidatePath("/", "layout");
  return { status: "success", message: "Marked as read." };
}

export async function markAllReadAction(_prev: ActionState): Promise<ActionState> {
  try {
    markAllRead({ user: await requireActionUser() });
  } catch (error) {
    return actionFailed(error);
  }
  revalidatePath("/", "layout");
  return { status: "success", message: "All marked as read." };
}
