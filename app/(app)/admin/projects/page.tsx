import type { Metadata } from "next";
import Link from "next/link";
import { requirePageAdmin } from "@/lib/auth";
import { listAdminProjects, listRetiredRepositoryViews, type RetiredRepositoryView } from "@/lib/projects";
import { RemoveRetiredRepository } from "./remove-retired-repository";

export const metadata: Metadata = { title: "Projects (admin)" };

const cell = "px-4 py-2 align-top";

/** What Remove does with a kept repository, for its confirmation. */
function removalOf(repository: RetiredRepositoryView): string {
  if (repository.removal === "delete_folder") return `Delete the folder ${repository.path} from Benchtop's disk`;
  return `${repository.removal === "archive" ? "Archive" : "Delete"} ${repository.path} at ${repository.host ?? "its host"}`;
}

export default async function AdminProjectsPage() {
  const admin = await requirePageAdmin();
  const [{ projects, nextPage }, retired] = await Promise.all([listAdminProjects({ admin, perPage: 100 }), listRetiredRepositoryViews()]);
  return (
    <div className="space-y-8">
      <section aria-labelledby="admin-projects" className="space-y-3">
        <h1 id="admin-projects" className="text-2xl font-semibold">
          Projects
        </h1>
        <p className="text-sm text-slate-600">Every project, where its repository lives, and its size on Benchtop&apos;s disk (a repository at a host is measured there).</p>
        {projects.length === 0 ? (
          <p className="rounded-md border border-dashed border-slate-300 p-6 text-sm text-slate-600">No projects yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <table aria-label="All projects" className="w-full rounded-lg border border-slate-200 bg-white text-left text-sm">
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th className={`${cell} font-medium`}>Project</th>
                  <th className={`${cell} font-medium`}>Owner</th>
                  <th className={`${cell} font-medium`}>Backend</th>
                  <th className={`${cell} font-medium`}>Size</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {projects.map((project) => (
                  <tr key={project.id}>
                    <td className={cell}>
                      <Link href={`/projects/${project.id}`} className="font-medium text-indigo-700 hover:underline">
                        {project.name}
                      </Link>
                    </td>
                    <td className={`${cell} break-all`}>{project.owner.email}</td>
                    <td className={cell}>{project.backendDescription}</td>
                    <td className={`${cell} whitespace-nowrap`}>{project.size.label}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {nextPage && <p className="mt-2 text-xs text-slate-500">The first 100 projects by name; GET /api/v1/admin/projects pages through all of them.</p>}
          </div>
        )}
      </section>

      <section aria-labelledby="repositories-to-remove" className="space-y-3">
        <h2 id="repositories-to-remove" className="text-lg font-semibold">
          Repositories to remove
        </h2>
        <p className="text-sm text-slate-600">
          Old copies kept after a project moved, and repositories of deleted projects that their host did not remove. Remove deletes the folder, or deletes or archives the repository at its host as the backend says.
        </p>
        {retired.length === 0 ? (
          <p className="rounded-md border border-dashed border-slate-300 p-6 text-sm text-slate-600">Nothing to remove.</p>
        ) : (
          <ul aria-label="Repositories to remove" className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
            {retired.map((repository) => (
              <li key={repository.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3 text-sm">
                <div className="min-w-0 flex-1 space-y-1">
                  <p className="break-all font-medium">
                    {repository.path} <span className="font-normal text-slate-500">{repository.location === "internal" ? "on Benchtop's disk" : `at ${repository.host ?? "an unknown host"}${repository.backendName ? ` · ${repository.backendName}` : ""}`}</span>
                  </p>
                  <p className="text-slate-600">
                    Project {repository.projectName} · {repository.reason === "moved" ? "moved elsewhere" : "deleted; the host did not remove it"} · {repository.createdAt.replace("T", " ").slice(0, 16)} UTC
                  </p>
                  {repository.message && <p className="break-words text-slate-600">{repository.message}</p>}
                </div>
                <RemoveRetiredRepository id={repository.id} path={repository.path} what={removalOf(repository)} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
