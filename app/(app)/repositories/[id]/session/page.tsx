import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth";
import type { Repository, User } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { gitUrlOfLocation } from "@/lib/hosts";
import { registeredRemote } from "@/lib/projects";
import { getKernelSettings } from "@/lib/pyodide";
import { credentialHelpFor, loadRepository } from "@/lib/repositories";
import { SessionWorkspace } from "../../../_session/session-workspace";

export const metadata: Metadata = { title: "Session" };

function loadOwnRepository(id: string, user: User): Repository {
  try {
    return loadRepository({ id, user });
  } catch (error) {
    if (isAppError(error) && error.apiCode === "not_found") notFound();
    throw error;
  }
}

/**
 * A registered git repository's session: the same workspace as a project's,
 * cloned into this browser. Git traffic goes through the same-origin gateway
 * (/proxy/{host}/{path}), which adds the repository's stored credential, so
 * the browser never holds the provider token. The host decides whether a push
 * is allowed; a refusal comes back as the workspace's error.
 */
export default async function RepositorySessionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const repository = loadOwnRepository((await params).id, user);
  const remote = registeredRemote(repository);
  if (!remote) {
    return (
      <div className="mx-auto max-w-2xl space-y-4 px-4 py-8">
        <h1 className="text-2xl font-semibold">No session for a bucket</h1>
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {repository.bucket ?? repository.name} is an S3 bucket: buckets have no git history, so there is nothing to clone, commit or push. Browse its files instead.
        </p>
        <Link href={`/repositories/${repository.id}`} className="inline-block text-sm text-indigo-700 hover:underline">
          Browse {repository.name}
        </Link>
      </div>
    );
  }
  return (
    <SessionWorkspace
      projectId={repository.id}
      volumeId={`repository-${repository.id}`}
      name={repository.name}
      role="owner"
      remoteUrl={gitUrlOfLocation(repository) ?? ""}
      corsProxy="/proxy"
      author={{ name: user.name, email: user.email }}
      canPush
      projectHref={`/repositories/${repository.id}`}
      openedUrl={`/api/v1/repositories/${repository.id}/session`}
      credentialHelp={credentialHelpFor({ actor: user, remote })}
      kernelSettings={getKernelSettings()}
    />
  );
}
