import { describe, expect, it } from "vitest";
import { errorCodesOf, isTlsErrorCode, unreachableError } from "./unreachable";

describe("a host that gave no answer", () => {
  it("finds the codes along fetch's cause chain, in aggregated connection errors, and counts an abort as a timeout", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    const aggregate = Object.assign(new AggregateError([refused, Object.assign(new Error("x"), { code: "EHOSTUNREACH" })]), { code: undefined });
    expect(errorCodesOf(new TypeError("fetch failed", { cause: aggregate }))).toEqual(["ECONNREFUSED", "EHOSTUNREACH"]);
    expect(errorCodesOf(Object.assign(new Error("aborted"), { name: "AbortError" }))).toEqual(["ETIMEDOUT"]);
  });

  it("tells certificate failures from the rest", () => {
    expect(["CERT_HAS_EXPIRED", "DEPTH_ZERO_SELF_SIGNED_CERT", "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "ERR_TLS_CERT_ALTNAME_INVALID"].every(isTlsErrorCode)).toBe(true);
    expect(["ECONNRESET", "ENOTFOUND"].some(isTlsErrorCode)).toBe(false);
  });

  it("words a timeout, an unresolved name and a refused connection apart", () => {
    expect(unreachableError({ host: "git.example", code: "ETIMEDOUT", cause: null }).message).toMatch(/did not answer in time/);
    expect(unreachableError({ host: "git.example", code: "ENOTFOUND", cause: null }).message).toMatch(/the name does not resolve/);
    expect(unreachableError({ host: "git.example", code: "ECONNREFUSED", cause: null }).message).toMatch(/the connection failed/);
  });
});
