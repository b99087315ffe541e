import { getRun, listDeploymentsOfProject, listRunsOfProject, listSchedulesOfDeployment, listSchedulesOfProject, type RunStatus } from "../db";
import { notFound } from "../errors";
import type { ProjectAccess } from "../projects";
import { toDeploymentView, type DeploymentView } from "./deployment-view";
import { toScheduleView, type ScheduleView } from "./manage-schedules";
import { toRunView, type RunView } from "./run-view";

export function listDeploymentViews({ access, appOrigin }: { access: ProjectAccess; appOrigin: string }): DeploymentView[] {
  return listDeploymentsOfProject({ projectId: access.project.id }).map((deployment) => toDeploymentView(deployment, { appOrigin }));
}

export function listScheduleViews({ access, deploymentId, now = new Date() }: { access: ProjectAccess; deploymentId?: string; now?: Date }): ScheduleView[] {
  const schedules = deploymentId ? listSchedulesOfDeployment({ deploymentId }) : listSchedulesOfProject({ projectId: access.project.id });
  return schedules.filter((schedule) => schedule.projectId === access.project.id).map((schedule) => toScheduleView(schedule, now));
}

/** A project's runs, newest first, one page at a time, optionally of one status or deployment. */
export function listRunViews({ access, status, deploymentId, page, perPage }: { access: ProjectAccess; status?: RunStatus; deploymentId?: string; page: number; perPage: number }): RunView[] {
  return listRunsOfProject({ projectId: access.project.id, status, deploymentId, limit: perPage, offset: (page - 1) * perPage }).map(toRunView);
}

export function loadRunView({ access, id }: { access: ProjectAccess; id: string }): RunView {
  const run = getRun({ id });
  if (!run || run.projectId !== access.project.id) throw notFound("That run");
  return toRunView(run);
}
