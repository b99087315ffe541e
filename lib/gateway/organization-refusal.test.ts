// The gateway's words when git at GitHub is refused because an organization
// keeps Benchtop's app out: what explainRefusal says for the host's 403.
import { describe, expect, it } from "vitest";
import { explainRefusal } from "./explain-refusal";

const OAUTH_RESTRICTED =
  "Although you appear to have the correct authorization credentials, the `acme` organization has enabled OAuth App access restrictions, meaning that data access to third-parties is limited. For more information on these restrictions, including how to enable this app, visit https://docs.github.com/articles/restricting-access-to-your-organization-s-data/\n";
const base = { status: 403, host: "github.com", provider: "github" as const, from: "connection" as const };

describe("a GitHub organization keeping Benchtop's app out, through the gateway", () => {
  it("names the organization's OAuth App restriction and where to request access, reading or pushing", () => {
    const read = explainRefusal({ ...base, pushing: false, upstreamText: OAUTH_RESTRICTED });
    expect(read?.code).toBe("read_refused");
    expect(read?.message).toMatch(/^The acme organization on github\.com restricts OAuth App access and has not approved Benchtop's app\. Ask its owners to approve it: on github\.com, Settings → Applications → Authorized OAuth Apps, Benchtop's app, Request access next to the organization/);
    expect(read?.message).toMatch(/Your work stays in this session/);
    expect(explainRefusal({ ...base, pushing: true, upstreamText: OAUTH_RESTRICTED })?.code).toBe("push_refused");
  });

  it("says the GitHub App is not installed for GitHub's integration refusal", () => {
    const refusal = explainRefusal({ ...base, pushing: false, upstreamText: "Resource not accessible by integration" });
    expect(refusal?.message).toMatch(/^Benchtop's GitHub App is not installed on this repository's organization at github\.com, or not given this repository\./);
  });

  it("keeps the other 403s, and other providers, as they were", () => {
    expect(explainRefusal({ ...base, pushing: false, upstreamText: "Permission denied" })?.message).toMatch(/^github\.com refused access to the repository \(github\.com said: "Permission denied"\)/);
    expect(explainRefusal({ ...base, provider: "gitlab", host: "gitlab.com", pushing: false, upstreamText: OAUTH_RESTRICTED })?.message).toMatch(/^gitlab\.com refused access to the repository/);
  });
});
