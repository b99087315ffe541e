import type { ActiveBackend } from "./active-backend";
import type { ExternalBackendType } from "./backend-schema";

/** The backend as GET /api/v1/admin/vcs and the page show it: never the token. */
export type BackendView =
  | { type: "internal"; source: "settings" | "file"; file?: string; problem?: string }
  | {
      type: ExternalBackendType;
      name: string;
      url: string;
      credentialHostname: string;
      repository: string;
      organization: string;
      username: string;
      onDelete: "delete" | "archive";
      hasAuthToken: true;
      source: "settings" | "file";
      file?: string;
      problem?: string;
    };

export function toBackendView(active: ActiveBackend): BackendView {
  const origin = { source: active.source, ...(active.file ? { file: active.file } : {}), ...(active.problem ? { problem: active.problem } : {}) };
  const { row } = active;
  if (!row) return { type: "internal", ...origin };
  return {
    type: row.type,
    name: row.name,
    url: row.url,
    credentialHostname: row.credentialHostname,
    repository: row.repositoryTemplate,
    organization: row.organization,
    username: row.username,
    onDelete: row.onDelete,
    hasAuthToken: true,
    ...origin,
  };
}
