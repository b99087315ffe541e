export { createGitHubAdapter, type CreateGitHubAdapterOptions } from "./create-github-adapter";
export { toHostError as toGitHubHostError } from "./to-host-error";
export { missingScopesFor, parseScopes, parseTokenExpiry, readTokenInfo } from "./token-info";
export * from "./schemas";
export { restrictedAppOf } from "./organization-restriction";
