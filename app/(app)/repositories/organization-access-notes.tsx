import { AccessRequestLink } from "@/app/components/access-request-link";
import type { AccessRequest } from "@/lib/errors";

const linkClass = "font-medium text-indigo-700 underline hover:text-indigo-600";

/** What keeps an organization's repositories out of the list, by the app's kind. */
function reasonOf({ kind, organization }: AccessRequest): string {
  return kind === "oauth-app"
    ? `The ${organization} organization restricts OAuth App access and has not approved Benchtop's app, so its private repositories are not listed. Request access asks its owners to approve it; its repositories appear here once they have.`
    : `Benchtop's GitHub App is not installed on the ${organization} organization, so its private repositories are not listed. Request access asks its owners to install it; its repositories appear here once they have.`;
}

/**
 * Under the Repository field: each organization that keeps the connection's
 * app out, with Request access (GitHub's own page, in a new tab), and for a
 * GitHub App, Edit repository permissions (its installation settings, where
 * the user gives it all or selected private repositories).
 */
export function OrganizationAccessNotes({ accessRequests, permissionsUrl }: { accessRequests: AccessRequest[]; permissionsUrl: string | null }) {
  if (accessRequests.length === 0 && !permissionsUrl) return null;
  return (
    <div className="mt-2 space-y-2">
      {accessRequests.length > 0 && (
        <ul aria-label="Organizations without access" className="space-y-1">
          {accessRequests.map((request) => (
            <li key={request.organization} aria-label={request.organization} className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900">
              {reasonOf(request)} <AccessRequestLink request={request} className={linkClass} />
            </li>
          ))}
        </ul>
      )}
      {permissionsUrl && /^https?:\/\//i.test(permissionsUrl) && (
        <p className="text-xs text-slate-600">
          To use a private repository, give Benchtop&apos;s GitHub App access to it, to all or to selected repositories:{" "}
          <a href={permissionsUrl} target="_blank" rel="noopener noreferrer" className={linkClass}>
            Edit repository permissions
          </a>
          . The list updates when you come back.
        </p>
      )}
    </div>
  );
}
