import type { Metadata } from "next";
import Link from "next/link";
import { listEventFacets, listEvents } from "@/lib/audit";
import { loadPageProject } from "../../_project/load-page-project";
import { Section } from "../../_project/section";
import { AuditList } from "./audit-list";

export const metadata: Metadata = { title: "Audit trail" };

const PER_PAGE = 50;

type Search = { action?: string; actor?: string; page?: string };

/** Everything done to the project, newest first, filtered by action and person, a page at a time, and as CSV. */
export default async function ProjectAuditPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const { access } = await loadPageProject(params);
  const { project } = access;
  const search = await searchParams;
  const facets = listEventFacets({ projectId: project.id });
  // Only values the trail holds are used, so the query string cannot smuggle anything into the filters.
  const action = facets.actions.find((a) => a === search.action);
  const actor = facets.actors.find((a) => a.id === search.actor)?.id;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(search.page ?? "1", 10) || 1));
  const { events, nextPage } = listEvents({ projectId: project.id, action, actor, page, perPage: PER_PAGE });
  const base = `/projects/${project.id}/audit`;
  const query = (extra: Record<string, string>) => new URLSearchParams({ ...(action ? { action } : {}), ...(actor ? { actor } : {}), ...extra }).toString();
  const pageHref = (n: number) => `${base}?${query(n > 1 ? { page: String(n) } : {})}`;

  return (
    <Section title="Audit trail">
      <form role="search" aria-label="Filter the audit trail" className="mb-4 flex flex-wrap items-end gap-2 text-sm">
        <label>
          <span className="block font-medium text-slate-700">Action</span>
          <select name="action" defaultValue={action ?? ""} className="mt-1 rounded-md border border-slate-300 px-2 py-1.5">
            <option value="">All actions</option>
            {facets.actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="block font-medium text-slate-700">Person</span>
          <select name="actor" defaultValue={actor ?? ""} className="mt-1 max-w-64 rounded-md border border-slate-300 px-2 py-1.5">
            <option value="">Everyone</option>
            {facets.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.email}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5">
          Filter
        </button>
        {(action || actor) && (
          <Link href={base} className="px-2 py-1.5 text-indigo-700 hover:underline">
            Clear filters
          </Link>
        )}
      </form>
      <AuditList events={events} filtered={Boolean(action || actor)} />
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
        <a href={`/api/v1/projects/${project.id}/audit?${query({ format: "csv" })}`} className="ml-auto text-indigo-700 hover:underline">
          Download as CSV
        </a>
      </div>
    </Section>
  );
}
