export { findOAuthApp, getOAuthAppCredentials, listOAuthApps, type OAuthAppCredentials } from "./list-oauth-apps";
export { replaceOAuthApps } from "./replace-oauth-apps";
export * from "./schema";
export { toOAuthAppView, type OAuthAppView } from "./view";
