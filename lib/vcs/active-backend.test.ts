import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getActiveBackend, insertBackend, openBackendRow, setAppliedBackend } from "./active-backend";
import { applyBackend } from "./apply-backend";
import { toBackendView } from "./backend-view";

const admin = { id: "admin-id", email: "admin@example.test" };
const backend = {
  type: "github" as const,
  name: "Acme GitHub",
  url: "https://ghe.acme.example/api/v3",
  credentialHostname: "ghe.acme.example",
  repository: "{owner}-{id}",
  organization: "acme",
  username: "svc",
  authToken: "ghp_secret_value",
  onDelete: "archive" as const,
};
const configFile = () => path.join(process.env.DATA_DIR!, "benchtop.yaml");
const fileFor = (organization: string) => `vcs:\n  type: github\n  name: From file\n  url: https://ghe.acme.example/api/v3\n  credentialHostname: ghe.acme.example\n  organization: ${organization}\n  username: svc\n  authToken: ghp_file_token\n`;

afterEach(() => {
  fs.rmSync(configFile(), { force: true });
  setAppliedBackend({ backendId: null });
  vi.restoreAllMocks();
});

describe("the backend in force", () => {
  it("is the internal git server until an admin applies another", () => {
    expect(toBackendView(getActiveBackend())).toEqual({ type: "internal", source: "settings" });
  });

  it("is the applied one, with its token sealed in the database and never in the view", () => {
    const row = insertBackend(backend);
    expect(row.sealedToken).not.toContain("ghp_secret_value");
    setAppliedBackend({ backendId: row.id });
    const view = toBackendView(getActiveBackend());
    expect(view).toMatchObject({ type: "github", organization: "acme", hasAuthToken: true, source: "settings" });
    expect(JSON.stringify(view)).not.toContain("ghp_secret_value");
    expect(openBackendRow(getActiveBackend().row!).authToken).toBe("ghp_secret_value");
  });

  it("comes from the settings file when it has a vcs section, keeping the same row while the file is unchanged", () => {
    fs.writeFileSync(configFile(), fileFor("acme"));
    const first = getActiveBackend();
    expect(first).toMatchObject({ source: "file", file: configFile(), row: { organization: "acme", name: "From file" } });
    expect(getActiveBackend().row?.id).toBe(first.row?.id);
    fs.writeFileSync(configFile(), fileFor("acme-data"));
    expect(getActiveBackend().row?.organization).toBe("acme-data");
  });

  it("keeps the last good file settings when the file breaks, says what is wrong, and logs it once", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    fs.writeFileSync(configFile(), fileFor("acme"));
    const good = getActiveBackend().row!.id;
    fs.writeFileSync(configFile(), "vcs:\n  type: github\n  url: not a url\n");
    const broken = getActiveBackend();
    expect(broken.row?.id).toBe(good);
    expect(broken.problem).toMatch(/vcs\.url/);
    getActiveBackend();
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]?.[0])).toMatch(/keeps the last good version-control settings/);
  });

  it("refuses to apply page settings while the file decides (409)", async () => {
    fs.writeFileSync(configFile(), fileFor("acme"));
    await expect(applyBackend({ input: { type: "internal" }, actor: admin })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("benchtop.yaml") });
  });
});
