import type { Project, User } from "../db";
import type { OrganizationRepository } from "../hosts/organization-host";
import { renderRepositoryName } from "../vcs";
import { listRemoteRefs, pushAllRefs, readLocalRefs, refDifferences, type GitRemote, type RefMap } from "./git-remote";
import { moveFailure, type MoveContext } from "./move-context";
import type { ServiceAccount } from "./service-account";
import { withHostRetries } from "./with-host-retries";

/** Rounds of push-then-compare before giving up: a push that was under way when the move began may land after the first copy. */
const COMPARE_ROUNDS = 3;

/**
 * The repository the move copies into: the one this job created (a resumed job
 * finds it again), or an empty one, or one already holding exactly these refs;
 * else a new one named by the backend's template. A repository holding other
 * work is never written to.
 */
async function targetRepository({ context, account, name, expected }: { context: MoveContext; account: ServiceAccount; name: string; expected: RefMap }): Promise<OrganizationRepository> {
  const found = await withHostRetries(context, "creating", () => account.host.findRepository({ name }));
  if (found) {
    if (context.payload.createdRepository === name) return found;
    const there = await listRemoteRefs({ remote: account.remoteOf(found) });
    if (there.size === 0 || refDifferences({ expected, actual: there }).length === 0) return found;
    throw moveFailure(
      `A repository named ${name} already exists in ${account.row.organization} and holds other work. Rename or remove it at the host (or change the repository name template on the Version control page), then move the project again.`,
    );
  }
  const created = await withHostRetries(context, "creating", () => account.host.createRepository({ name, description: "" }));
  context.save({ createdRepository: name });
  return created;
}

async function pushOrExplain({ dir, remote, repository, account }: { dir: string; remote: GitRemote; repository: OrganizationRepository; account: ServiceAccount }): Promise<void> {
  try {
    await pushAllRefs({ dir, remote });
  } catch (error) {
    // git's words stay in the server log; the administrator gets what to check.
    console.error(`Benchtop: pushing to ${repository.fullName} failed:`, (error as Error).message);
    throw moveFailure(
      `Copying the branches and tags to ${repository.fullName} failed: the host refused or broke off the push. Check that the account ${account.row.username} may push to repositories in ${account.row.organization}, then move the project again.`,
    );
  }
}

/**
 * Copies every branch and tag of the bare repository in `dir` into the
 * organization's repository for the project, with the real git client, and
 * compares both sides with `git ls-remote` until they hold the same refs.
 */
export async function copyToHost({ context, account, project, owner, dir }: { context: MoveContext; account: ServiceAccount; project: Project; owner: Pick<User, "handle">; dir: string }) {
  await context.step("creating");
  const { row } = account;
  const name = context.payload.createdRepository ?? renderRepositoryName({ type: row.type, template: row.repositoryTemplate, values: { owner: owner.handle, id: project.id, name: project.name } });
  const repository = await targetRepository({ context, account, name, expected: await readLocalRefs({ dir }) });
  const remote = account.remoteOf(repository);
  let differences: string[] = [];
  for (let round = 0; round < COMPARE_ROUNDS; round++) {
    await context.step("copying");
    await pushOrExplain({ dir, remote, repository, account });
    await context.step("comparing");
    const refs = await readLocalRefs({ dir });
    differences = refDifferences({ expected: refs, actual: await listRemoteRefs({ remote }) });
    if (differences.length === 0) return { repository, name, refs };
  }
  throw moveFailure(`After copying, ${repository.fullName} does not hold the same branches and tags as Benchtop (${differences.slice(0, 5).join(", ")}). Nothing was switched; move the project again.`);
}
