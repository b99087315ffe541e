import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { listEvents } from "@/lib/audit";
import { publicOrigin } from "@/lib/http";
import { backendOf, canManage, canWrite, cloneUrlOf, listCollaborators } from "@/lib/projects";
import { listProjectBranches } from "@/lib/repositories";
import { AuditList } from "./audit-list";
import { CloneUrl } from "./clone-url";
import { CollaboratorsPanel } from "./collaborators-panel";
import { DeleteProjectForm } from "./delete-project-form";
import { FailureBanner } from "./_project/failure-banner";
import { loadPageProject } from "./_project/load-page-project";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Project" };

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id={id} className="mb-4 text-base font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, access } = await loadPageProject(params);
  const { project, owner, role } = access;
  const origin = publicOrigin(await headers());
  const backend = backendOf(project);
  const [branches, collaborators, audit] = await Promise.all([
    // A project on a git host has the host's branches; a host that cannot answer now only empties the branch choice.
    listProjectBranches({ actor: user, project }).catch(() => []),
    listCollaborators({ access }),
    listEvents({ projectId: project.id, page: 1, perPage: 50 }),
  ]);

  return (
    <div className="mx-auto max-w-5xl px-4 py-8 space-y-6">
      <FailureBanner access={access} user={user} />
      <div>
        <p className="text-sm text-slate-500">
          <Link href="/projects" className="hover:underline">
            Projects
          </Link>{" "}
          / {owner.handle}
        </p>
        <div className="mt-1 flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-semibold">{project.name}</h1>
          <Link href={`/projects/${project.id}/session`} className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500">
            Open session
          </Link>
        </div>
        {project.description && <p className="mt-2 max-w-prose text-slate-700">{project.description}</p>}
        <p className="mt-2 text-xs text-slate-500">
          Your role: {role} · repository on <span data-testid="project-backend">{backend.label}</span> · default branch {project.defaultBranch}
          {project.lastPushAt && <> · last push {project.lastPushAt.toISOString().replace("T", " ").slice(0, 16)} UTC</>}
        </p>
      </div>

      <Section title="Clone">
        <CloneUrl url={cloneUrlOf({ origin, owner, project })} />
        {project.backend === "remote" ? (
          <p className="mt-2 text-xs text-slate-500">This project is linked to a repository at its host: clone it there with your own credentials for that host. Sessions reach it through Benchtop.</p>
        ) : project.backend === "external" ? (
          <p className="mt-2 text-xs text-slate-500">
            The repository is in the organization at {backend.host}: clone it there with your own account at that host (connect it in{" "}
            <Link href="/settings/connections" className="text-indigo-700 hover:underline">
              Settings → Connections
            </Link>
            ). Sessions reach it through Benchtop.
          </p>
        ) : (
          <p className="mt-2 text-xs text-slate-500">
            The git command line asks for a user name and password: give any user name and a{" "}
            <Link href="/settings/tokens" className="text-indigo-700 hover:underline">
              personal access token
            </Link>{" "}
            as the password.
          </p>
        )}
      </Section>

      {canWrite(role) && (
        <Section title="Settings">
          <SettingsForm projectId={project.id} name={project.name} description={project.description} defaultBranch={project.defaultBranch} branches={branches.map((b) => b.name)} />
        </Section>
      )}

      <Section title="Collaborators">
        <CollaboratorsPanel projectId={project.id} collaborators={collaborators} canManage={canManage(role)} host={project.backend === "external" ? backend.host : null} />
      </Section>

      <Section title="Audit trail">
        <AuditList events={audit.events} csvHref={`/api/v1/projects/${project.id}/audit?format=csv`} />
      </Section>

      {canManage(role) && (
        <Section title="Delete project">
          <DeleteProjectForm projectId={project.id} name={project.name} hostRepository={project.backend === "external" ? backend.host : null} />
        </Section>
      )}
    </div>
  );
}
