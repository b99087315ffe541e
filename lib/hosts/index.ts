export { HostError, isHostError, type HostFailure, type Restriction } from "./errors";
export { gitUrlOfLocation } from "./git-url";
export { isCloudStandIn, parseRepoLocation } from "./location";
export { assertLocationAllowed, insecureHosts, isInsecureHostAllowed, isPublicAddress, safeLookup } from "./network-policy";
export { createSafeFetch } from "./safe-fetch";
export * from "./types";
export { lfsForbiddenHelp, type LfsCredentialOrigin } from "./lfs-forbidden-help";
export { getViewer, type GetViewerOptions, type Viewer } from "./get-viewer";
