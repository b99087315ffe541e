import { afterEach, describe, expect, it, vi } from "vitest";
import { listEvents } from "../audit";
import { getKernelSettings } from "./kernel-settings";
import { getNotebookSettings, updateNotebookSettings } from "./notebook-settings";
import { notebookSettingsInputSchema, parsePackagesUrl } from "./packages-url";

const admin = { id: "admin-id", email: "admin@example.test" };
const MIRROR = "http://pyodide.mirror.internal/v0.27/full/";

afterEach(() => {
  vi.unstubAllEnvs();
  updateNotebookSettings({ input: { pyodidePackagesUrl: null }, actor: admin });
});

describe("the Pyodide package repository in force", () => {
  it("is none until an administrator sets one, then theirs, handed to session pages", () => {
    expect(getNotebookSettings()).toEqual({ pyodidePackagesUrl: null, source: "none" });
    expect(getKernelSettings().packagesUrl).toBeUndefined();

    expect(updateNotebookSettings({ input: { pyodidePackagesUrl: MIRROR }, actor: admin })).toEqual({ pyodidePackagesUrl: MIRROR, source: "setting" });
    expect(getNotebookSettings()).toEqual({ pyodidePackagesUrl: MIRROR, source: "setting" });
    expect(getKernelSettings()).toEqual({ indexURL: expect.stringMatching(/^\/pyodide\/\d+\.\d+\.\d+[^/]*\/$/), packagesUrl: MIRROR });

    updateNotebookSettings({ input: { pyodidePackagesUrl: null }, actor: admin });
    expect(getNotebookSettings()).toEqual({ pyodidePackagesUrl: null, source: "none" });
    expect(getKernelSettings().packagesUrl).toBeUndefined();
  });

  it("is BENCHTOP_PYODIDE_PACKAGES_URL when the environment sets it, over the setting, which it then refuses to change", () => {
    updateNotebookSettings({ input: { pyodidePackagesUrl: MIRROR }, actor: admin });
    vi.stubEnv("BENCHTOP_PYODIDE_PACKAGES_URL", "https://cdn.example.test/pyodide/full");

    expect(getNotebookSettings()).toEqual({ pyodidePackagesUrl: "https://cdn.example.test/pyodide/full/", source: "environment" });
    expect(getKernelSettings().packagesUrl).toBe("https://cdn.example.test/pyodide/full/");
    expect(() => updateNotebookSettings({ input: { pyodidePackagesUrl: null }, actor: admin })).toThrow(
      expect.objectContaining({ code: "conflict", message: expect.stringContaining("set by BENCHTOP_PYODIDE_PACKAGES_URL") }),
    );

    vi.unstubAllEnvs();
    expect(getNotebookSettings()).toEqual({ pyodidePackagesUrl: MIRROR, source: "setting" });
  });

  it("records each change in the audit trail with the value before it", () => {
    updateNotebookSettings({ input: { pyodidePackagesUrl: MIRROR }, actor: admin });
    updateNotebookSettings({ input: { pyodidePackagesUrl: "https://cdn.example.test/full/" }, actor: admin });
    const [latest] = listEvents({ action: "admin.notebooks_updated", page: 1, perPage: 1 }).events;
    expect(latest).toMatchObject({ actor: { email: admin.email }, detail: { pyodidePackagesUrl: "https://cdn.example.test/full/", previous: MIRROR } });
  });
});

describe("a package repository URL", () => {
  it("is an absolute http(s) URL, given a final slash; empty means none", () => {
    expect(parsePackagesUrl(" https://cdn.jsdelivr.net/pyodide/v0.27.0/full ")).toEqual({ url: "https://cdn.jsdelivr.net/pyodide/v0.27.0/full/" });
    expect(parsePackagesUrl("http://10.0.0.5:8080/pyodide/")).toEqual({ url: "http://10.0.0.5:8080/pyodide/" });
    expect(parsePackagesUrl("  ")).toEqual({ url: null });
  });

  it("is refused, saying why, when it cannot serve as the kernel's package folder", () => {
    expect(parsePackagesUrl("cdn.jsdelivr.net/pyodide")).toEqual({ error: expect.stringContaining("Give an absolute URL") });
    expect(parsePackagesUrl("ftp://mirror.example.test/full/")).toEqual({ error: expect.stringContaining("https://") });
    expect(parsePackagesUrl("https://me:secret@mirror.example.test/full/")).toEqual({ error: expect.stringContaining("Leave the user name and password out") });
    expect(parsePackagesUrl("https://mirror.example.test/full/?v=1")).toEqual({ error: expect.stringContaining("without a ?query") });
    expect(parsePackagesUrl(`https://mirror.example.test/${"a".repeat(2000)}`)).toEqual({ error: expect.stringContaining("at most 2000") });
  });

  it("is read from the API body as a string, null or empty", () => {
    expect(notebookSettingsInputSchema.parse({ pyodidePackagesUrl: "" })).toEqual({ pyodidePackagesUrl: null });
    expect(notebookSettingsInputSchema.safeParse({}).error?.issues[0]).toMatchObject({ path: ["pyodidePackagesUrl"], message: expect.stringContaining("null for none") });
    expect(notebookSettingsInputSchema.safeParse({ pyodidePackagesUrl: 42 }).success).toBe(false);
  });
});
