import type { Metadata } from "next";
import Link from "next/link";
import { getActiveBackend, toBackendView } from "@/lib/vcs";
import { BACKEND_TYPE_LABELS } from "@/lib/vcs/labels";

export const metadata: Metadata = { title: "Admin" };

/** The admin console's front page: what each section is for, and where repositories live now. */
export default function AdminPage() {
  const backend = toBackendView(getActiveBackend());
  const where = backend.type === "internal" ? "Benchtop's own git server" : `${BACKEND_TYPE_LABELS[backend.type] ?? backend.type}: ${backend.name} (${backend.organization})`;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Admin</h1>
      <dl className="grid gap-4 sm:grid-cols-3">
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="font-medium">
            <Link href="/admin/users" className="text-indigo-700 hover:underline">
              Users
            </Link>
          </dt>
          <dd className="mt-1 text-sm text-slate-600">Add people, change roles, reset passwords, unlock accounts, disable access.</dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="font-medium">
            <Link href="/admin/oauth-apps" className="text-indigo-700 hover:underline">
              OAuth apps
            </Link>
          </dt>
          <dd className="mt-1 text-sm text-slate-600">Register GitHub and GitLab applications so that people can connect their accounts.</dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="font-medium">
            <Link href="/admin/version-control" className="text-indigo-700 hover:underline">
              Version control
            </Link>
          </dt>
          <dd className="mt-1 text-sm text-slate-600">
            New projects&apos; repositories live on <strong>{where}</strong>.
          </dd>
        </div>
      </dl>
    </div>
  );
}
