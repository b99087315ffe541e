import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { listDeploymentViews, listScheduleViews } from "@/lib/deployments";
import { publicOrigin } from "@/lib/http";
import { canWrite } from "@/lib/projects";
import { loadPageProject } from "../../_project/load-page-project";
import { Section } from "../../_project/section";
import { NewScheduleForm } from "./new-schedule-form";
import { ScheduleItem } from "./schedule-item";
import { TimeZoneList } from "./time-zone-list";

export const metadata: Metadata = { title: "Schedules" };

const ZONE_LIST = "time-zones";

/** The project's redeploy schedules, in words with their next runs; editors add, edit, enable or disable and delete them. */
export default async function SchedulesPage({ params }: { params: Promise<{ id: string }> }) {
  const { access } = await loadPageProject(params);
  const { project, role } = access;
  const schedules = listScheduleViews({ access });
  const deployments = listDeploymentViews({ access, appOrigin: publicOrigin(await headers()) });
  const editor = canWrite(role);

  return (
    <>
      {editor && <TimeZoneList id={ZONE_LIST} />}
      <Section title="Schedules">
        <p className="mb-4 text-sm text-slate-600">
          A schedule redeploys a deployment at the times a cron expression names, on the clock of a time zone. A run due while another is still going is skipped and says why;
          times missed while Benchtop was down are run once.{!editor && " Only editors, the owner and administrators change schedules."}
        </p>
        {schedules.length === 0 ? (
          <p className="rounded-md border border-dashed border-slate-300 p-6 text-sm text-slate-600">No schedules yet.</p>
        ) : (
          <ul aria-label="Schedules" className="divide-y divide-slate-200 rounded-md border border-slate-200">
            {schedules.map((schedule) => (
              <ScheduleItem key={schedule.id} projectId={project.id} schedule={schedule} canEdit={editor} zoneListId={ZONE_LIST} />
            ))}
          </ul>
        )}
      </Section>
      {editor && (
        <Section title="New schedule">
          {deployments.length === 0 ? (
            <p className="text-sm text-slate-600">
              A schedule redeploys a deployment:{" "}
              <Link href={`/projects/${project.id}/deployments`} className="text-indigo-700 hover:underline">
                make a deployment
              </Link>{" "}
              first.
            </p>
          ) : (
            <NewScheduleForm projectId={project.id} deployments={deployments.map((d) => ({ id: d.id, name: d.name }))} zoneListId={ZONE_LIST} scheduleCount={schedules.length} />
          )}
        </Section>
      )}
    </>
  );
}
