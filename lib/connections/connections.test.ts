import fs from "node:fs";
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDatabaseFile, getDb, listConnectionsOfUser, type User } from "../db";
import { HostError } from "../hosts/errors";
import { createUser } from "../users/create-user";
import { toConnectionView, expiresSoon } from "./connection-view";
import { createTokenConnection } from "./create-connection";
import { createGitAdapter } from "../hosts/create-adapter";
import type { GitProvider } from "../hosts";
import { connectionTokenFor } from "./connection-token";
import { deleteConnection } from "./delete-connection";
import { connectionHostOfLocation, resolveHost } from "./host";
import { listConnections } from "./list-connections";
import { openConnectionToken } from "./seal";
import { tokenConnectionInputSchema } from "./schema";
import { tokenTypeOf } from "./token-type";

const getViewer = vi.hoisted(() => vi.fn());
vi.mock("../hosts/get-viewer", () => ({ getViewer }));

const TOKEN = "ghp_plaintextTOKENthatMustNeverBeStored0001";

let counter = 0;
const newUser = async (): Promise<User> =>
  createUser({ input: { email: `conn${++counter}-${Date.now()}@example.test`, name: "Conn", password: "password1", role: "user" } });

/** The database's bytes, with its write-ahead log. */
function databaseBytes(): Buffer {
  getDb().run(sql`PRAGMA wal_checkpoint(TRUNCATE)`);
  const file = getDatabaseFile();
  return Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
}

beforeEach(() => {
  getViewer.mockReset();
  getViewer.mockResolvedValue({ login: "octocat", scopes: ["repo"], expiresAt: "2030-01-01T00:00:00.000Z" });
});

/** The Authorization header git gets for a repository at `origin` from the user's own connection there, as the gateway builds it; null without one. */
async function gitHeaderFor({ user, provider, origin }: { user: { id: string }; provider: GitProvider; origin: string }): Promise<string | null> {
  const location = `${origin}${provider === "bitbucket-server" ? "/projects/LABS/repos/demo" : "/labs/demo"}`;
  const connected = await connectionTokenFor({ user, provider, location });
  return connected ? createGitAdapter({ provider, location, token: connected.token, tokenType: connected.tokenType, email: connected.email }).gitAuthHeader() : null;
}

describe("hosts of connections", () => {
  it("normalises host[:port] and derives the origin and API root", () => {
    expect(resolveHost({ provider: "github", host: "GitHub.com" })).toMatchObject({ host: "github.com", origin: "https://github.com" });
    expect(resolveHost({ provider: "github-enterprise", host: "ghe.example.com:443" })).toEqual({ host: "ghe.example.com", origin: "https://ghe.example.com", apiRoot: "https://ghe.example.com/api/v3" });
    expect(resolveHost({ provider: "gitlab-self-managed", host: "https://git.example.com:8443/" })).toMatchObject({ host: "git.example.com:8443", apiRoot: "https://git.example.com:8443/api/v4" });
    expect(resolveHost({ provider: "bitbucket-server", host: "bb.example.com" }).apiRoot).toBe("https://bb.example.com/rest/api/1.0");
  });

  it("refuses other hosts for cloud providers, cloud hosts for self-hosted ones, and malformed hosts", () => {
    expect(() => resolveHost({ provider: "github", host: "gitlab.com" })).toThrow(/github\.com/);
    expect(() => resolveHost({ provider: "github-enterprise", host: "github.com" })).toThrow(HostError);
    expect(() => resolveHost({ provider: "gitlab", host: "a b" })).toThrow(/host or host:port/);
    expect(() => resolveHost({ provider: "github-enterprise", host: "10.0.0.1" })).toThrow(/private or local/);
  });

  it("takes a Bitbucket Cloud stand-in (an emulator) only at a host on the operator's list, and no other cloud provider's", () => {
    const saved = process.env.BENCHTOP_INSECURE_HOSTS;
    try {
      delete process.env.BENCHTOP_INSECURE_HOSTS;
      expect(() => resolveHost({ provider: "bitbucket", host: "127.0.0.1:7990" })).toThrow(/bitbucket\.org/);
      process.env.BENCHTOP_INSECURE_HOSTS = "127.0.0.1";
      expect(resolveHost({ provider: "bitbucket", host: "127.0.0.1:7990" })).toEqual({ host: "127.0.0.1:7990", origin: "http://127.0.0.1:7990", apiRoot: "http://127.0.0.1:7990/2.0" });
      expect(connectionHostOfLocation({ provider: "bitbucket", location: "http://127.0.0.1:7990/labs/models" })).toBe("127.0.0.1:7990");
      expect(resolveHost({ provider: "bitbucket", host: "bitbucket.org" }).host).toBe("bitbucket.org");
      expect(() => resolveHost({ provider: "github", host: "127.0.0.1:7990" })).toThrow(/github\.com/);
    } finally {
      if (saved === undefined) delete process.env.BENCHTOP_INSECURE_HOSTS;
      else process.env.BENCHTOP_INSECURE_HOSTS = saved;
    }
  });

  it("finds a repository's connection host", () => {
    expect(connectionHostOfLocation({ provider: "github", location: "https://github.com/acme/models" })).toBe("github.com");
    expect(connectionHostOfLocation({ provider: "github-enterprise", location: "https://ghe.example.com:8443/acme/models" })).toBe("ghe.example.com:8443");
  });
});

