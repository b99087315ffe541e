import type { Repository } from "../db";
import { AppError } from "../errors";
import { createBucketAdapter, createGitAdapter } from "../hosts/create-adapter";
import type { FileSourceAdapter, GitHostAdapter, RemoteBranch, RemoteFile } from "../hosts";
import { openCredentials, s3KeysOf, tokenOf } from "./credentials";

export type SourceAdapter = { kind: "git"; adapter: GitHostAdapter } | { kind: "bucket"; adapter: FileSourceAdapter };

/** The adapter for a stored repository, with its sealed credential opened for this request only. */
export function adapterOf(repository: Repository): SourceAdapter {
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
  return { kind: "git", adapter: createGitAdapter({ provider: repository.provider, location: repository.location, token: tokenOf(credentials) }) };
}

export async function listRepositoryBranches({ repository }: { repository: Repository }): Promise<RemoteBranch[]> {
  const source = adapterOf(repository);
  if (source.kind !== "git") throw new AppError("invalid_input", "A bucket has no branches. List its files by prefix instead.");
  return source.adapter.listBranches();
}

/** One folder of a repository at a ref, or the objects of a bucket under a prefix. */
export async function listRepositoryFiles({ repository, ref, path, prefix }: { repository: Repository; ref?: string; path?: string; prefix?: string }): Promise<RemoteFile[]> {
  const source = adapterOf(repository);
  if (source.kind === "bucket") return source.adapter.listFiles({ prefix: prefix ?? path ?? "" });
  return source.adapter.listFiles({ ref, path: path ?? "" });
}
