// Validates emulator answers against GitHub's own OpenAPI description
// (@octokit/openapi). OpenAPI 3.0 is not JSON Schema: `nullable` becomes a type
// union, and `discriminator` (with `mapping`, which Ajv does not take) is
// dropped, leaving the plain `oneOf` it annotates.
import fs from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

const require = createRequire(import.meta.url);

function toJsonSchema(node: unknown, id: string): unknown {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item, id));
  if (!node || typeof node !== "object") return node;
  const { nullable, discriminator: _discriminator, example: _example, ...rest } = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    // Property names are data, not keywords: only descend.
    if (key === "properties" && value && typeof value === "object") {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, toJsonSchema(schema, id)]));
    } else if (key === "$ref" && typeof value === "string" && value.startsWith("#/")) {
      out[key] = `${id}${value}`;
    } else {
      out[key] = toJsonSchema(value, id);
    }
  }
  if (nullable !== true) return out;
  if (typeof out.type === "string") {
    out.type = [out.type, "null"];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: "null" }] };
}

type Spec = { paths: Record<string, Record<string, { responses: Record<string, any> }>>; components: { responses: Record<string, any>; schemas: Record<string, unknown> } };

export type OpenApiValidator = {
  /** The description's name, e.g. "ghes-3.19". */
  name: string;
  /** Errors of `data` against a components schema ("full-repository"), or null when valid. */
  checkSchema(schema: string, data: unknown): ErrorObject[] | null;
  /** Errors of `data` against an operation's JSON response ("/repos/{owner}/{repo}", "get", 200), or null. */
  checkResponse(path: string, method: string, status: number, data: unknown): ErrorObject[] | null;
  /** Errors of `data` against a shared response of components.responses ("service_unavailable"), or null. */
  checkNamedResponse(name: string, data: unknown): ErrorObject[] | null;
};

/** Loads one of @octokit/openapi's generated descriptions ("ghes-3.19", "api.github.com"). */
export function loadOpenApiValidator(name: string): OpenApiValidator {
  const spec = JSON.parse(fs.readFileSync(require.resolve(`@octokit/openapi/generated/${name}.json`), "utf8")) as Spec;
  const id = `https://openapi.test/${name}.json`;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // OpenAPI's numeric and binary formats say nothing JSON Schema can check.
  for (const format of ["int32", "int64", "float", "double", "byte", "binary", "password"]) ajv.addFormat(format, true);
  ajv.addSchema({ $id: id, components: { schemas: toJsonSchema(spec.components.schemas, id) } });
  const cache = new Map<string, ValidateFunction>();

  const run = (cacheKey: string, schema: () => object, data: unknown) => {
    let validate = cache.get(cacheKey);
    if (!validate) {
      validate = ajv.compile(schema());
      cache.set(cacheKey, validate);
    }
    return validate(data) ? null : (validate.errors ?? []);
  };

  return {
    name,
    checkSchema: (schema, data) => {
      if (!spec.components.schemas[schema]) throw new Error(`${name} has no schema ${schema}`);
      return run(`schema:${schema}`, () => ({ $ref: `${id}#/components/schemas/${schema}` }), data);
    },
    checkResponse: (path, method, status, data) => {
      let response = spec.paths[path]?.[method]?.responses?.[String(status)];
      if (!response) throw new Error(`${name} documents no ${status} answer for ${method.toUpperCase()} ${path}`);
      if (typeof response.$ref === "string") response = spec.components.responses[response.$ref.split("/").pop()!];
      const schema = response?.content?.["application/json"]?.schema;
      if (!schema) throw new Error(`${name} has no JSON schema for ${status} of ${method.toUpperCase()} ${path}`);
      return run(`response:${method}:${path}:${status}`, () => toJsonSchema(schema, id) as object, data);
    },
    checkNamedResponse: (responseName, data) => {
      const schema = spec.components.responses[responseName]?.content?.["application/json"]?.schema;
      if (!schema) throw new Error(`${name} has no JSON response ${responseName}`);
      return run(`named:${responseName}`, () => toJsonSchema(schema, id) as object, data);
    },
  };
}
