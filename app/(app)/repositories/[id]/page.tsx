import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth";
import type { Repository, User } from "@/lib/db";
import { type AccessRequest, isAppError } from "@/lib/errors";
import type { RemoteFile } from "@/lib/hosts/types";
import { canWrite, listProjects } from "@/lib/projects";
import { adapterOf, listRepositoryBranches, listRepositoryFiles, loadRepository, toRepositoryView } from "@/lib/repositories";
import { providerLabels } from "@/lib/hosts/labels";
import { BranchPicker } from "./branch-picker";
import { CopyToProjectForm } from "./copy-to-project-form";
import { FileBrowser, type WritableProject } from "./file-browser";
import { folderHref } from "./folder-href";
import { AccessRequestLink } from "@/app/components/access-request-link";
import { SessionLink } from "@/app/components/session-link";

export const metadata: Metadata = { title: "Browse repository" };

type Params = { params: Promise<{ id: string }>; searchParams: Promise<{ ref?: string; path?: string }> };
type Listing = { branches: string[]; ref: string | null; files: RemoteFile[] };

function loadOwnRepository(id: string, user: User): Repository {
  try {
    return loadRepository({ id, user });
  } catch (error) {
    if (isAppError(error) && error.apiCode === "not_found") notFound();
    throw error;
  }
}

/** Branches and one folder; a host's refusal becomes a message on the page. */
async function loadListing(repository: Repository, ref: string | undefined, path: string): Promise<Listing | { error: string; accessRequest?: AccessRequest }> {
  try {
    if (repository.provider === "s3") return { branches: [], ref: null, files: await listRepositoryFiles({ repository, prefix: path }) };
    const source = await adapterOf(repository);
    const [branches, current] = await Promise.all([
      listRepositoryBranches({ repository }),
      ref ?? (source.kind === "git" ? source.adapter.getRepo().then((r) => r.defaultBranch) : ""),
    ]);
    return { branches: branches.map((b) => b.name), ref: current, files: await listRepositoryFiles({ repository, ref: current, path }) };
  } catch (error) {
    if (isAppError(error)) return { error: error.message, accessRequest: error.accessRequest };
    throw error;
  }
}

function Breadcrumb({ repository, gitRef, path }: { repository: Repository; gitRef: string | null; path: string }) {
  const parts = path ? path.split("/") : [];
  return (
    <nav aria-label="Folder" className="text-sm">
      <ol className="flex flex-wrap items-center gap-1">
        <li>
          {parts.length ? (
            <Link href={folderHref(repository.id, gitRef, "")} className="text-indigo-700 hover:underline">
              {repository.provider === "s3" ? repository.bucket : repository.name}
            </Link>
          ) : (
            <span aria-current="page" className="font-medium">{repository.provider === "s3" ? repository.bucket : repository.name}</span>
          )}
        </li>
        {parts.map((part, i) => {
          const to = parts.slice(0, i + 1).join("/");
          return (
            <li key={to} className="flex items-center gap-1">
              <span className="text-slate-400">/</span>
              {i === parts.length - 1 ? (
                <span aria-current="page" className="font-medium">{part}</span>
              ) : (
                <Link href={folderHref(repository.id, gitRef, to)} className="text-indigo-700 hover:underline">
                  {part}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

export default async function BrowseRepositoryPage({ params, searchParams }: Params) {
  const user = await requirePageUser();
  const repository = loadOwnRepository((await params).id, user);
  const query = await searchParams;
  const path = typeof query.path === "string" ? query.path.replace(/^\/+|\/+$/g, "") : "";
  const ref = typeof query.ref === "string" && query.ref ? query.ref : undefined;
  const view = toRepositoryView(repository);
  const listing = await loadListing(repository, ref, path);
  const projects: WritableProject[] = listProjects({ user, perPage: 100 })
    // Files are committed on Benchtop's git server: projects at a git host take them through their session instead.
    .projects.filter((p) => canWrite(p.role) && p.project.backend === "internal")
    .map((p) => ({ id: p.project.id, name: p.project.name, owner: p.owner.handle }));
  const isGit = view.provider !== "s3";

  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-8">
      <div>
        <Link href="/repositories" className="text-sm text-indigo-700 hover:underline">
          ← Repositories
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">{view.name}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {providerLabels[view.provider]} · <span className="break-all font-mono text-xs">{view.location}</span>
        </p>
        {isGit && (
          <SessionLink
            href={`/repositories/${view.id}/session`}
            className="mt-3 inline-block rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"
          >
            Open session
          </SessionLink>
        )}
      </div>
      {"error" in listing ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {listing.error}
          {listing.accessRequest && (
            <>
              {" "}
              <AccessRequestLink request={listing.accessRequest} />
            </>
          )}
        </p>
      ) : (
        <>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <Breadcrumb repository={repository} gitRef={listing.ref} path={path} />
            {isGit && listing.ref && <BranchPicker repositoryId={view.id} branches={listing.branches} current={listing.ref} />}
          </div>
          <FileBrowser key={`${listing.ref}`} repositoryId={view.id} files={listing.files} gitRef={listing.ref} projects={projects} />
        </>
      )}
      {isGit && (
        <div className="max-w-md">
          <CopyToProjectForm repositoryId={view.id} suggestedName={view.name.replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 100)} />
        </div>
      )}
    </div>
  );
}
