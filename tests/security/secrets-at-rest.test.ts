// Secret harvesting: someone who gets a copy of the database file (a backup, a stolen
// disk), reads the server's log, or watches the answers Benchtop sends a browser
// looks for the credentials people gave it. Third-party tokens and keys must be
// sealed at rest, personal access tokens and passwords kept only as digests, and
// none of them may appear in the log or in any answer, API or page.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { api, createUser, signInBrowser, unique } from "../integration/helpers/api";

/** The database and its write-ahead log, as a thief with a copy of DATA_DIR would read them. */
function databaseBytes(): Buffer {
  const dataDir = inject("dataDir");
  const files = ["benchtop.db", "benchtop.db-wal"].map((name) => path.join(dataDir, name)).filter((file) => fs.existsSync(file));
  return Buffer.concat(files.map((file) => fs.readFileSync(file)));
}

describe("secrets at rest, in the log and on the wire", () => {
  it("keeps repository tokens, bucket keys, personal access tokens and passwords out of the database file, the log and every answer", async () => {
    const user = await createUser();
    const cookie = await signInBrowser(user);
    const repositoryToken = `ghp_${unique("leakcheck")}RepositoryToken`;
    const bucketSecret = `${unique("s3leak")}SecretAccessKey`;

    const repository = await api("/api/v1/repositories", {
      method: "POST",
      token: user.token,
      body: { provider: "github-enterprise", name: unique("secret-repo-"), location: "https://ghe.invalid/acme/models", token: repositoryToken },
    });
    expect(repository.status, repository.text).toBe(201);
    expect(repository.body.hasCredentials).toBe(true);
    const bucket = await api("/api/v1/repositories", {
      method: "POST",
      token: user.token,
      body: { provider: "s3", name: unique("secret-bucket-"), bucket: "data", endpoint: "https://s3.invalid", accessKeyId: "AKIALEAKCHECK", secretAccessKey: bucketSecret },
    });
    expect(bucket.status, bucket.text).toBe(201);

    const secrets = { repositoryToken, bucketSecret, personalAccessToken: user.token, password: user.password };
    const answers = await Promise.all([
      api("/api/v1/repositories", { token: user.token }),
      api(`/api/v1/repositories/${repository.body.id}`, { token: user.token }),
      api(`/api/v1/repositories/${bucket.body.id}`, { token: user.token }),
      api("/api/v1/tokens", { token: user.token }),
      api("/api/v1/me", { token: user.token }),
      api("/repositories", { cookie }),
      api(`/repositories/${repository.body.id}`, { cookie }),
      api("/settings/tokens", { cookie }),
    ]);
    // The pages rendered (not a sign-in redirect), so their HTML was really searched.
    expect(answers.at(-3)?.text).toContain(repository.body.name);

    const database = databaseBytes();
    const log = fs.readFileSync(path.join(process.cwd(), "test-results", "integration-server.log"), "utf8");
    for (const [kind, secret] of Object.entries(secrets)) {
      expect(database.includes(Buffer.from(secret)), `${kind} in the database file`).toBe(false);
      expect(log.includes(secret), `${kind} in the server log`).toBe(false);
      for (const answer of answers) expect(answer.text.includes(secret), `${kind} in an answer`).toBe(false);
    }
    // What the database holds instead is usable: the token still authenticates (by its digest).
    expect((await api("/api/v1/me", { token: user.token })).body.email).toBe(user.email);
  });
});
