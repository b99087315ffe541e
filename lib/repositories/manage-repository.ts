import { recordEvent } from "../audit";
import {
  deleteRepositoryRow,
  getRepositoryOfOwner,
  insertRepository,
  listProjectsLinkedTo,
  listRepositoriesOfOwner,
  repositoryNameTaken,
  updateRepositoryRow,
  type Repository,
  type User,
} from "../db";
import { newId } from "../db/ids";
import { AppError, notFound } from "../errors";
import { assertLocationAllowed, HostError, parseRepoLocation } from "../hosts";
import { parseWith } from "../http/validation";
import { openCredentials, sealCredentials, type StoredCredentials } from "./credentials";
import { requireCredential } from "./require-credential";
import { repositoryInputSchema, type RepositoryInput, type RepositoryPatch } from "./schema";
import { testConnection, type TestResult } from "./test-connection";

const nameTaken = () =>
  new AppError("conflict", "You already have a repository with this name. Choose another name.", { fields: { name: "You already have a repository with this name." } });

/** Where the input points, as stored: the web address for git hosts, s3://bucket for buckets. */
function locationOf(input: RepositoryInput): string {
  if (input.provider !== "s3") return parseRepoLocation({ provider: input.provider, location: input.location }).webUrl;
  if (input.endpoint) {
    let endpoint: URL;
    try {
      endpoint = new URL(input.endpoint);
    } catch {
      throw new HostError("invalid_location", "Give the endpoint as an address, like https://s3.example.com.", { field: "endpoint" });
    }
    assertLocationAllowed(endpoint, "endpoint");
  }
  return `s3://${input.bucket}`;
}

function credentialsOf(input: RepositoryInput): StoredCredentials | null {
  if (input.provider === "s3") {
    return input.accessKeyId && input.secretAccessKey ? { accessKeyId: input.accessKeyId, secretAccessKey: input.secretAccessKey, sessionToken: input.sessionToken ?? null } : null;
  }
  return input.token ? { token: input.token } : null;
}

const testColumns = (result: TestResult) => ({
  lastTestOk: result.ok,
  lastTestAt: new Date(),
  lastTestMessage: result.message,
  tokenExpiresAt: result.tokenExpiresAt ? new Date(result.tokenExpiresAt) : null,
});

/** The caller's repository, or not_found (other users' repositories do not exist for them). */
export function loadRepository({ id, user }: { id: string; user: User }): Repository {
  const repository = getRepositoryOfOwner({ id, ownerId: user.id });
  if (!repository) throw notFound("That repository");
  return repository;
}

export function listRepositories({ user }: { user: User }): Repository[] {
  return listRepositoriesOfOwner({ ownerId: user.id });
}

/** Registers a repository or bucket: location checked, credential sealed, connection tested once. */
export async function createRepository({ input, user }: { input: RepositoryInput; user: User }): Promise<Repository> {
  if (repositoryNameTaken({ ownerId: user.id, name: input.name })) throw nameTaken();
  const location = locationOf(input);
  const id = newId();
  requireCredential(input, { owner: user });
  const credentials = credentialsOf(input);
  const result = await testConnection(input, { owner: user });
  const repository = insertRepository({
    id,
    ownerId: user.id,
    provider: input.provider,
    name: input.name,
    location,
    description: input.description,
    bucket: input.provider === "s3" ? input.bucket : null,
    region: input.provider === "s3" ? (input.region ?? null) : null,
    endpoint: input.provider === "s3" ? (input.endpoint ?? null) : null,
    sealedCredentials: credentials ? sealCredentials(id, credentials) : null,
    ...testColumns(result),
  });
  recordEvent({ action: "repository.created", actor: user, detail: { repositoryId: id, provider: input.provider, location } });
  return repository;
}

/** The stored repository as create input (credentials opened), for re-testing and updates. */
export function inputOf(repository: Repository): RepositoryInput {
  const credentials = openCredentials(repository);
  if (repository.provider === "s3") {
    const keys = credentials && "accessKeyId" in credentials ? credentials : null;
    return {
      provider: "s3",
      name: repository.name,
      bucket: repository.bucket ?? "",
      region: repository.region ?? undefined,
      endpoint: repository.endpoint ?? undefined,
      accessKeyId: keys?.accessKeyId,
      secretAccessKey: keys?.secretAccessKey,
      sessionToken: keys?.sessionToken ?? undefined,
      description: repository.description,
    };
  }
  const token = credentials && "token" in credentials ? credentials.token : undefined;
  return { provider: repository.provider, name: repository.name, location: repository.location, token, description: repository.description };
}

/** Changes any field but the provider; given secrets replace the stored ones; the connection is tested again. */
export async function updateRepository({ repository, patch, user }: { repository: Repository; patch: RepositoryPatch; user: User }): Promise<Repository> {
  if (patch.name && repositoryNameTaken({ ownerId: user.id, name: patch.name, exceptId: repository.id })) throw nameTaken();
  const current = inputOf(repository);
  // The merged result must still be a valid repository (e.g. a token stays required for GitHub Enterprise).
  const merged = parseWith(repositoryInputSchema, Object.fromEntries(Object.entries({ ...current, ...patch }).filter(([, value]) => value !== undefined)));
  requireCredential(merged, { owner: user });
  const credentials = credentialsOf(merged);
  const result = await testConnection(merged, { owner: user });
  const updated = updateRepositoryRow({
    id: repository.id,
    changes: {
      name: merged.name,
      location: locationOf(merged),
      description: merged.description,
      bucket: merged.provider === "s3" ? merged.bucket : null,
      region: merged.provider === "s3" ? (merged.region ?? null) : null,
      endpoint: merged.provider === "s3" ? (merged.endpoint ?? null) : null,
      sealedCredentials: credentials ? sealCredentials(repository.id, credentials) : null,
      ...testColumns(result),
    },
  });
  if (!updated) throw notFound("That repository");
  const changed = Object.keys(patch).filter((k) => !["token", "secretAccessKey", "sessionToken"].includes(k));
  recordEvent({ action: "repository.updated", actor: user, detail: { repositoryId: repository.id, changed, credentialsReplaced: Boolean(patch.token || patch.secretAccessKey) } });
  return updated;
}

/** Re-tests a stored repository and records the result. */
export async function retestRepository({ repository }: { repository: Repository }): Promise<{ repository: Repository; result: TestResult }> {
  const result = await testConnection(inputOf(repository), { owner: { id: repository.ownerId } });
  const updated = updateRepositoryRow({ id: repository.id, changes: testColumns(result) }) ?? repository;
  return { repository: updated, result };
}

export function clearCredentials({ repository, user }: { repository: Repository; user: User }): Repository {
  // The last test was made with the credential that is gone; it no longer says anything.
  const updated = updateRepositoryRow({ id: repository.id, changes: { sealedCredentials: null, tokenExpiresAt: null, lastTestOk: null, lastTestAt: null, lastTestMessage: null } });
  recordEvent({ action: "repository.credentials_cleared", actor: user, detail: { repositoryId: repository.id } });
  return updated ?? repository;
}

export function deleteRepository({ repository, user }: { repository: Repository; user: User }): void {
  const linked = listProjectsLinkedTo({ repositoryId: repository.id });
  if (linked.length) {
    const names = linked.map((p) => p.name).join(", ");
    throw new AppError("conflict", `Projects are linked to this repository (${names}). Delete ${linked.length === 1 ? "that project" : "those projects"} first, or keep the repository.`);
  }
  deleteRepositoryRow({ id: repository.id });
  recordEvent({ action: "repository.deleted", actor: user, detail: { repositoryId: repository.id, location: repository.location } });
}
