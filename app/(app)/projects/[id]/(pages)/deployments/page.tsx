import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { DEPLOYMENT_VISIBILITIES, findActiveRunView, listDeploymentViews, publicDeploymentsAllowed, VISIBILITY_LABELS, type DeploymentView, type RunView } from "@/lib/deployments";
import { publicOrigin } from "@/lib/http";
import { canWrite } from "@/lib/projects";
import { listProjectBranches } from "@/lib/repositories";
import { DeploymentLink } from "../../_deployments/deployment-link";
import { shortCommit } from "../../_deployments/labels";
import { RefreshWhileActive } from "../../_deployments/refresh-while-active";
import { DeploymentStatusBadge } from "../../_deployments/status-badge";
import { loadPageProject } from "../../_project/load-page-project";
import { Section } from "../../_project/section";
import { NewDeploymentForm } from "./new-deployment-form";

export const metadata: Metadata = { title: "Deployments" };

/** The project's deployments with where each is served and what it serves; editors and up make new ones. */
export default async function DeploymentsPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, access } = await loadPageProject(params);
  const { project, role } = access;
  const deployments = listDeploymentViews({ access, appOrigin: publicOrigin(await headers()) });
  const active = new Map(deployments.map((d) => [d.id, findActiveRunView({ deploymentId: d.id })]));
  const editor = canWrite(role);
  // A project on a git host has the host's branches; a host that cannot answer now only empties the suggestions.
  const branches = editor ? await listProjectBranches({ actor: user, project }).catch(() => []) : [];

  return (
    <>
      <RefreshWhileActive active={[...active.values()].some(Boolean)} />
      <Section title="Deployments">
        <p className="mb-4 text-sm text-slate-600">
          A deployment serves the project&apos;s files at one commit at an address of its own: HTML as it is, Markdown and notebooks rendered. A redeploy that fails leaves the previous
          deploy serving.{!editor && " Only editors, the owner and administrators deploy."}
        </p>
        {deployments.length === 0 ? (
          <p className="rounded-md border border-dashed border-slate-300 p-6 text-sm text-slate-600">No deployments yet.</p>
        ) : (
          <ul aria-label="Deployments" className="divide-y divide-slate-200 rounded-md border border-slate-200">
            {deployments.map((deployment) => (
              <DeploymentRow key={deployment.id} projectId={project.id} deployment={deployment} activeRun={active.get(deployment.id) ?? null} />
            ))}
          </ul>
        )}
      </Section>
      {editor && (
        <Section title="New deployment">
          <NewDeploymentForm
            projectId={project.id}
            defaultBranch={project.defaultBranch}
            branches={branches.map((b) => b.name)}
            visibilities={DEPLOYMENT_VISIBILITIES.map((value) => ({ value, label: VISIBILITY_LABELS[value] }))}
            publicAllowed={publicDeploymentsAllowed()}
          />
        </Section>
      )}
    </>
  );
}

function DeploymentRow({ projectId, deployment, activeRun }: { projectId: string; deployment: DeploymentView; activeRun: RunView | null }) {
  const { failure } = deployment;
  return (
    <li className={`px-4 py-3 text-sm ${failure ? "border-l-4 border-l-red-600 bg-red-50" : ""}`}>
      <div className="flex flex-wrap items-center gap-2">
        <Link href={`/projects/${projectId}/deployments/${deployment.id}`} className="break-all font-medium text-indigo-700 hover:underline">
          {deployment.name}
        </Link>
        <DeploymentStatusBadge status={deployment.status} />
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{VISIBILITY_LABELS[deployment.visibility]}</span>
        {activeRun && deployment.status !== "deploying" && <span className="text-xs text-indigo-700">redeploying ({activeRun.status})</span>}
      </div>
      <DeploymentLink url={deployment.url} className="mt-1 inline-block" />
      <p className="mt-1 text-xs text-slate-600">
        <span className="font-mono">{deployment.ref}</span> · {deployment.track ? "follows the branch" : "pinned"} ·{" "}
        {deployment.commit ? (
          <>
            commit <span className="font-mono">{shortCommit(deployment.commit)}</span>
          </>
        ) : (
          "nothing deployed yet"
        )}
      </p>
      {failure && (
        <p className="mt-1 break-words text-sm text-red-800">
          <span className="mr-1.5 rounded bg-red-600 px-1.5 py-0.5 text-xs font-semibold text-white">Deploy failed</span>
          {failure.message}
        </p>
      )}
    </li>
  );
}
