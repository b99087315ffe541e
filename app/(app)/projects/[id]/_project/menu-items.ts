import { canWrite, type ProjectAccess } from "@/lib/projects";
import type { ProjectMenuItem } from "./project-menu";

/**
 * The pages of a project the caller may use: Settings only for those who may
 * change them (editors, the owner, admins). Deployments, Schedules and Runs are
 * for every member; viewers see them without the forms and buttons.
 */
export function projectMenuItems({ project, role }: Pick<ProjectAccess, "project" | "role">): ProjectMenuItem[] {
  const base = `/projects/${project.id}`;
  return [
    { label: "Overview", href: base },
    { label: "Session", href: `${base}/session` },
    { label: "Deployments", href: `${base}/deployments` },
    { label: "Schedules", href: `${base}/schedules` },
    { label: "Runs", href: `${base}/runs` },
    { label: "Share", href: `${base}/share` },
    { label: "Audit trail", href: `${base}/audit` },
    ...(canWrite(role) ? [{ label: "Settings", href: `${base}/settings` }] : []),
  ];
}
