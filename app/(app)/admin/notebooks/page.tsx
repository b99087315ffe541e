import type { Metadata } from "next";
import { getNotebookSettings, getPyodideVersion } from "@/lib/pyodide";
import { PackagesUrlForm } from "./packages-url-form";

export const metadata: Metadata = { title: "Notebooks" };
export const dynamic = "force-dynamic";

/** Where notebooks' browser kernels load Python packages from: the environment's repository, the admin's, or none. */
export default function NotebooksPage() {
  const settings = getNotebookSettings();
  const version = getPyodideVersion();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Notebooks</h1>
      <div className="space-y-2 text-sm text-slate-600">
        <p>
          Notebooks run Python in each person&apos;s browser with Pyodide {version}, which Benchtop serves itself: the standard library works on an isolated network.
          Packages such as numpy and pandas load from a Pyodide package repository, and <code className="font-mono text-xs">%pip install</code> uses it too.
        </p>
        <p>
          The repository is the <code className="font-mono text-xs">full/</code> folder of the Pyodide {version} release (for instance{" "}
          <code className="break-all font-mono text-xs">https://cdn.jsdelivr.net/pyodide/v{version}/full/</code>) or a mirror of it, answering with CORS headers for
          Benchtop&apos;s origin. Leave it empty on an isolated network: importing such a package then says that none is configured.
        </p>
      </div>
      <section aria-labelledby="packages-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="packages-heading" className="text-base font-semibold">
          Package repository
        </h2>
        {settings.source === "environment" ? (
          <div className="mt-2 space-y-2 text-sm">
            <p role="note" className="text-slate-700">
              Set by <code className="font-mono text-xs">BENCHTOP_PYODIDE_PACKAGES_URL</code> in Benchtop&apos;s environment, which takes precedence, so it is read-only here:
              change or remove the variable and restart Benchtop.
            </p>
            <p>
              Pyodide package repository URL: <code className="break-all font-mono text-xs">{settings.pyodidePackagesUrl}</code>
            </p>
          </div>
        ) : (
          <PackagesUrlForm current={settings.pyodidePackagesUrl ?? ""} />
        )}
      </section>
    </div>
  );
}
