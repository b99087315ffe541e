import { recordEvent } from "../audit";
import { readSetting, runInTransaction, writeSetting, type User } from "../db";

const KEY = "deployments.allowPublic";

/** Whether deployments may be public (anyone with the link); an administrator can forbid it. On unless set. */
export function publicDeploymentsAllowed(): boolean {
  return readSetting({ key: KEY }) !== false;
}

/** Allows or forbids public deployments (the admin setting), in the audit trail. */
export function setPublicDeploymentsAllowed({ allowed, actor }: { allowed: boolean; actor: User }): void {
  runInTransaction(() => {
    writeSetting({ key: KEY, value: allowed });
    recordEvent({ action: "settings.deployments_changed", actor, detail: { allowPublic: allowed } });
  });
}

export const PUBLIC_FORBIDDEN_MESSAGE =
  "An administrator has turned public deployments off. Choose 'Project members' or 'Everyone signed in', or ask an administrator (Admin → Deployments).";
