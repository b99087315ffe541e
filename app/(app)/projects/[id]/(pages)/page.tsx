import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { publicOrigin } from "@/lib/http";
import { backendOf, cloneUrlOf } from "@/lib/projects";
import { renderMarkdown } from "@/lib/render";
import { listProjectBranches, readProjectReadme, type ProjectReadme } from "@/lib/repositories";
import { DownloadArchive } from "./download-archive";
import { loadPageProject } from "../_project/load-page-project";
import { Section } from "../_project/section";
import { CloneUrl } from "./clone-url";
import { SessionLink } from "@/app/components/session-link";

export const metadata: Metadata = { title: "Project" };

const formatUtc = (at: Date) => `${at.toISOString().replace("T", " ").slice(0, 16)} UTC`;

/** A project's Overview: what it is, where its repository lives, how to clone it, and its README. */
export default async function ProjectOverviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, access } = await loadPageProject(params);
  const { project, owner, role } = access;
  const origin = publicOrigin(await headers());
  const backend = backendOf(project);
  const [readme, branches] = await Promise.all([
    readProjectReadme({ actor: user, project }),
    // A project on a git host has the host's branches; a host that cannot answer now only empties the branch choice.
    listProjectBranches({ actor: user, project }).catch(() => []),
  ]);

  return (
    <>
      <Section title="About">
        {project.description ? <p className="max-w-prose whitespace-pre-line break-words text-slate-700">{project.description}</p> : <p className="text-sm text-slate-500">No description.</p>}
        <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
          <dt className="text-slate-500">Owner</dt>
          <dd className="break-all">{owner.email}</dd>
          <dt className="text-slate-500">Your role</dt>
          <dd>{role}</dd>
          <dt className="text-slate-500">Repository on</dt>
          <dd data-testid="project-backend">{backend.label}</dd>
          <dt className="text-slate-500">Default branch</dt>
          <dd className="break-all">{project.defaultBranch}</dd>
          <dt className="text-slate-500">Last push</dt>
          <dd>{project.lastPushAt ? formatUtc(project.lastPushAt) : "none yet"}</dd>
          <dt className="text-slate-500">Created</dt>
          <dd>{formatUtc(project.createdAt)}</dd>
        </dl>
      </Section>

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

      <Section title="Download">
        <DownloadArchive projectId={project.id} branches={branches.map((b) => b.name)} defaultBranch={project.defaultBranch} />
      </Section>

      <Readme readme={readme} sessionHref={`/projects/${project.id}/session`} />
    </>
  );
}

function Readme({ readme, sessionHref }: { readme: ProjectReadme; sessionHref: string }) {
  if (readme.status === "none") {
    return (
      <Section title="README">
        <p className="text-sm text-slate-600">
          This project has no README yet. Add a README.md in a{" "}
          <SessionLink href={sessionHref} className="text-indigo-700 hover:underline">
            session
          </SessionLink>{" "}
          to say what it is and how to use it; it shows here.
        </p>
      </Section>
    );
  }
  if (readme.status === "unreadable") {
    return (
      <Section title="README">
        <p className="text-sm text-slate-600">The README could not be read from the repository&apos;s host now: {readme.message}</p>
      </Section>
    );
  }
  if (readme.status === "too_large") {
    return (
      <Section title={readme.path}>
        <p className="text-sm text-slate-600">{readme.path} is too large to show here; open it in a session.</p>
      </Section>
    );
  }
  return (
    <Section title={readme.path}>
      {readme.markdown ? (
        // Safe to insert: renderMarkdown escapes every raw tag and refuses script URLs (lib/render/markdown.ts).
        <div className="markdown-body break-words" data-testid="readme" dangerouslySetInnerHTML={{ __html: renderMarkdown(readme.text) }} />
      ) : (
        <pre className="overflow-x-auto whitespace-pre-wrap break-words text-sm" data-testid="readme">
          {readme.text}
        </pre>
      )}
    </Section>
  );
}
