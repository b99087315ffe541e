import type { Metadata } from "next";
import { publicDeploymentsAllowed } from "@/lib/deployments";
import { PublicDeploymentsForm } from "./public-deployments-form";

export const metadata: Metadata = { title: "Deployments" };
export const dynamic = "force-dynamic";

/** Whether projects' deployments may be public (anyone with the link, no account). */
export default function DeploymentsAdminPage() {
  const allowed = publicDeploymentsAllowed();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Deployments</h1>
      <p className="text-sm text-slate-600">
        Projects publish their files as deployments, each with an address of its own, for the project&apos;s members, for everyone signed in, or for anyone with the link. Deployed
        pages never act as the person viewing them: they are served sandboxed, or from a separate origin when <code className="font-mono text-xs">BENCHTOP_DEPLOY_ORIGIN</code> is set.
      </p>
      <section aria-labelledby="public-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="public-heading" className="text-base font-semibold">
          Public deployments
        </h2>
        <PublicDeploymentsForm allowed={allowed} />
      </section>
    </div>
  );
}
