import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { ActionButton } from "@/app/components/action-button";
import { UtcTime } from "@/app/components/utc-time";
import {
  DEPLOYMENT_VISIBILITIES,
  findActiveRunView,
  listDeployViews,
  listScheduleViews,
  publicDeploymentsAllowed,
  toDeploymentView,
  VISIBILITY_LABELS,
  type DeploymentView,
  type RunView,
} from "@/lib/deployments";
import { publicOrigin } from "@/lib/http";
import { canWrite } from "@/lib/projects";
import { listProjectBranches } from "@/lib/repositories";
import { DeploymentLink } from "../../../_deployments/deployment-link";
import { FailureNotice } from "../../../_deployments/failure-notice";
import { requesterLabel, shortCommit } from "../../../_deployments/labels";
import { loadPageDeployment } from "../../../_deployments/load-page-deployment";
import { RefreshWhileActive } from "../../../_deployments/refresh-while-active";
import { DeploymentStatusBadge, RunStatusBadge } from "../../../_deployments/status-badge";
import { redeployAction, startDeploymentAction, stopDeploymentAction } from "../../../_deployments/deployment-actions";
import { loadPageProject } from "../../../_project/load-page-project";
import { Section } from "../../../_project/section";
import { CopyAddress } from "./copy-address";
import { DeleteDeploymentForm } from "./delete-deployment-form";
import { DeployHistory } from "./deploy-history";
import { EditDeploymentForm } from "./edit-deployment-form";

export const metadata: Metadata = { title: "Deployment" };

type Params = Promise<{ id: string; deploymentId: string }>;

/** One deployment: where it is served and what, its run under way, redeploy/stop/start, its settings, history (with rollback), schedules, and deletion. */
export default async function DeploymentPage({ params }: { params: Params }) {
  const { user, access } = await loadPageProject(params);
  const { project, role } = access;
  const row = loadPageDeployment({ access, id: (await params).deploymentId });
  const deployment = toDeploymentView(row, { appOrigin: publicOrigin(await headers()) });
  const activeRun = findActiveRunView({ deploymentId: row.id });
  const schedules = listScheduleViews({ access, deploymentId: row.id });
  const editor = canWrite(role);
  const branches = editor ? await listProjectBranches({ actor: user, project }).catch(() => []) : [];
  const base = `/projects/${project.id}`;

  return (
    <>
      <RefreshWhileActive active={activeRun !== null} />
      <p className="text-sm">
        <Link href={`${base}/deployments`} className="text-indigo-700 hover:underline">
          ← Deployments
        </Link>
      </p>
      <FailureNotice projectId={project.id} deployment={deployment} />
      <Section title={deployment.name}>
        <Summary deployment={deployment} />
        {activeRun && <RunUnderWay run={activeRun} runsHref={`${base}/runs?deployment=${row.id}`} />}
        {editor && (
          <div className="mt-4 flex flex-wrap items-start gap-3">
            {!row.stopped && (
              <ActionButton action={redeployAction.bind(null, project.id, row.id)} variant="plain">
                Redeploy
              </ActionButton>
            )}
            {row.stopped ? (
              <ActionButton action={startDeploymentAction.bind(null, project.id, row.id)} variant="plain">
                Start
              </ActionButton>
            ) : (
              <ActionButton action={stopDeploymentAction.bind(null, project.id, row.id)} variant="plain">
                Stop
              </ActionButton>
            )}
          </div>
        )}
      </Section>
      <Section title="History">
        <DeployHistory projectId={project.id} deploymentId={row.id} deploys={listDeployViews(row)} canRollBack={editor && !row.stopped} />
      </Section>
      <Section title="Schedules">
        {schedules.length === 0 ? (
          <p className="text-sm text-slate-600">No schedule redeploys it.</p>
        ) : (
          <ul aria-label="Schedules of this deployment" className="space-y-1 text-sm">
            {schedules.map((schedule) => (
              <li key={schedule.id}>
                {schedule.description} <span className="font-mono text-xs text-slate-500">({schedule.cron})</span>
                {!schedule.enabled && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">disabled</span>}
              </li>
            ))}
          </ul>
        )}
        <p className="mt-3 text-sm">
          <Link href={`${base}/schedules`} className="text-indigo-700 hover:underline">
            {editor ? "Add or change schedules on the Schedules page" : "See every schedule on the Schedules page"}
          </Link>
        </p>
      </Section>
      {editor && (
        <>
          <Section title="Edit">
            <EditDeploymentForm
              projectId={project.id}
              deploymentId={row.id}
              values={{ name: row.name, ref: row.ref, track: row.track, visibility: row.visibility }}
              branches={branches.map((b) => b.name)}
              visibilities={DEPLOYMENT_VISIBILITIES.map((value) => ({ value, label: VISIBILITY_LABELS[value] }))}
              publicAllowed={publicDeploymentsAllowed()}
            />
          </Section>
          <Section title="Danger zone" tone="danger">
            <DeleteDeploymentForm projectId={project.id} deploymentId={row.id} name={row.name} />
          </Section>
        </>
      )}
    </>
  );
}

function Summary({ deployment }: { deployment: DeploymentView }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1.5 text-sm">
      <dt className="text-slate-500">Address</dt>
      <dd className="flex flex-wrap items-center gap-2">
        <DeploymentLink url={deployment.url} />
        <CopyAddress url={deployment.url} />
      </dd>
      <dt className="text-slate-500">Status</dt>
      <dd data-testid="deployment-status">
        <DeploymentStatusBadge status={deployment.status} />
      </dd>
      <dt className="text-slate-500">Deploys</dt>
      <dd>
        <span className="break-all font-mono text-xs">{deployment.ref}</span> {deployment.track ? "(follows the branch: a redeploy takes its latest commit)" : "(pinned)"}
      </dd>
      <dt className="text-slate-500">Commit</dt>
      <dd data-testid="deployment-commit" className="font-mono text-xs">
        {deployment.commit ? shortCommit(deployment.commit) : "none yet"}
      </dd>
      <dt className="text-slate-500">Deployed</dt>
      <dd>
        {deployment.deployedAt ? (
          <>
            <UtcTime at={deployment.deployedAt} /> by {requesterLabel(deployment.deployedBy)}
          </>
        ) : (
          "not yet"
        )}
      </dd>
      <dt className="text-slate-500">Who can open it</dt>
      <dd>{VISIBILITY_LABELS[deployment.visibility]}</dd>
    </dl>
  );
}

function RunUnderWay({ run, runsHref }: { run: RunView; runsHref: string }) {
  return (
    <p role="status" className="mt-4 flex flex-wrap items-center gap-2 rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-900">
      <RunStatusBadge status={run.status} />
      {run.status === "queued" ? "A deploy is waiting to start." : "Deploying now."} The page follows it.
      <Link href={runsHref} className="text-indigo-700 hover:underline">
        See it in Runs
      </Link>
    </p>
  );
}
