export { getActiveBackend, openBackendRow, type ActiveBackend } from "./active-backend";
export { applyBackend, testBackendSettings } from "./apply-backend";
export { AVAILABLE_BACKEND_TYPES, backendInputSchema, DEFAULT_REPOSITORY_TEMPLATE, externalBackendInputSchema, type BackendInput, type ExternalBackend, type ExternalBackendInput, type ExternalSettings } from "./backend-schema";
export { toBackendView, type BackendView } from "./backend-view";
export type { BackendCheck, BackendTestReport } from "./test-backend";
export { gitProviderOfBackend } from "./backend-provider";
export { connectOrganizationHost, organizationHostOfRow } from "./connect-organization-host";
export { renderRepositoryName, repositoryNameProblem } from "./repository-name";
