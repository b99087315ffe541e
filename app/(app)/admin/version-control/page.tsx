import type { Metadata } from "next";
import { AVAILABLE_BACKEND_TYPES, getActiveBackend, toBackendView, type BackendView } from "@/lib/vcs";
import { BackendForm, type BackendFormValues } from "./backend-form";
import { BACKEND_TYPE_LABELS } from "@/lib/vcs/labels";
import { SwitchToInternalForm } from "./switch-to-internal-form";

export const metadata: Metadata = { title: "Version control" };
export const dynamic = "force-dynamic";

const EMPTY: BackendFormValues = { type: "github", name: "", url: "", credentialHostname: "", repository: "{owner}-{id}", organization: "", username: "", onDelete: "archive", hasAuthToken: false };

const formValues = (view: BackendView): BackendFormValues => (view.type === "internal" ? EMPTY : view);

/** Where every new project's repository lives: the internal git server, or an organization on a git host. */
export default function VersionControlPage() {
  const view = toBackendView(getActiveBackend());
  const external = view.type !== "internal" ? view : null;
  const rows: [string, string][] = external
    ? [
        ["Type", BACKEND_TYPE_LABELS[external.type] ?? external.type],
        ["Name", external.name],
        ["URL", external.url],
        ["Credential host name", external.credentialHostname],
        ["Repository name template", external.repository],
        ["Organization", external.organization],
        ["Username", external.username],
        ["Token", "saved (never shown)"],
        ["Deleting a project", external.onDelete === "delete" ? "deletes its repository" : external.type === "bitbucket" ? "keeps its repository, withdrawing everyone's own access (Bitbucket Cloud cannot archive)" : "archives its repository"],
      ]
    : [["Type", "Benchtop's own git server (internal)"]];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Version control</h1>
      <p className="text-sm text-slate-600">
        Where new projects&apos; repositories live. Benchtop&apos;s own git server needs nothing set up. An organization on GitHub, GitLab, Bitbucket Cloud or Bitbucket Server keeps every project in your
        organization through an administrator account; people then work in it with their own connected accounts. A change applies to the next project at once,
        with no restart; existing projects keep working where they are.
      </p>
      <section aria-labelledby="current-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="current-heading" className="text-base font-semibold">
          In use now
        </h2>
        {view.source === "file" && (
          <p role="note" className="mt-2 text-sm text-slate-700">
            These settings come from <code className="font-mono text-xs">{view.file}</code> and are read-only here: change the file, and Benchtop reads it again on the next use.
          </p>
        )}
        {view.problem && (
          <p role="alert" className="mt-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            The file has a problem, so the last good settings stay in force: {view.problem}
          </p>
        )}
        <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-500">{label}</dt>
              <dd className="break-all">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      {view.source === "settings" && (
        <>
          <section className="rounded-lg border border-slate-200 bg-white p-5">
            <BackendForm initial={formValues(view)} types={AVAILABLE_BACKEND_TYPES} />
          </section>
          {external && (
            <section className="rounded-lg border border-slate-200 bg-white p-5">
              <SwitchToInternalForm />
            </section>
          )}
        </>
      )}
    </div>
  );
}
