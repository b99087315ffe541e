// The GitHub emulator's test controls over organizations' access rules
// (e2e/hosts/github/org-access-routes.ts): what an organization's owner does
// on GitHub, which no browser test can do as the member it signs in as.
type AccessRequests = { oauthApps: { org: string; clientId: string }[]; installations: { account: string; clientId: string }[] };

export class OrgAccessControls {
  constructor(private readonly origin: string) {}

  private async post(action: string, body: unknown): Promise<void> {
    const response = await fetch(`${this.origin}/_emulator/${action}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`POST /_emulator/${action}: ${response.status} ${await response.text()}`);
  }

  /** An owner grants the OAuth App access to the organization (its OAuth app policy). */
  approveOAuthApp(org: string, clientId: string): Promise<void> {
    return this.post("approve-oauth-app", { org, clientId });
  }

  /** An owner installs the GitHub App on the organization, for all of its repositories. */
  installGitHubApp(account: string, clientId: string): Promise<void> {
    return this.post("install-github-app", { account, clientId });
  }

  /** The requests members made that wait for an owner. */
  async accessRequests(): Promise<AccessRequests> {
    const response = await fetch(`${this.origin}/_emulator/access-requests`);
    if (!response.ok) throw new Error(`GET /_emulator/access-requests: ${response.status}`);
    return (await response.json()) as AccessRequests;
  }
}
