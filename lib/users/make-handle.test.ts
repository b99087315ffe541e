import { describe, expect, it } from "vitest";
import { makeHandle } from "./make-handle";

const none = () => false;

describe("makeHandle", () => {
  it("takes the local part, lower-cased and reduced", () => {
    expect(makeHandle({ email: "Ada.Lovelace+lab@example.com", isTaken: none })).toBe("ada.lovelacelab");
    expect(makeHandle({ email: "o'brien_x-1@example.com", isTaken: none })).toBe("obrien_x-1");
  });

  it("numbers a taken handle", () => {
    const taken = new Set(["ada", "ada2"]);
    expect(makeHandle({ email: "ada@a.io", isTaken: (h) => taken.has(h) })).toBe("ada3");
  });

  it("never yields an empty or dot-leading handle", () => {
    expect(makeHandle({ email: "+++@a.io", isTaken: none })).toBe("user");
    expect(makeHandle({ email: ".hidden@a.io", isTaken: none })).toBe("hidden");
  });
});
