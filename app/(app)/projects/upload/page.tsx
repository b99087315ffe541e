import type { Metadata } from "next";
import Link from "next/link";
import { UPLOAD_LIMITS, sizeInWords } from "@/lib/archives";
import { requirePageUser } from "@/lib/auth";
import { newProjectDestination } from "@/lib/projects";
import { UploadProjectForm } from "./upload-project-form";

export const metadata: Metadata = { title: "Upload project" };

export default async function UploadProjectPage() {
  const user = await requirePageUser();
  const destination = newProjectDestination({ user });
  const maxLabel = sizeInWords(UPLOAD_LIMITS.maxUploadBytes);
  return (
    <div className="mx-auto max-w-2xl px-4 py-8 space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/projects" className="text-indigo-700 hover:underline">
            Projects
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold">Upload project</h1>
        <p className="mt-2 max-w-prose text-sm text-slate-600">
          Creates a project from a .zip, .tar.gz or .tgz archive of up to {maxLabel}. A single folder at the top of the archive is unwrapped. If the archive holds a git repository (a
          .git folder), the project keeps its history, with every branch and tag; otherwise its files become the project&apos;s first commit.
        </p>
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-5">
        {destination.kind === "external" && !destination.login ? (
          <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            New projects are kept in <strong>{destination.organization}</strong> at <strong>{destination.host}</strong>. Connect your account there first, on the{" "}
            <Link href="/projects" className="underline">
              Projects
            </Link>{" "}
            page, then upload the project.
          </p>
        ) : (
          <UploadProjectForm maxBytes={UPLOAD_LIMITS.maxUploadBytes} maxLabel={maxLabel} />
        )}
      </section>
    </div>
  );
}
