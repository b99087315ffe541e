import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSha256 } from "./sha256";

describe("createSha256", () => {
  it("gives Node's digest for every length around the block boundaries, fed whole or in uneven pieces", () => {
    for (const size of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 65_537]) {
      const bytes = randomBytes(size);
      const expected = createHash("sha256").update(bytes).digest("hex");
      const whole = createSha256();
      whole.update(bytes);
      expect(whole.hex(), `${size} bytes`).toBe(expected);
      const pieces = createSha256();
      for (let at = 0, step = 1; at < size; at += step, step = (step * 7) % 97 + 1) pieces.update(bytes.subarray(at, at + step));
      expect(pieces.hex(), `${size} bytes in pieces`).toBe(expected);
    }
  });
});
