"use server";

import { revalidatePath } from "next/cache";
import { requireActionUser } from "@/lib/auth";
import { changeSchedule, createSchedule, createScheduleSchema, deleteSchedule, loadDeployment, loadSchedule, updateScheduleSchema } from "@/lib/deployments";
import { isAppError } from "@/lib/errors";
import { actionFailed, keepValues, validationFailed, type ActionState } from "@/lib/http";
import { loadProject } from "@/lib/projects";

// As for deployments: the caller and the project are loaded again, and
// lib/deployments checks the role, before anything the browser sent is used.

const FIELDS = ["deploymentId", "cron", "timezone"];

async function callerOf(projectId: string, scheduleId: string) {
  const actor = await requireActionUser();
  const access = loadProject({ id: projectId, user: actor });
  return { actor, access, schedule: loadSchedule({ access, id: scheduleId }) };
}

const refresh = (projectId: string) => revalidatePath(`/projects/${projectId}`, "layout");

export async function createScheduleAction(projectId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const actor = await requireActionUser();
    const access = loadProject({ id: projectId, user: actor });
    let deployment;
    try {
      deployment = loadDeployment({ access, id: String(formData.get("deploymentId") ?? "") });
    } catch (error) {
      if (!isAppError(error) || error.apiCode !== "not_found") throw error;
      const message = "Choose one of this project's deployments.";
      return keepValues({ status: "error", message, fieldErrors: { deploymentId: message } }, formData, FIELDS);
    }
    const parsed = createScheduleSchema.safeParse({ cron: formData.get("cron") ?? undefined, timezone: formData.get("timezone") ?? undefined });
    if (!parsed.success) return keepValues(validationFailed(parsed.error), formData, FIELDS);
    createSchedule({ access, deployment, input: parsed.data, actor });
    refresh(projectId);
    return { status: "success", message: `Schedule added: ${deployment.name} is redeployed at the times shown.` };
  } catch (error) {
    return keepValues(actionFailed(error), formData, FIELDS);
  }
}

export async function changeScheduleAction(projectId: string, scheduleId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const caller = await callerOf(projectId, scheduleId);
    const parsed = updateScheduleSchema.safeParse({ cron: formData.get("cron") ?? undefined, timezone: formData.get("timezone") ?? undefined });
    if (!parsed.success) return keepValues(validationFailed(parsed.error), formData, FIELDS);
    changeSchedule({ ...caller, input: parsed.data });
  } catch (error) {
    return keepValues(actionFailed(error), formData, FIELDS);
  }
  refresh(projectId);
  return { status: "success", message: "Schedule saved." };
}

export async function setScheduleEnabledAction(projectId: string, scheduleId: string, enabled: boolean, _prev: ActionState): Promise<ActionState> {
  try {
    changeSchedule({ ...(await callerOf(projectId, scheduleId)), input: { enabled } });
  } catch (error) {
    return actionFailed(error);
  }
  refresh(projectId);
  return { status: "success", message: enabled ? "Enabled." : "Disabled." };
}

export async function deleteScheduleAction(projectId: string, scheduleId: string, _prev: ActionState): Promise<ActionState> {
  try {
    deleteSchedule(await callerOf(projectId, scheduleId));
  } catch (error) {
    return actionFailed(error);
  }
  refresh(projectId);
  return { status: "success", message: "Schedule deleted." };
}
