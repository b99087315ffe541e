import type { Repository } from "../db";
import type { S3Credentials } from "../hosts";
import { openSecret, sealSecret } from "../secrets";

/** What a repository may hold as its credential: a token, or S3 keys. */
export type StoredCredentials = { token: string } | S3Credentials;

const context = (repositoryId: string) => `repository:${repositoryId}:credentials`;

export function sealCredentials(repositoryId: string, credentials: StoredCredentials): string {
  return sealSecret({ plaintext: JSON.stringify(credentials), context: context(repositoryId) });
}

export function openCredentials(repository: Pick<Repository, "id" | "sealedCredentials">): StoredCredentials | null {
  if (!repository.sealedCredentials) return null;
  return JSON.parse(openSecret({ sealed: repository.sealedCredentials, context: context(repository.id) })) as StoredCredentials;
}

export function tokenOf(credentials: StoredCredentials | null): string | null {
  return credentials && "token" in credentials ? credentials.token : null;
}

export function s3KeysOf(credentials: StoredCredentials | null): S3Credentials | null {
  return credentials && "accessKeyId" in credentials ? credentials : null;
}

/** A git repository's own token, if it stores one. */
export const ownTokenOf = (repository: Pick<Repository, "id" | "sealedCredentials">): string | null => tokenOf(openCredentials(repository));
