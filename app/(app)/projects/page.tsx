import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth";
import { backendOf, failedOperationLabel, listProjects, newProjectDestination } from "@/lib/projects";
import { DeletedNotice } from "./deleted-notice";
import { NewProjectForm } from "./new-project-form";

export const metadata: Metadata = { title: "Projects" };

const formatUtc = (at: Date) => at.toISOString().replace("T", " ").slice(0, 16);

const filters = [
  { value: "all", label: "All" },
  { value: "mine", label: "Mine" },
  { value: "shared", label: "Shared with me" },
] as const;

type Search = { q?: string; filter?: string; sort?: string; deleted?: string; keptRepository?: string; keptAt?: string };

const keptRepositoryOf = ({ keptRepository: name, keptAt: host }: Search) =>
  typeof name === "string" && typeof host === "string" && /^[\w.-]{1,200}$/.test(name) && /^[\w.-]{1,253}(:\d{1,5})?$/.test(host) ? { name, host } : null;

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePageUser();
  const params = await searchParams;
  const filter = filters.find((f) => f.value === params.filter)?.value ?? "all";
  const sort = params.sort === "activity" ? "activity" : "name";
  const q = typeof params.q === "string" ? params.q.slice(0, 100) : undefined;
  const { projects } = listProjects({ user, q, filter, sort, perPage: 100 });
  // After deleting a project whose repository stayed at its host (the delete action redirects here); only a name and a host[:port] are shown.
  const kept = keptRepositoryOf(params);

  return (
    <div className="mx-auto max-w-5xl px-4 py-8 grid gap-8 md:grid-cols-[1fr_18rem]">
      <section aria-labelledby="projects-heading">
        <h1 id="projects-heading" className="text-2xl font-semibold">
          Projects
        </h1>
        <DeletedNotice name={params.deleted} />
        {kept && (
          <p role="status" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            The project was deleted, but its repository {kept.name} at {kept.host} is still there: the host could not remove it now. An administrator will remove it.
          </p>
        )}
        <form className="mt-4 flex flex-wrap items-end gap-2" role="search">
          <label className="text-sm">
            <span className="sr-only">Search projects</span>
            <input name="q" defaultValue={q} placeholder="Search by name" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm" />
          </label>
          <select name="filter" defaultValue={filter} aria-label="Show" className="rounded-md border border-slate-300 px-2 py-1.5 text-sm">
            {filters.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
          <select name="sort" defaultValue={sort} aria-label="Sort by" className="rounded-md border border-slate-300 px-2 py-1.5 text-sm">
            <option value="name">Name</option>
            <option value="activity">Recent activity</option>
          </select>
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">
            Apply
          </button>
        </form>
        {projects.length === 0 ? (
          <p className="mt-6 rounded-md border border-dashed border-slate-300 p-6 text-sm text-slate-600">
            {q ? (
              `No project matches "${q}".`
            ) : (
              <>
                No projects yet. Create one with the form beside this list,{" "}
                <Link href="/projects/upload" className="text-indigo-700 hover:underline">
                  upload
                </Link>{" "}
                a zip or tar.gz of one you have (with its git history, if it holds a repository), or start from a repository you registered under{" "}
                <Link href="/repositories" className="text-indigo-700 hover:underline">
                  Repositories
                </Link>{" "}
                (Create project copies it or links to it).
              </>
            )}
          </p>
        ) : (
          <ul aria-label="Projects" className="mt-6 divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
            {projects.map(({ project, owner, role }) => (
              <li key={project.id} className={`px-4 py-3 ${project.failedOperation ? "border-l-4 border-l-red-600 bg-red-50" : ""}`}>
                {/* A long name without spaces breaks rather than widening the page. */}
                <Link href={`/projects/${project.id}`} title={project.name} className="font-medium break-all text-indigo-700 hover:underline">
                  {project.name}
                </Link>
                <span className="ml-2 text-xs text-slate-500">
                  {owner.handle} · {role}
                </span>
                {(role === "editor" || role === "viewer") && <span className="ml-2 rounded bg-indigo-50 px-1.5 py-0.5 text-xs text-indigo-700">shared with you</span>}
                <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{backendOf(project).label}</span>
                <span className="ml-2 text-xs text-slate-500">{project.lastPushAt ? `last push ${formatUtc(project.lastPushAt)} UTC` : "no push yet"}</span>
                {project.failedOperation && (
                  <p className="mt-1 break-words text-sm text-red-800">
                    <span className="mr-1.5 rounded bg-red-600 px-1.5 py-0.5 text-xs font-semibold text-white">{failedOperationLabel(project.failedOperation)} failed</span>{" "}
                    {project.failedMessage}
                  </p>
                )}
                {project.description && <p className="mt-1 line-clamp-2 text-sm text-slate-600">{project.description}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <aside className="h-fit rounded-lg border border-slate-200 bg-white p-4">
        <NewProjectForm destination={newProjectDestination({ user })} />
        <p className="mt-4 border-t border-slate-200 pt-4 text-sm text-slate-600">
          Or start from an archive:{" "}
          <Link href="/projects/upload" className="font-medium text-indigo-700 hover:underline">
            Upload project
          </Link>{" "}
          (.zip, .tar.gz or .tgz).
        </p>
      </aside>
    </div>
  );
}