describe("connections by token", () => {
  it("seals the token: neither the database file nor the view holds it", async () => {
    const user = await newUser();
    const connection = await createTokenConnection({ user, provider: "github", host: "github.com", token: TOKEN });
    expect(getViewer).toHaveBeenCalledWith(expect.objectContaining({ provider: "github", origin: "https://github.com", token: TOKEN }));
    expect(connection.sealedToken).not.toContain(TOKEN);
    expect(openConnectionToken(connection)).toBe(TOKEN);
    expect(databaseBytes().includes(Buffer.from(TOKEN))).toBe(false);
    const view = toConnectionView(connection);
    expect(view).toEqual({ id: connection.id, provider: "github", host: "github.com", login: "octocat", method: "token", expiresAt: "2030-01-01T00:00:00.000Z", scopes: ["repo"], renewable: false, reconnectReason: null });
    expect(JSON.stringify(view)).not.toContain(TOKEN);
    expect(JSON.stringify(view)).not.toContain(connection.sealedToken);
  });

  it("binds the sealed token to its row", async () => {
    const user = await newUser();
    const connection = await createTokenConnection({ user, provider: "gitlab", host: "gitlab.com", token: TOKEN });
    expect(() => openConnectionToken({ id: "another", sealedToken: connection.sealedToken })).toThrow();
  });

  it("refuses a second connection to the same provider and host, and a bad token", async () => {
    const user = await newUser();
    await createTokenConnection({ user, provider: "github", host: "github.com", token: TOKEN });
    await expect(createTokenConnection({ user, provider: "github", host: "www.github.com", token: TOKEN })).rejects.toMatchObject({ code: "conflict" });
    getViewer.mockRejectedValueOnce(new HostError("bad_credentials", "GitHub refused the token."));
    await expect(createTokenConnection({ user, provider: "gitlab", host: "gitlab.com", token: "bad" })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { token: "GitHub refused the token." },
    });
    expect(listConnections({ user })).toHaveLength(1);
  });

  it("gives the git auth header of the caller's own connection only, in each provider's convention", async () => {
    const user = await newUser();
    const stranger = await newUser();
    await createTokenConnection({ user, provider: "github", host: "github.com", token: "gh" });
    await createTokenConnection({ user, provider: "gitlab", host: "gitlab.com", token: "gl" });
    await createTokenConnection({ user, provider: "bitbucket", host: "bitbucket.org", token: "bb" });
    await createTokenConnection({ user, provider: "bitbucket-server", host: "bb.example.com", token: "bbs" });
    const basic = (s: string) => `Basic ${Buffer.from(s).toString("base64")}`;
    expect(await gitHeaderFor({ user, provider: "github", origin: "https://github.com" })).toBe(basic("x-access-token:gh"));
    expect(await gitHeaderFor({ user, provider: "gitlab", origin: "https://gitlab.com" })).toBe(basic("oauth2:gl"));
    expect(await gitHeaderFor({ user, provider: "bitbucket", origin: "https://bitbucket.org" })).toBe(basic("x-token-auth:bb"));
    expect(await gitHeaderFor({ user, provider: "bitbucket-server", origin: "https://bb.example.com" })).toBe("Bearer bbs");
    expect(await gitHeaderFor({ user, provider: "github-enterprise", origin: "https://github.com" })).toBeNull();
    expect(await gitHeaderFor({ user: stranger, provider: "github", origin: "https://github.com" })).toBeNull();
  });

  it("connects a Bitbucket Cloud API token with its account's email: signed in with it, kept plain, out of the view and the audit trail, and git goes as x-bitbucket-api-token-auth", async () => {
    const user = await newUser();
    getViewer.mockResolvedValueOnce({ login: "ada", scopes: null, expiresAt: null, accountId: "{ada-uuid}" });
    const connection = await createTokenConnection({ user, provider: "bitbucket", host: "bitbucket.org", token: "ATATT-api-token", email: "ada@example.test" });
    expect(getViewer).toHaveBeenCalledWith(expect.objectContaining({ provider: "bitbucket", token: "ATATT-api-token", email: "ada@example.test" }));
    expect(connection).toMatchObject({ login: "ada", accountId: "{ada-uuid}", email: "ada@example.test" });
    expect(tokenTypeOf(connection)).toBe("api-token");
    expect(JSON.stringify(toConnectionView(connection))).not.toContain("ada@example.test");
    const created = getDb().all<{ detail: string }>(sql`SELECT detail FROM audit_events WHERE action = 'connection.created' AND detail LIKE ${`%${connection.id}%`}`);
    expect(created).toHaveLength(1);
    expect(created[0]!.detail).not.toContain("ada@example.test");

    const basic = (s: string) => `Basic ${Buffer.from(s).toString("base64")}`;
    expect(await gitHeaderFor({ user, provider: "bitbucket", origin: "https://bitbucket.org" })).toBe(basic("x-bitbucket-api-token-auth:ATATT-api-token"));
    // Without an email the token is an access token, as before.
    const other = await newUser();
    await createTokenConnection({ user: other, provider: "bitbucket", host: "bitbucket.org", token: "access-token" });
    expect(getViewer).toHaveBeenLastCalledWith(expect.objectContaining({ email: undefined }));
    expect(await gitHeaderFor({ user: other, provider: "bitbucket", origin: "https://bitbucket.org" })).toBe(basic("x-token-auth:access-token"));
  });

  it("puts a refusal of an API token on both the email and the token fields", async () => {
    const user = await newUser();
    getViewer.mockRejectedValueOnce(new HostError("bad_credentials", "Bitbucket did not accept this email with this API token."));
    await expect(createTokenConnection({ user, provider: "bitbucket", host: "bitbucket.org", token: "t", email: "ada@example.test" })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { token: expect.stringMatching(/email/), email: expect.stringMatching(/email/) },
    });
    expect(listConnections({ user })).toEqual([]);
  });

  it("takes an email for Bitbucket Cloud only, and only a valid one", () => {
    const parse = (input: Record<string, unknown>) => tokenConnectionInputSchema.safeParse({ host: "bitbucket.org", token: "t", ...input });
    expect(parse({ provider: "bitbucket", email: " Ada@Example.TEST " }).data).toMatchObject({ email: "ada@example.test" });
    expect(parse({ provider: "bitbucket", email: "" }).data?.email).toBeUndefined();
    expect(parse({ provider: "bitbucket", email: null }).data?.email).toBeUndefined();
    expect(parse({ provider: "bitbucket", email: "not an email" }).error?.issues[0]).toMatchObject({ path: ["email"] });
    expect(parse({ provider: "github", host: "github.com", email: "ada@example.test" }).error?.issues[0]).toMatchObject({ path: ["email"], message: expect.stringMatching(/Only Bitbucket Cloud/) });
  });

  it("deletes only the caller's connection", async () => {
    const user = await newUser();
    const stranger = await newUser();
    const connection = await createTokenConnection({ user, provider: "github", host: "github.com", token: TOKEN });
    await expect(deleteConnection({ id: connection.id, user: stranger })).rejects.toThrow(/not found/);
    await expect(deleteConnection({ id: connection.id, user })).resolves.toEqual({ revoked: true });
    expect(listConnectionsOfUser({ userId: user.id })).toEqual([]);
    await expect(deleteConnection({ id: connection.id, user })).rejects.toThrow(/not found/);
  });

  it("warns of an expiry within a week", () => {
    const now = new Date("2030-01-01T00:00:00Z");
    expect(expiresSoon({ expiresAt: "2030-01-05T00:00:00Z" }, now)).toBe(true);
    expect(expiresSoon({ expiresAt: "2030-02-01T00:00:00Z" }, now)).toBe(false);
    expect(expiresSoon({ expiresAt: null }, now)).toBe(false);
  });
});
