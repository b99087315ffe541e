// How Bitbucket Cloud signs a token in: the one rule, for the REST API and for
// git. Repository, project and workspace access tokens (no person) go to the
// REST API as Bearer and to git as the password of "x-token-auth". A person's
// Atlassian API token goes to the REST API as HTTP Basic with the account's
// Atlassian email as the user name, and to git as the password of the static
// user name "x-bitbucket-api-token-auth" (Atlassian, "Using API tokens":
// https://support.atlassian.com/bitbucket-cloud/docs/using-api-tokens/, and
// "Getting 401 HTTP error when using Basic authentication with Bitbucket Cloud
// REST APIs": https://support.atlassian.com/bitbucket-cloud/kb/getting-401-http-error-while-authenticating-to-bitbucket-cloud-rest-apis/).
// App passwords, which took the Bitbucket username instead, stopped working on
// 9 June 2026.
import type { TokenType } from "../types";

/** The user name git sends with a person's API token, as Atlassian documents it. */
export const API_TOKEN_GIT_USER = "x-bitbucket-api-token-auth";

export const basicAuthorization = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

/** A token and what it is: "api-token" is a person's, signing in with their `email`; any other kind stands alone. */
export type CloudSignIn = { token: string; tokenType?: TokenType; email?: string | null };

/**
 * The REST API's Authorization header: Basic {email}:{token} for a person's API
 * token, Bearer for anything else. An API token without its email can only be
 * tried as Bearer, which Bitbucket refuses (401), and the caller's message then
 * says to connect again with the email.
 */
export function cloudApiAuthorization({ token, tokenType, email }: CloudSignIn): string {
  return tokenType === "api-token" && email ? basicAuthorization(email, token) : `Bearer ${token}`;
}

/** Git's Authorization header: Basic x-bitbucket-api-token-auth:{token} for a person's API token, x-token-auth:{token} for an access token. */
export function cloudGitAuthorization({ token, tokenType }: CloudSignIn): string {
  return basicAuthorization(tokenType === "api-token" ? API_TOKEN_GIT_USER : "x-token-auth", token);
}
