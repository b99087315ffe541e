import { AccessRequestLink, isWebPage } from "@/app/components/access-request-link";
import type { AccessRequest } from "@/lib/errors";
import type { ConnectionListing } from "./use-connection-repositories";

const linkClass = "font-medium text-indigo-700 underline hover:text-indigo-600";

/** What keeps an organization's repositories out of the list, by the app's kind. */
function reasonOf({ kind, organization }: AccessRequest): string {
  return kind === "oauth-app"
    ? `The ${organization} organization restricts OAuth App access and has not approved Benchtop's app, so its private repositories are not listed. Request access asks its owners to approve it; its repositories appear here once they have.`
    : `Benchtop's GitHub App is not installed on the ${organization} organization, so its private repositories are not listed. Request access asks its owners to install it; its repositories appear here once they have.`;
}

function NewTabLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className={linkClass}>
      {children}
    </a>
  );
}

/**
 * Under the Repository field: each organization found to keep the
 * connection's app out, with Request access (GitHub's own page, in a new
 * tab); Request access for an organization not named here (GitHub does not
 * show every one); and for a GitHub App, Edit repository permissions (its
 * installation settings, where the user gives it all or selected private
 * repositories).
 */
export function OrganizationAccessNotes({ listing }: { listing: Pick<ConnectionListing, "accessRequests" | "permissionsUrl" | "requestAccess"> }) {
  const { accessRequests, permissionsUrl, requestAccess } = listing;
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
      {isWebPage(permissionsUrl) && (
        <p className="text-xs text-slate-600">
          To use a private repository, give Benchtop&apos;s GitHub App access to it, to all or to selected repositories: <NewTabLink href={permissionsUrl}>Edit repository permissions</NewTabLink>. The list
          updates when you come back.
        </p>
      )}
      {requestAccess && isWebPage(requestAccess.url) && (
        <p className="text-xs text-slate-600">
          An organization&apos;s repositories missing? Ask its owners to {requestAccess.kind === "github-app" ? "install Benchtop's GitHub App" : "approve Benchtop's app"}:{" "}
          <NewTabLink href={requestAccess.url}>Request access</NewTabLink>.
        </p>
      )}
    </div>
  );
}
