import path from "node:path";
import { expect, inject } from "vitest";
import { adminToken, api, attemptBrowserSignIn, unique, type ApiResult } from "../helpers/api";
import { gitOk } from "../helpers/git";

/** The error codes API.md allows. */
export const ERROR_CODES = [
  "invalid_input",
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "connection_required",
  "too_large",
  "rate_limited",
  "upstream_error",
  "internal",
] as const;

// A V8 stack frame ("    at fn (/path/file.js:10:5)") or a bundler path: never in an answer.
const STACK_TRACE = /\n\s+at\s|\bat\s+\S+\s+\(\S+:\d+:\d+\)|node_modules|webpack-internal|\.next\/server/;

/** What every API answer must honour: no secrets of the password store, no stack trace, errors in the documented shape. */
export function assertSafeAnswer(res: ApiResult, where = ""): void {
  const context = `${where} -> ${res.status} ${res.text.slice(0, 500)}`;
  expect(res.text, context).not.toMatch(/passwordHash|password_hash|\$argon2/);
  expect(res.text, context).not.toMatch(STACK_TRACE);
  if (res.status >= 400) expectErrorShape(res, where);
}

/** `{"error":{"code","message"}}` (plus `fields` for validation), served as JSON. */
export function expectErrorShape(res: ApiResult, where = ""): void {
  const context = `${where} -> ${res.status} ${res.text.slice(0, 500)}`;
  expect(res.headers.get("content-type") ?? "", context).toMatch(/^application\/json/);
  expect(res.body, context).toBeTypeOf("object");
  expect(res.body?.error, context).toBeTypeOf("object");
  expect(ERROR_CODES, context).toContain(res.body.error.code);
  expect(res.body.error.message, context).toBeTypeOf("string");
  expect(res.body.error.message.length, context).toBeGreaterThan(0);
  for (const key of Object.keys(res.body.error)) expect(["code", "message", "fields"], context).toContain(key);
  if (res.body.error.fields !== undefined) {
    expect(res.body.error.fields, context).toBeTypeOf("object");
    for (const message of Object.values(res.body.error.fields)) expect(message, context).toBeTypeOf("string");
  }
}

type CallOptions = Parameters<typeof api>[1];

/** `api()`, checking every answer with `assertSafeAnswer`. */
export async function call<T = any>(pathname: string, options: CallOptions = {}): Promise<ApiResult<T>> {
  const res = await api<T>(pathname, options);
  assertSafeAnswer(res, `${options.method ?? "GET"} ${pathname}`);
  return res;
}

/** Asserts an error answer: status, code, and (optionally) the fields named. */
export function expectError(res: ApiResult, status: number, code: (typeof ERROR_CODES)[number], fields: string[] = []): void {
  const context = `${res.status} ${res.text.slice(0, 500)}`;
  expect(res.status, context).toBe(status);
  expectErrorShape(res);
  expect(res.body.error.code, context).toBe(code);
  for (const field of fields) {
    expect(res.body.error.fields, context).toBeTypeOf("object");
    expect(res.body.error.fields[field], `${context} (field ${field})`).toBeTypeOf("string");
    expect(res.body.error.fields[field].length, context).toBeGreaterThan(0);
  }
}

/** An ISO 8601 UTC time as the API gives it. */
export function expectIsoTime(value: unknown): void {
  expect(value).toBeTypeOf("string");
  expect(value as string).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  expect(Number.isNaN(new Date(value as string).getTime())).toBe(false);
}

/** A user as API.md describes it, and nothing secret. */
export function expectUserView(user: any, expected: Partial<{ id: string; email: string; name: string; handle: string; role: string; disabled: boolean }> = {}): void {
  for (const key of ["id", "email", "name", "handle", "role", "disabled", "createdAt"]) expect(user).toHaveProperty(key);
  expectNoSecretKeys(user);
  expect(user.id).toBeTypeOf("string");
  expect(user.handle).toMatch(/^[a-z0-9._-]+$/);
  expect(["user", "admin"]).toContain(user.role);
  expect(user.disabled).toBeTypeOf("boolean");
  expectIsoTime(user.createdAt);
  expect(user).toMatchObject(expected);
}

/** No key that could hold a credential (API.md: secrets are never returned). */
export function expectNoSecretKeys(value: Record<string, unknown>): void {
  for (const key of Object.keys(value)) expect(key).not.toMatch(/password|hash|digest|secret/i);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const randomPassword = () => `pw-${unique("")}-${unique("")}`;

/** Creates an account through the admin API with the given email; returns the raw answer. */
export async function adminCreateUser(body: { email: string; name?: string; password?: string; role?: "user" | "admin" }) {
  return call("/api/v1/users", {
    method: "POST",
    token: await adminToken(),
    body: { name: "Test User", password: randomPassword(), role: "user", ...body },
  });
}

/** POST /api/v1/tokens (a sign-in: a wrong password counts toward the failed sign-in limit). */
export function requestToken(body: { email: string; password: string; name?: string; expiresAt?: string | null }) {
  return call("/api/v1/tokens", { method: "POST", body: { name: unique("tok-"), ...body } });
}

/** Signs in like the browser's sign-in page, without throwing on a refusal (see attemptBrowserSignIn). */
export async function browserSignIn(user: { email: string; password: string }): Promise<{ cookie?: string; location: string | null }> {
  const { cookie, location } = await attemptBrowserSignIn(user);
  return { cookie, location };
}

/** The bare repository of an internal project, in the test server's DATA_DIR. */
export const bareRepo = (projectId: string) => path.join(inject("dataDir"), "repos", `${projectId}.git`);

/** A file's content on a ref of a project's bare repository. */
export const readRepoFile = (projectId: string, ref: string, file: string) => gitOk(["--git-dir", bareRepo(projectId), "show", `${ref}:${file}`]);

/** Parses RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else {
      field += c;
    }
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
