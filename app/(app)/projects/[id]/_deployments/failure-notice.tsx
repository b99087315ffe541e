import Link from "next/link";
import type { DeploymentView } from "@/lib/deployments";

/** Where a failed run is shown: the Runs page, filtered to this deployment's failures, scrolled to the run. */
export const failedRunHref = (projectId: string, deploymentId: string, runId: string) =>
  `/projects/${projectId}/runs?${new URLSearchParams({ deployment: deploymentId, status: "failed" })}#run-${runId}`;

/**
 * A deployment's red state, like the project's failure banner: its latest run
 * failed, why, and that the previous deploy (if any) still serves. Nothing when
 * its latest run did not fail.
 */
export function FailureNotice({ projectId, deployment }: { projectId: string; deployment: DeploymentView }) {
  const { failure } = deployment;
  if (!failure) return null;
  const title = `Deploying ${deployment.name} failed`;
  return (
    <section aria-label={title} className="rounded-lg border border-red-300 border-l-4 border-l-red-600 bg-red-50 p-4 text-sm text-red-900">
      <h2 className="font-semibold">{title}</h2>
      <p className="mt-1 break-words">{failure.message}</p>
      <p className="mt-1 text-xs text-red-800">
        {deployment.commit ? `The previous deploy (${deployment.commit.slice(0, 7)}) keeps serving.` : "Nothing is served yet."} Fix the cause, then redeploy.
      </p>
      {failure.runId && (
        <Link href={failedRunHref(projectId, deployment.id, failure.runId)} className="mt-3 inline-block rounded-md bg-red-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-red-500">
          See the failed run
        </Link>
      )}
    </section>
  );
}
