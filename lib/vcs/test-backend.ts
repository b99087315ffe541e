import { isInsecureHostAllowed } from "../hosts/network-policy";
import { isAppError } from "../errors";
import type { ExternalBackend, ExternalBackendType } from "./backend-schema";
import type { OrganizationHost } from "../hosts/organization-host";
import { templateProblem } from "./repository-name";

export type BackendCheck = { name: string; ok: boolean; message: string };
export type BackendTestReport = { ok: boolean; message: string; checks: BackendCheck[] };

const ORGANIZATION_WORD: Record<ExternalBackendType, string> = {
  github: "organization",
  gitlab: "group",
  bitbucket: "workspace",
  "bitbucket-server": "project",
};

/** A host's failure in its own words (HostErrors already say what to fix); anything else as a plain failure. */
const wordsOf = (error: unknown) => (isAppError(error) ? error.message : "The host gave an answer Benchtop could not read. Check the URL is the API root.");

function httpsCheck(backend: ExternalBackend): BackendCheck {
  const api = new URL(backend.url);
  // Git is reached the way the API is: plain http only when both hosts are on the operator's list.
  const git = new URL(`${api.protocol}//${backend.credentialHostname}`);
  const allowed = (url: URL) => url.protocol === "https:" || isInsecureHostAllowed(url.hostname, url.port || "80");
  if (!allowed(api)) {
    return { name: "HTTPS", ok: false, message: `${api.host} is reached over plain http. Use its https:// address, or list the host in BENCHTOP_INSECURE_HOSTS (labs and tests only).` };
  }
  if (!allowed(git)) return { name: "HTTPS", ok: false, message: `The API is on plain http, so git at ${git.host} would be too. List ${git.host} in BENCHTOP_INSECURE_HOSTS as well, or use https.` };
  return { name: "HTTPS", ok: true, message: api.protocol === "https:" ? `${api.host} is reached over https.` : `${api.host} is on BENCHTOP_INSECURE_HOSTS, so plain http is allowed.` };
}

const skipped = (name: string, after: string): BackendCheck => ({ name, ok: false, message: `Not checked: fix "${after}" first.` });

/**
 * Runs every check the Version control page's Test button lists, in order, each
 * with what to fix: https, the token and its owner, administration of the
 * organization, permission to create repositories (the token's scopes), and the
 * repository name template. A check that depends on a failed one is reported as
 * not checked rather than as a second, confusing failure.
 */
export async function testBackend({ backend, connect }: { backend: ExternalBackend; connect: (backend: ExternalBackend) => OrganizationHost }): Promise<BackendTestReport> {
  const word = ORGANIZATION_WORD[backend.type];
  const checks: BackendCheck[] = [httpsCheck(backend)];
  const template = templateProblem({ type: backend.type, template: backend.repository });
  const templateCheck: BackendCheck = template
    ? { name: "Repository names", ok: false, message: template }
    : { name: "Repository names", ok: true, message: `The template ${backend.repository} gives names this host accepts.` };

  if (!checks[0]!.ok) {
    checks.push(skipped("Token", "HTTPS"), skipped("Administrator", "HTTPS"), skipped("Create repositories", "HTTPS"), templateCheck);
    return report(checks);
  }
  const host = connect(backend);
  let account: { login: string; scopes: string[] | null };
  try {
    account = await host.getServiceAccount();
  } catch (error) {
    checks.push({ name: "Token", ok: false, message: wordsOf(error) }, skipped("Administrator", "Token"), skipped("Create repositories", "Token"), templateCheck);
    return report(checks);
  }
  const sameAccount = account.login.toLowerCase() === backend.username.toLowerCase();
  checks.push(
    sameAccount
      ? { name: "Token", ok: true, message: `The token is valid and belongs to ${account.login}.` }
      : { name: "Token", ok: false, message: `The token belongs to ${account.login}, not ${backend.username}. Give ${backend.username}'s token, or change the user name.` },
  );

  let isAdmin = false;
  try {
    const administration = await host.getAdministration({ username: backend.username });
    isAdmin = administration.isAdmin;
    checks.push(
      administration.isAdmin
        ? { name: "Administrator", ok: true, message: `${backend.username} administers the ${word} ${backend.organization}.` }
        : administration.isMember
          ? { name: "Administrator", ok: false, message: `${backend.username} is a member of the ${word} ${backend.organization} (${administration.role ?? "member"}) but not an administrator. Make the account an administrator (owner) of the ${word}.` }
          : { name: "Administrator", ok: false, message: `${backend.username} is not a member of the ${word} ${backend.organization}. Check the ${word}'s name and add the account as an administrator.` },
    );
  } catch (error) {
    checks.push({ name: "Administrator", ok: false, message: wordsOf(error) });
  }

  const missing = host.missingScopes({ scopes: account.scopes, onDelete: backend.onDelete });
  checks.push(
    !isAdmin
      ? skipped("Create repositories", "Administrator")
      : missing.length
        ? { name: "Create repositories", ok: false, message: `The token lacks the scope${missing.length === 1 ? "" : "s"} ${missing.join(", ")}. Create a token with ${missing.join(", ")} and paste it here.` }
        : { name: "Create repositories", ok: true, message: `The token may create, share and ${backend.onDelete} repositories in ${backend.organization}.` },
  );
  checks.push(templateCheck);
  return report(checks);
}

function report(checks: BackendCheck[]): BackendTestReport {
  const failed = checks.filter((c) => !c.ok);
  const message = failed.length === 0 ? "Every check passed. Apply to use this backend for new projects." : `${failed.length} of ${checks.length} checks did not pass: ${failed.map((c) => c.name).join(", ")}.`;
  return { ok: failed.length === 0, message, checks };
}
