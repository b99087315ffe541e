import type { Metadata } from "next";
import { getLfsSettings, toMegabytes } from "@/lib/lfs";
import { LargeFileLimitForm } from "./large-file-limit-form";

export const metadata: Metadata = { title: "Large files" };
export const dynamic = "force-dynamic";

/** Git LFS on Benchtop's git server: the largest object it takes. */
export default function LargeFilesPage() {
  const settings = getLfsSettings();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Large files</h1>
      <p className="text-sm text-slate-600">
        Projects on Benchtop&apos;s git server keep large files with Git LFS: git holds a small pointer, and the file itself is stored once under Benchtop&apos;s data folder,
        shared by the projects that hold it (a copy of a project shares its files) and removed when no project refers to it any more.
      </p>
      <section aria-labelledby="limit-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="limit-heading" className="text-base font-semibold">
          Largest file
        </h2>
        <LargeFileLimitForm currentMegabytes={toMegabytes(settings.maxObjectBytes)} defaultMegabytes={toMegabytes(settings.defaultMaxObjectBytes)} />
      </section>
    </div>
  );
}
