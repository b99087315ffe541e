import type { AccessRequest } from "@/lib/errors";

/** Only the host's own web pages (http or https): anything else is not a page to send a person to. */
export const isWebPage = (url: string | null): url is string => url !== null && /^https?:\/\//i.test(url);

/**
 * "Request access": opens the host's own page for asking an organization to
 * let Benchtop's app in (GitHub's authorized OAuth App settings, or the GitHub
 * App's installation page) in a new tab, so that the dialog stays open and
 * picks up the change when the user comes back.
 */
export function AccessRequestLink({ request, className }: { request: AccessRequest; className?: string }) {
  if (!isWebPage(request.url)) return null;
  return (
    <a href={request.url} target="_blank" rel="noopener noreferrer" className={className ?? "font-medium text-indigo-700 underline hover:text-indigo-600"}>
      Request access
    </a>
  );
}
