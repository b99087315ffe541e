import { describe, expect, it } from "vitest";
import { explainLfsRefusal } from "./explain-lfs-refusal";

const github = { host: "github.com", provider: "github" as const };

describe("explainLfsRefusal", () => {
  it("says to install the GitHub app when GitHub refuses an app's authorization, quoting GitHub", () => {
    const refusal = explainLfsRefusal({ ...github, status: 403, intent: "download", credential: { from: "connection", tokenType: "oauth" }, upstreamText: '{"message":"Resource not accessible by integration"}' });
    expect(refusal.code).toBe("lfs_refused");
    expect(refusal.message).toMatch(/^GitHub refused Git LFS for this repository \(github\.com said: "Resource not accessible by integration"\)\./);
    expect(refusal.message).toMatch(/installed on the repository, even a public one\. Install the app/);
  });

  it("points at the token where one was used, and asks for write access for uploads", () => {
    const stored = explainLfsRefusal({ ...github, status: 403, intent: "upload", credential: { from: "repository", tokenType: "personal" } });
    expect(stored.message).toMatch(/token stored for this repository/);
    expect(stored.message).toMatch(/Uploading and locking also need write access/);
    expect(explainLfsRefusal({ ...github, status: 403, intent: "download", credential: { from: "connection", tokenType: "personal" } }).message).toMatch(/Settings → Connections/);
  });

  it("words GitLab's refusal, credentials, missing repositories, size and rate limits", () => {
    expect(explainLfsRefusal({ host: "gitlab.example", provider: "gitlab-self-managed", status: 403, intent: "upload", credential: { from: "repository" } }).message).toMatch(/^GitLab refused Git LFS.*Developer role/);
    expect(explainLfsRefusal({ ...github, status: 401, intent: "download", credential: { from: "repository" } }).code).toBe("token_refused");
    expect(explainLfsRefusal({ ...github, status: 404, intent: "download", credential: { from: null } }).code).toBe("repository_not_found");
    expect(explainLfsRefusal({ ...github, status: 404, intent: "write-locks", credential: { from: null } }).message).toMatch(/does not offer Git LFS file locking/);
    expect(explainLfsRefusal({ ...github, status: 413, intent: "upload", credential: { from: null } }).code).toBe("too_large");
    expect(explainLfsRefusal({ ...github, status: 422, intent: "upload", credential: { from: null }, upstreamText: '{"message":"Size must be less than 2 GB"}' }).message).toMatch(/said: "Size must be less than 2 GB"/);
    expect(explainLfsRefusal({ ...github, status: 418, intent: "download", credential: { from: null } }).message).toMatch(/HTTP 418/);
  });

  it("never quotes markup a host sent", () => {
    expect(explainLfsRefusal({ ...github, status: 403, intent: "download", credential: { from: "repository" }, upstreamText: "<html><body>Forbidden</body></html>" }).message).not.toMatch(/</);
  });
});
