import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth";
import { listConnections } from "@/lib/connections";
import { providers, type Provider } from "@/lib/hosts/types";
import { listOAuthApps } from "@/lib/oauth-apps";
import { listRepositories, toRepositoryView, type RepositoryView } from "@/lib/repositories";
import { AddRepository } from "./add-repository";
import { providerLabels } from "@/lib/hosts/labels";
import { RepositoryActions } from "./repository-actions";

export const metadata: Metadata = { title: "Repositories" };

const DAY_MS = 24 * 60 * 60 * 1000;

/** A fixed format, the same for every reader: 2025-05-06 14:03 UTC. */
const formatTime = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

function TokenState({ repository, now }: { repository: RepositoryView; now: Date }) {
  const stored = repository.hasCredentials ? (repository.provider === "s3" ? "Keys stored" : "Token stored") : repository.provider === "s3" ? "No keys" : "No token";
  const expires = repository.tokenExpiresAt;
  const days = expires ? Math.ceil((new Date(expires).getTime() - now.getTime()) / DAY_MS) : null;
  return (
    <span className="flex flex-wrap items-center gap-2">
      <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${repository.hasCredentials ? "bg-slate-100 text-slate-700" : "bg-slate-50 text-slate-500"}`}>{stored}</span>
      {expires && days !== null && repository.hasCredentials &&
        (repository.tokenExpiresSoon ? (
          <span role="note" className="rounded-md bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800">
            {days <= 0 ? "The token has expired — replace it with Edit" : `Token expires in ${days} day${days === 1 ? "" : "s"} — replace it before then`}
          </span>
        ) : (
          <span className="text-xs text-slate-500">Token expires on {expires.slice(0, 10)}</span>
        ))}
    </span>
  );
}

function LastTest({ lastTest }: { lastTest: RepositoryView["lastTest"] }) {
  if (!lastTest) return <p className="text-sm text-slate-500">Not tested yet.</p>;
  return (
    <p className="text-sm">
      <span className={`font-semibold ${lastTest.ok ? "text-green-700" : "text-red-700"}`}>{lastTest.ok ? "Test passed" : "Test failed"}</span>
      <span className="text-slate-500">
        {" "}
        · <time dateTime={lastTest.at}>{formatTime(lastTest.at)}</time> ·{" "}
      </span>
      <span className="text-slate-700">{lastTest.message}</span>
    </p>
  );
}

export default async function RepositoriesPage({ searchParams }: { searchParams: Promise<{ add?: string }> }) {
  const user = await requirePageUser();
  const repositories = listRepositories({ user }).map((r) => toRepositoryView(r));
  const apps = listOAuthApps().map(({ provider, host }) => ({ provider, host }));
  const accounts = listConnections({ user })
    .filter((c) => !c.reconnectReason)
    .map(({ id, provider, login, host }) => ({ id, provider, login, host }));
  const { add } = await searchParams;
  const initialProvider = (providers as readonly string[]).includes(add ?? "") ? (add as Provider) : undefined;
  const now = new Date();
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Repositories</h1>
          <p className="mt-1 max-w-2xl text-sm text-slate-600">
            Git repositories and S3 buckets you have registered. Browse them, import files into a project, or start a project from a copy. Only you see this list.
          </p>
        </div>
        <AddRepository apps={apps} accounts={accounts} initialProvider={initialProvider} />
      </div>
      {repositories.length === 0 ? (
        <p className="mt-6 rounded-md border border-dashed border-slate-300 p-6 text-sm text-slate-600">
          No repositories yet. Use Add repository to register one on GitHub, GitLab, Bitbucket or an S3 bucket.
        </p>
      ) : (
        <ul aria-label="Repositories" className="mt-6 divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
          {repositories.map((repository) => (
            <li key={repository.id} aria-label={repository.name} className="space-y-2 px-4 py-4">
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <h2 className="font-semibold text-slate-900">{repository.name}</h2>
                <span className="rounded bg-indigo-50 px-1.5 py-0.5 text-xs font-medium text-indigo-700">{providerLabels[repository.provider]}</span>
                <span className="break-all font-mono text-xs text-slate-600">
                  {repository.location}
                  {repository.endpoint ? ` at ${repository.endpoint}` : ""}
                </span>
              </div>
              {repository.description && <p className="text-sm text-slate-600">{repository.description}</p>}
              <LastTest lastTest={repository.lastTest} />
              <TokenState repository={repository} now={now} />
              <RepositoryActions repository={repository} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
