import { recordEvent } from "../audit";
import type { User } from "../db";
import { AppError } from "../errors";
import { getActiveBackend, insertBackend, openBackendRow, setAppliedBackend, type ActiveBackend } from "./active-backend";
import type { BackendInput, ExternalBackend, ExternalBackendInput } from "./backend-schema";
import { toBackendView, type BackendView } from "./backend-view";
import { connectOrganizationHost } from "./connect-organization-host";
import { testBackend, type BackendTestReport } from "./test-backend";

// Which form field each check's advice belongs beside.
const FIELD_OF_CHECK: Record<string, string> = { HTTPS: "url", Token: "authToken", Administrator: "username", "Create repositories": "authToken", "Repository names": "repository" };

function refuseWhenFromFile(active: ActiveBackend): void {
  if (active.source === "file") {
    throw new AppError("conflict", `The version-control settings come from ${active.file}. Change them there; Benchtop reads the file again on the next use.`);
  }
}

/**
 * The input with its token: the one given, else the stored one of the backend in
 * force when it is the same host and organization (the page never shows it back).
 */
function withToken(input: ExternalBackendInput, current: ActiveBackend["row"]): ExternalBackend {
  if (input.authToken) return { ...input, authToken: input.authToken };
  if (current && current.url === input.url && current.organization === input.organization) return { ...input, authToken: openBackendRow(current).authToken };
  throw new AppError("invalid_input", "Give the administrator account's token.", { fields: { authToken: "Give the administrator account's token." } });
}

/** Runs every check of the Test button on the given settings (admin). */
export async function testBackendSettings({ input }: { input: ExternalBackendInput }): Promise<BackendTestReport> {
  return testBackend({ backend: withToken(input, getActiveBackend().row), connect: connectOrganizationHost });
}

/**
 * Apply: checks the settings (every check must pass), stores them and makes them
 * the backend for the next project at once, on every instance; audited without
 * the token. Refused with 409 while the settings file decides.
 */
export async function applyBackend({ input, actor }: { input: BackendInput; actor: Pick<User, "id" | "email"> }): Promise<BackendView> {
  const active = getActiveBackend();
  refuseWhenFromFile(active);
  if (input.type === "internal") {
    setAppliedBackend({ backendId: null });
    recordEvent({ action: "admin.vcs_updated", actor, detail: { type: "internal" } });
    return toBackendView(getActiveBackend());
  }
  const backend = withToken(input, active.row);
  const report = await testBackend({ backend, connect: connectOrganizationHost });
  if (!report.ok) {
    const fields: Record<string, string> = {};
    for (const check of report.checks) if (!check.ok && !check.message.startsWith("Not checked")) fields[FIELD_OF_CHECK[check.name] ?? "type"] ??= check.message;
    throw new AppError("invalid_input", `Not applied: ${report.message}`, { fields });
  }
  const row = insertBackend(backend);
  setAppliedBackend({ backendId: row.id });
  const { authToken: _token, ...described } = backend;
  recordEvent({ action: "admin.vcs_updated", actor, detail: { ...described, tokenChanged: Boolean(input.authToken) } });
  return toBackendView(getActiveBackend());
}
