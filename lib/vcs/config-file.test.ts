import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readConfigFileBackend } from "./config-file";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "benchtop-config-"));
const write = (text: string) => {
  const file = path.join(dir, `benchtop-${Math.random().toString(36).slice(2)}.yaml`);
  fs.writeFileSync(file, text);
  return file;
};
const github = `vcs:
  type: github
  name: Acme GitHub
  url: https://ghe.acme.example/api/v3/
  credentialHostname: GHE.acme.example
  organization: acme
  username: benchtop-admin
`;

afterEach(() => {
  delete process.env.BENCHTOP_TEST_VCS_TOKEN;
});

describe("the settings file's vcs section", () => {
  it("is absent when the file or the section is", () => {
    expect(readConfigFileBackend({ file: path.join(dir, "missing.yaml") })).toEqual({ kind: "none" });
    expect(readConfigFileBackend({ file: write("other: 1\n") })).toEqual({ kind: "none" });
  });

  it("reads a backend with its token inline, normalizing the URL and host and filling the defaults", () => {
    const result = readConfigFileBackend({ file: write(`${github}  authToken: ghp_inline\n`) });
    expect(result).toMatchObject({
      kind: "backend",
      backend: { type: "github", url: "https://ghe.acme.example/api/v3", credentialHostname: "ghe.acme.example", repository: "{owner}-{id}", onDelete: "archive", authToken: "ghp_inline" },
    });
  });

  it("takes the token from a file beside it or from an environment variable, so the file can live in version control", () => {
    fs.writeFileSync(path.join(dir, "token.txt"), "ghp_from_file\n");
    expect(readConfigFileBackend({ file: write(`${github}  authTokenFile: token.txt\n`) })).toMatchObject({ backend: { authToken: "ghp_from_file" } });
    process.env.BENCHTOP_TEST_VCS_TOKEN = "ghp_from_env";
    expect(readConfigFileBackend({ file: write(`${github}  authToken: \${BENCHTOP_TEST_VCS_TOKEN}\n`) })).toMatchObject({ backend: { authToken: "ghp_from_env" } });
  });

  it("says what is wrong, and where, instead of throwing", () => {
    expect(readConfigFileBackend({ file: write("vcs: [unclosed\n") })).toMatchObject({ kind: "invalid", problem: expect.stringMatching(/not valid YAML \(line \d+/) });
    expect(readConfigFileBackend({ file: write(`${github}  authToken: \${NOT_SET_ANYWHERE}\n`) })).toMatchObject({ kind: "invalid", problem: expect.stringMatching(/NOT_SET_ANYWHERE, which is not set/) });
    expect(readConfigFileBackend({ file: write(`${github}  authTokenFile: nowhere.txt\n`) })).toMatchObject({ kind: "invalid", problem: expect.stringMatching(/cannot be read/) });
    expect(readConfigFileBackend({ file: write(github) })).toMatchObject({ kind: "invalid", problem: expect.stringMatching(/vcs.authToken/) });
    expect(readConfigFileBackend({ file: write("vcs:\n  type: svn\n") })).toMatchObject({ kind: "invalid", problem: expect.stringMatching(/vcs.type/) });
    expect(readConfigFileBackend({ file: write(github.replace("https://ghe.acme.example/api/v3/", "ftp://x") + "  authToken: t\n") })).toMatchObject({ kind: "invalid", problem: expect.stringMatching(/vcs.url/) });
  });

  it("may choose the internal git server", () => {
    expect(readConfigFileBackend({ file: write("vcs:\n  type: internal\n") })).toMatchObject({ kind: "backend", backend: { type: "internal" } });
  });
});
