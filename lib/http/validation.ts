import type { z } from "zod";
import { AppError } from "../errors";
import { readBoundedBody } from "./read-bounded-body";

const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** zod issues as `{field: message}` (first message per field). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "body";
    fields[key] ??= issue.message;
  }
  return fields;
}

export function invalidInput(fields: Record<string, string>): AppError {
  const first = Object.values(fields)[0];
  return new AppError("invalid_input", first ? `Check the highlighted fields: ${first}` : "Check the input and try again.", { fields });
}

/** Validates a value, turning failures into `invalid_input` with per-field messages. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidInput(fieldErrors(parsed.error));
  return parsed.data;
}

async function readLimited(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  const tooLarge = () => new AppError("too_large", `The request body is over ${Math.round(maxBytes / 1024)} KB. Send less data.`);
  if (declared > maxBytes) throw tooLarge();
  return readBoundedBody(request.body, maxBytes, tooLarge);
}

/**
 * Reads a JSON body with a size limit and validates it. Bodies must say they are
 * JSON (`application/json`, or another of `contentTypes`, such as Git LFS's
 * own), which also keeps cross-site forms from posting to the API.
 */
export async function readJson<S extends z.ZodType>(
  request: Request,
  schema: S,
  { maxBytes = DEFAULT_BODY_LIMIT, contentTypes = ["application/json"] }: { maxBytes?: number; contentTypes?: string[] } = {},
): Promise<z.infer<S>> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (!type || !contentTypes.includes(type)) {
    throw new AppError("invalid_input", `Send the body as JSON with 'Content-Type: ${contentTypes[0]}'.`, { fields: { body: "Expected a JSON body." } });
  }
  const raw = await readLimited(request, maxBytes);
  let value: unknown;
  try {
    value = raw.trim() === "" ? undefined : JSON.parse(raw);
  } catch {
    throw new AppError("invalid_input", "The body is not valid JSON. Check quotes, commas and brackets.", { fields: { body: "Not valid JSON." } });
  }
  if (value === undefined || value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new AppError("invalid_input", "Send a JSON object as the body.", { fields: { body: "Expected a JSON object." } });
  }
  return parseWith(schema, value);
}

/** Validates the query string. */
export function readQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  return parseWith(schema, Object.fromEntries(new URL(request.url).searchParams));
}
