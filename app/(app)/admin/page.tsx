import type { Metadata } from "next";
import Link from "next/link";
import { publicDeploymentsAllowed } from "@/lib/deployments";
import { getLfsSettings } from "@/lib/lfs";
import { formatBytes } from "@/lib/projects";
import { getNotebookSettings } from "@/lib/pyodide";
import { getActiveBackend, toBackendView } from "@/lib/vcs";
import { BACKEND_TYPE_LABELS } from "@/lib/vcs/labels";

export const metadata: Metadata = { title: "Admin" };

/** The admin console's front page: what each section is for, and where repositories live now. */
export default function AdminPage() {
  const backend = toBackendView(getActiveBackend());
  const where = backend.type === "internal" ? "Benchtop's own git server" : `${BACKEND_TYPE_LABELS[backend.type] ?? backend.type}: ${backend.name} (${backend.organization})`;
  const packages = getNotebookSettings().pyodidePackagesUrl;
  const sections = [
    { href: "/admin/users", title: "Users", about: "Add people, change roles, reset passwords, unlock accounts, disable access." },
    { href: "/admin/oauth-apps", title: "OAuth apps", about: "Register GitHub and GitLab applications so that people can connect their accounts." },
    { href: "/admin/version-control", title: "Version control", about: `New projects' repositories live on ${where}.` },
    { href: "/admin/projects", title: "Projects", about: "Every project with its backend and size, and the repositories still to remove." },
    { href: "/admin/moves", title: "Moves", about: "Move projects' repositories between Benchtop's git server and the organization, and see how each move went." },
    { href: "/admin/notebooks", title: "Notebooks", about: packages ? `Python packages load from ${packages}.` : "Python's standard library only: no package repository is set." },
    {
      href: "/admin/deployments",
      title: "Deployments",
      about: publicDeploymentsAllowed() ? "Deployments may be public (anyone with the link)." : "Public deployments are off: deployments are for people signed in.",
    },
    { href: "/admin/large-files", title: "Large files", about: `Git LFS files of up to ${formatBytes(getLfsSettings().maxObjectBytes)} each.` },
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Admin</h1>
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {sections.map((section) => (
          <div key={section.href} className="rounded-lg border border-slate-200 bg-white p-4">
            <dt className="font-medium">
              <Link href={section.href} className="text-indigo-700 hover:underline">
                {section.title}
              </Link>
            </dt>
            <dd className="mt-1 text-sm wrap-anywhere text-slate-600">{section.about}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
