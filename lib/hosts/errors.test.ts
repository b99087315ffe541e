import { describe, expect, it } from "vitest";
import { AppError, isAppError } from "../errors";
import { actionFailed, errorResponse } from "../http";
import { HostError } from "./errors";

describe("a HostError's kind and its API code", () => {
  it("keeps the host's kind in code and answers the API with apiCode: a host's not_found is a 502, never Benchtop's 404", async () => {
    const error = new HostError("not_found", "GitHub has no repository acme/gone that the token can see. Check the address.");
    expect([error.code, error.apiCode, error.status]).toEqual(["not_found", "upstream_error", 502]);
    expect(isAppError(error) && error.apiCode === "not_found").toBe(false);

    const res = errorResponse(error);
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({ error: { code: "upstream_error", message: error.message } });
    expect(actionFailed(error)).toEqual({ status: "error", message: error.message, fieldErrors: undefined });
  });

  it("answers a rate limit with 429 and retry-after, and a refused location as invalid_input on its field", async () => {
    const limited = new HostError("rate_limited", "GitHub's rate limit is used up.", { resetAt: new Date(Date.now() + 60_000) });
    const res = errorResponse(limited);
    expect([limited.code, limited.apiCode, res.status]).toEqual(["rate_limited", "rate_limited", 429]);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);

    const refused = new HostError("not_allowed", "That host resolves to a private address.", { field: "url" });
    expect([refused.code, refused.apiCode]).toEqual(["not_allowed", "invalid_input"]);
    expect(await errorResponse(refused).json()).toEqual({ error: { code: "invalid_input", message: refused.message, fields: { url: refused.message } } });
  });

  it("gives a plain AppError its API code in both fields", () => {
    const error = new AppError("conflict", "That name is taken. Choose another.");
    expect([error.code, error.apiCode, error.status]).toEqual(["conflict", "conflict", 409]);
  });
});
