"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActionUser } from "@/lib/auth";
import {
  changeDeployment,
  createDeployment,
  createDeploymentSchema,
  deleteDeployment,
  loadDeployment,
  redeploy,
  rollBack,
  startDeployment,
  stopDeployment,
  updateDeploymentSchema,
} from "@/lib/deployments";
import { actionFailed, keepValues, validationFailed, type ActionState } from "@/lib/http";
import { loadProject } from "@/lib/projects";

// Every action signs the caller in again and loads the project and the deployment
// as theirs before it acts (lib/deployments checks the role): the bound ids come
// from the browser and prove nothing.

const FIELDS = ["name", "ref", "track", "visibility"];

async function callerOf(projectId: string, deploymentId: string) {
  const user = await requireActionUser();
  const access = loadProject({ id: projectId, user });
  return { actor: user, access, deployment: loadDeployment({ access, id: deploymentId }) };
}

/** The deployment's fields as the form sends them: an unticked checkbox sends nothing, a disabled choice neither. */
function deploymentFields(formData: FormData) {
  const visibility = formData.get("visibility");
  return {
    name: formData.get("name") ?? undefined,
    ref: formData.get("ref") ?? undefined,
    track: formData.get("track") === "on",
    ...(visibility ? { visibility } : {}),
  };
}

const refresh = (projectId: string) => revalidatePath(`/projects/${projectId}`, "layout");

export async function createDeploymentAction(projectId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  let created: string;
  try {
    const user = await requireActionUser();
    const access = loadProject({ id: projectId, user });
    const parsed = createDeploymentSchema.safeParse(deploymentFields(formData));
    if (!parsed.success) return keepValues(validationFailed(parsed.error), formData, FIELDS);
    created = (await createDeployment({ access, input: parsed.data, actor: user })).deployment.id;
  } catch (error) {
    return keepValues(actionFailed(error), formData, FIELDS);
  }
  refresh(projectId);
  redirect(`/projects/${projectId}/deployments/${created}`);
}

export async function updateDeploymentAction(projectId: string, deploymentId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  let message = "Saved.";
  try {
    const caller = await callerOf(projectId, deploymentId);
    const parsed = updateDeploymentSchema.safeParse(deploymentFields(formData));
    if (!parsed.success) return keepValues(validationFailed(parsed.error), formData, FIELDS);
    const { run } = await changeDeployment({ ...caller, input: parsed.data });
    if (run) message = "Saved. Deploying what it now names: the current deploy keeps serving until the new one is ready.";
  } catch (error) {
    return keepValues(actionFailed(error), formData, FIELDS);
  }
  refresh(projectId);
  return { status: "success", message };
}

/** Runs a change that needs nothing but the deployment, then shows every page its outcome. */
async function act(projectId: string, deploymentId: string, change: (caller: Awaited<ReturnType<typeof callerOf>>) => unknown, message: string): Promise<ActionState> {
  try {
    await change(await callerOf(projectId, deploymentId));
  } catch (error) {
    return actionFailed(error);
  }
  refresh(projectId);
  return { status: "success", message };
}

export async function redeployAction(projectId: string, deploymentId: string, _prev: ActionState): Promise<ActionState> {
  return act(projectId, deploymentId, redeploy, "Redeploying.");
}

export async function stopDeploymentAction(projectId: string, deploymentId: string, _prev: ActionState): Promise<ActionState> {
  return act(projectId, deploymentId, stopDeployment, "Stopped.");
}

export async function startDeploymentAction(projectId: string, deploymentId: string, _prev: ActionState): Promise<ActionState> {
  return act(projectId, deploymentId, startDeployment, "Started.");
}

export async function rollBackAction(projectId: string, deploymentId: string, deployId: string, _prev: ActionState): Promise<ActionState> {
  return act(projectId, deploymentId, (caller) => rollBack({ ...caller, deployId }), "Rolling back.");
}

export async function deleteDeploymentAction(projectId: string, deploymentId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const caller = await callerOf(projectId, deploymentId);
    const { name } = caller.deployment;
    if (formData.get("confirmName") !== name) {
      return { status: "error", message: "Type the deployment's name exactly to confirm.", fieldErrors: { confirmName: `Type ${name} to confirm.` } };
    }
    await deleteDeployment(caller);
  } catch (error) {
    return actionFailed(error);
  }
  refresh(projectId);
  redirect(`/projects/${projectId}/deployments`);
}
