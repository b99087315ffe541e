import type { Repository, User } from "../db";
import type { ProjectRemote } from "../projects";
import { AppError } from "../errors";
import { createBucketAdapter } from "../hosts/create-adapter";
import type { FileSourceAdapter, GitHostAdapter, RemoteBranch, RemoteFile } from "../hosts";
import { credentialFor, remoteCredentialFor } from "./credential-for";
import { openCredentials, s3KeysOf, tokenOf } from "./credentials";
import { gitAdapterFor } from "./git-adapter-for";

export type SourceAdapter = { kind: "git"; adapter: GitHostAdapter } | { kind: "bucket"; adapter: FileSourceAdapter };

/**
 * The adapter for a stored repository, with its sealed credential opened for
 * this request only; a git repository without a token of its own uses its
 * owner's connection to the host (renewed first when it is about to expire).
 */
export async function adapterOf(repository: Repository): Promise<SourceAdapter> {
  const credentials = openCredentials(repository);
  if (repository.provider === "s3") {
    return {
      kind: "bucket",
      adapter: createBucketAdapter({
        location: { bucket: repository.bucket ?? "", region: repository.region, endpoint: repository.endpoint },
        credentials: s3KeysOf(credentials),
      }),
    };
  }
  // The owner's own request: their stored token, else their connection (credentialFor).
  const credential = await credentialFor({ actor: { id: repository.ownerId }, provider: repository.provider, location: repository.location, ownToken: tokenOf(credentials) });
  return {
    kind: "git",
    adapter: gitAdapterFor({ provider: repository.provider, location: repository.location, credential }),
  };
}

/**
 * The branches of a project's host repository: a linked one as its owner sees
 * them (listRepositoryBranches), an organization's through the actor's own
 * connection (remoteCredentialFor; none when they have not connected yet).
 */
export async function listRemoteBranches({ actor, remote }: { actor: Pick<User, "id">; remote: ProjectRemote }): Promise<RemoteBranch[]> {
  if (remote.repository) return listRepositoryBranches({ repository: remote.repository });
  return (await organizationAdapterOf({ actor, remote })).listBranches();
}

/** The host adapter for a project's repository at its host, as the actor reaches it (see listRemoteBranches). */
export async function remoteAdapterOf({ actor, remote }: { actor: Pick<User, "id">; remote: ProjectRemote }): Promise<GitHostAdapter> {
  if (!remote.repository) return organizationAdapterOf({ actor, remote });
  const source = await adapterOf(remote.repository);
  if (source.kind !== "git") throw new AppError("invalid_input", "This project is linked to a bucket, which has no git repository.");
  return source.adapter;
}

async function organizationAdapterOf({ actor, remote }: { actor: Pick<User, "id">; remote: ProjectRemote }): Promise<GitHostAdapter> {
  const credential = await remoteCredentialFor({ actor, remote });
  return gitAdapterFor({ provider: remote.provider, location: remote.location, credential });
}

export async function listRepositoryBranches({ repository }: { repository: Repository }): Promise<RemoteBranch[]> {
  const source = await adapterOf(repository);
  if (source.kind !== "git") throw new AppError("invalid_input", "A bucket has no branches. List its files by prefix instead.");
  return source.adapter.listBranches();
}

/** One folder of a repository at a ref, or the objects of a bucket under a prefix. */
export async function listRepositoryFiles({ repository, ref, path, prefix }: { repository: Repository; ref?: string; path?: string; prefix?: string }): Promise<RemoteFile[]> {
  const source = await adapterOf(repository);
  if (source.kind === "bucket") return source.adapter.listFiles({ prefix: prefix ?? path ?? "" });
  return source.adapter.listFiles({ ref, path: path ?? "" });
}
