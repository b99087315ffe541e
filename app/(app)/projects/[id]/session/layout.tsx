import { FailureReports } from "../../../_session/failure-reports";

/**
 * Around a project's session: operations that fail in the browser (open, save,
 * push) are reported to the project's /failures, which turns it red and
 * notifies (the page itself checks access; a registered repository's session
 * has no such layout and reports nothing).
 */
export default async function ProjectSessionLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <FailureReports url={`/api/v1/projects/${encodeURIComponent(id)}/failures`}>{children}</FailureReports>;
}
