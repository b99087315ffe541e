// Why an OAuth authorization did not end in a connection. The callback passes
// only the code to the page (never a provider's text), and the page says what to do.

export const oauthFailures = ["denied", "expired", "app_refused", "no_app", "unreachable", "failed"] as const;
export type OAuthFailure = (typeof oauthFailures)[number];

/** An authorization that did not end in a connection; `code` says why (the page words it with describeOAuthFailure). */
export class OAuthFlowError extends Error {
  constructor(
    readonly code: OAuthFailure,
    readonly host: string,
    options: { cause?: unknown } = {},
  ) {
    super(describeOAuthFailure(code, host), options);
    this.name = "OAuthFlowError";
  }
}

export const isOAuthFailure = (value: unknown): value is OAuthFailure => typeof value === "string" && (oauthFailures as readonly string[]).includes(value);

export function describeOAuthFailure(failure: OAuthFailure, host: string): string {
  switch (failure) {
    case "denied":
      return `The authorization at ${host} was cancelled, so nothing was connected. Authorize again when you are ready.`;
    case "expired":
      return `That authorization was not started here or took longer than 10 minutes, so nothing was connected. Start it again from Benchtop.`;
    case "app_refused":
      return `${host} refused Benchtop's application (its client ID or secret, callback URL or scopes). Ask an administrator to check it under Admin, OAuth apps; meanwhile you can connect with a personal access token.`;
    case "no_app":
      return `No application is registered for ${host}. Ask an administrator to register one under Admin, OAuth apps, or connect with a personal access token.`;
    case "unreachable":
      return `Benchtop could not reach ${host} to finish the authorization. Check that the host is up and try again.`;
    case "failed":
      return `${host} did not complete the authorization. Try again; if it keeps failing, connect with a personal access token.`;
  }
}
