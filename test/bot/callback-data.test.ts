// Button data is checked once per text: a press of the same button again gets the same (frozen)
// decoded data, and malformed data stays refused however often it comes.
import { describe, expect, it } from "vitest";
import { decodeCallback, encodeCallback } from "../../src/bot/callback-data.js";

describe("decodeCallback", () => {
  it("decodes the same data the same way every time, sharing one frozen result", () => {
    const data = encodeCallback("v", "abc123def0", 2, 1, 7.5);
    const first = decodeCallback(data);
    expect(first).toEqual({ kind: "v", args: ["abc123def0", 2, 1, 7.5] });
    expect(decodeCallback(data)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first!.args)).toBe(true);
  });

  it("refuses malformed data every time", () => {
    for (const data of ["v|abc123def0|2|1|7.555", "v|ABC|2|1|7", "z|abc123def0|1", "v|abc123def0|2|1"]) {
      expect(decodeCallback(data)).toBeUndefined();
      expect(decodeCallback(data)).toBeUndefined();
    }
  });
});
