import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { listDeploymentViews, listRunPage, RUN_STATUSES } from "@/lib/deployments";
import { publicOrigin } from "@/lib/http";
import { RefreshWhileActive } from "../../_deployments/refresh-while-active";
import { loadPageProject } from "../../_project/load-page-project";
import { Section } from "../../_project/section";
import { RunItem } from "./run-item";

export const metadata: Metadata = { title: "Runs" };

const PER_PAGE = 30;

type Search = { status?: string; deployment?: string; page?: string };

/** Every redeploy of the project's deployments, newest first, filtered by status and deployment, a page at a time, each with its log. */
export default async function RunsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const { access } = await loadPageProject(params);
  const { project } = access;
  const search = await searchParams;
  const deployments = listDeploymentViews({ access, appOrigin: publicOrigin(await headers()) });
  // Only known values are used, so the query string cannot smuggle anything into the filters.
  const status = RUN_STATUSES.find((s) => s === search.status);
  const deployment = deployments.find((d) => d.id === search.deployment)?.id;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(search.page ?? "1", 10) || 1));
  const { runs, nextPage } = listRunPage({ access, status, deploymentId: deployment, page, perPage: PER_PAGE });
  const base = `/projects/${project.id}/runs`;
  const href = (extra: Record<string, string>) => `${base}?${new URLSearchParams({ ...(deployment ? { deployment } : {}), ...(status ? { status } : {}), ...extra })}`;
  const pageHref = (n: number) => href(n > 1 ? { page: String(n) } : {});
  const filtered = Boolean(status || deployment);

  return (
    <Section title="Runs">
      <RefreshWhileActive active={runs.some((run) => run.status === "queued" || run.status === "running")} />
      <form role="search" aria-label="Filter the runs" className="mb-4 flex flex-wrap items-end gap-2 text-sm">
        <label>
          <span className="block font-medium text-slate-700">Status</span>
          <select name="status" defaultValue={status ?? ""} className="mt-1 rounded-md border border-slate-300 px-2 py-1.5">
            <option value="">All</option>
            {RUN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="block font-medium text-slate-700">Deployment</span>
          <select name="deployment" defaultValue={deployment ?? ""} className="mt-1 max-w-64 rounded-md border border-slate-300 px-2 py-1.5">
            <option value="">All deployments</option>
            {deployments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5">
          Filter
        </button>
        {filtered && (
          <Link href={base} className="px-2 py-1.5 text-indigo-700 hover:underline">
            Clear filters
          </Link>
        )}
      </form>
      {runs.length === 0 ? (
        <p className="text-sm text-slate-600">{filtered ? "No run matches these filters." : "No runs yet: each deploy, redeploy and scheduled run shows here."}</p>
      ) : (
        <ul aria-label="Runs" className="divide-y divide-slate-200 rounded-md border border-slate-200">
          {runs.map((run) => (
            <RunItem key={run.id} projectId={project.id} run={run} />
          ))}
        </ul>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-4 text-sm">
        {page > 1 && (
          <Link href={pageHref(page - 1)} className="text-indigo-700 hover:underline">
            ← Newer
          </Link>
        )}
        {(page > 1 || nextPage) && <span className="text-slate-500">Page {page}</span>}
        {nextPage && (
          <Link href={pageHref(nextPage)} className="text-indigo-700 hover:underline">
            Older →
          </Link>
        )}
      </div>
    </Section>
  );
}
