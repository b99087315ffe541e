import Link from "next/link";
import { ActionButton } from "@/app/components/action-button";
import { SessionLink } from "@/app/components/session-link";
import { UtcTime } from "@/app/components/utc-time";
import type { User } from "@/lib/db";
import { canDismissFailure, failedOperationLabel, type ProjectAccess } from "@/lib/projects";
import { dismissFailureAction } from "./failure-actions";

/** Where a failed operation is tried again. */
function retryOf(operation: string, projectId: string): { href: string; label: string } {
  switch (operation) {
    case "open":
    case "save":
    case "push":
      return { href: `/projects/${projectId}/session`, label: "Retry in the session" };
    case "deploy":
      return { href: `/projects/${projectId}/deployments`, label: "Redeploy from Deployments" };
    default:
      // copy and upload make a new project: a failed one leaves none, so there is nothing here to retry.
      return { href: "/projects", label: "Start again from Projects" };
  }
}

function RetryLink(props: { href: string; className: string; children: React.ReactNode }) {
  return props.href.endsWith("/session") ? <SessionLink {...props} /> : <Link {...props} />;
}

/**
 * The project's red state: which operation failed, why and when, where to try
 * again, and Dismiss (for those who may clear the mark). Renders nothing while
 * the project has no failure. Self-contained: each project page places it at
 * its top with the access it loaded.
 */
export function FailureBanner({ access, user }: { access: ProjectAccess; user: User }) {
  const { project } = access;
  if (!project.failedOperation || !project.failedAt) return null;
  const title = `${failedOperationLabel(project.failedOperation)} failed`;
  const retry = retryOf(project.failedOperation, project.id);
  return (
    <section aria-labelledby="failure-banner-title" className="mb-6 rounded-lg border border-red-300 border-l-4 border-l-red-600 bg-red-50 p-4 text-sm text-red-900">
      <h2 id="failure-banner-title" className="font-semibold">
        {title}
      </h2>
      <p className="mt-1 break-words">{project.failedMessage || "No reason was given."}</p>
      <p className="mt-1 text-xs text-red-800">
        <UtcTime at={project.failedAt} />
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-4">
        <RetryLink href={retry.href} className="rounded-md bg-red-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-red-500">
          {retry.label}
        </RetryLink>
        {canDismissFailure({ access, user }) && (
          <ActionButton action={dismissFailureAction.bind(null, project.id)} variant="plain" label={`Dismiss: ${title}`}>
            Dismiss
          </ActionButton>
        )}
      </div>
    </section>
  );
}
