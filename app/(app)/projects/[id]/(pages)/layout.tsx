import Link from "next/link";
import { FailureBanner } from "../_project/failure-banner";
import { loadPageProject } from "../_project/load-page-project";
import { projectMenuItems } from "../_project/menu-items";
import { ProjectMenu } from "../_project/project-menu";
import { SessionLink } from "@/app/components/session-link";

/**
 * Every page of a project but its session (which takes the whole window): the
 * project's name and the menu of its pages. Each page loads the project again
 * and checks the caller's role itself; the layout's menu only leaves out what
 * the caller may not use.
 */
export default async function ProjectPagesLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const { user, access } = await loadPageProject(params);
  const { project, owner } = access;
  return (
    <div className="mx-auto max-w-5xl px-4 py-6">
      <div className="mb-6">
        <p className="text-sm text-slate-500">
          <Link href="/projects" className="hover:underline">
            Projects
          </Link>{" "}
          / {owner.handle}
        </p>
        <div className="mt-1 flex flex-wrap items-center justify-between gap-3">
          <h1 className="min-w-0 break-all text-2xl font-semibold" title={project.name}>
            {project.name}
          </h1>
          <SessionLink href={`/projects/${project.id}/session`} className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500">
            Open session
          </SessionLink>
        </div>
      </div>
      <FailureBanner access={access} user={user} />
      <div className="md:flex md:gap-8">
        <ProjectMenu items={projectMenuItems(access)} />
        <div className="min-w-0 flex-1 space-y-6">{children}</div>
      </div>
    </div>
  );
}
