import type { Repository } from "../db";

export type RepositoryView = {
  id: string;
  provider: Repository["provider"];
  name: string;
  location: string;
  description: string;
  hasCredentials: boolean;
  tokenExpiresAt: string | null;
  /** True when the token expires within a week (or already has). */
  tokenExpiresSoon: boolean;
  lastTest: { ok: boolean; at: string; message: string } | null;
  bucket: string | null;
  region: string | null;
  endpoint: string | null;
  createdAt: string;
};

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** A repository as the API and pages show it: never the credential itself. */
export function toRepositoryView(repository: Repository, now = new Date()): RepositoryView {
  const expires = repository.tokenExpiresAt;
  return {
    id: repository.id,
    provider: repository.provider,
    name: repository.name,
    location: repository.location,
    description: repository.description,
    hasCredentials: repository.sealedCredentials !== null,
    tokenExpiresAt: expires?.toISOString() ?? null,
    tokenExpiresSoon: expires ? expires.getTime() - now.getTime() < WEEK_MS : false,
    lastTest:
      repository.lastTestAt && repository.lastTestOk !== null
        ? { ok: repository.lastTestOk, at: repository.lastTestAt.toISOString(), message: repository.lastTestMessage ?? "" }
        : null,
    bucket: repository.bucket,
    region: repository.region,
    endpoint: repository.endpoint,
    createdAt: repository.createdAt.toISOString(),
  };
}
