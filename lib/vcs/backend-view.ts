import { settingsOfRow, type ActiveBackend } from "./active-backend";
import type { ExternalSettings } from "./backend-schema";

type Origin = { source: "settings" | "file"; file?: string; problem?: string };

/** The backend as GET /api/v1/admin/vcs and the page show it: never the token. */
export type BackendView = ({ type: "internal" } & Origin) | (ExternalSettings & { hasAuthToken: true } & Origin);

export function toBackendView(active: ActiveBackend): BackendView {
  const origin: Origin = { source: active.source, ...(active.file ? { file: active.file } : {}), ...(active.problem ? { problem: active.problem } : {}) };
  return active.row ? { ...settingsOfRow(active.row), hasAuthToken: true, ...origin } : { type: "internal", ...origin };
}
