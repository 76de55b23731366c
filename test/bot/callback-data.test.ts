// Button data is checked once per text: a press of the same button again gets the same (frozen)
// decoded data, and malformed data stays refused however often it comes.
import { describe, expect, it } from "vitest";
import { createCallbackDecoder, decodeCallback, encodeCallback } from "../../src/bot/callback-data.js";

describe("decodeCallback", () => {
  it("decodes the same data the same way every time, a bot's decoder sharing one frozen result", () => {
    const data = encodeCallback("v", "abc123def0", 2, 1, 7.5);
    const decode = createCallbackDecoder();
    const first = decode(data);
    expect(first).toEqual({ kind: "v", args: ["abc123def0", 2, 1, 7.5] });
    expect(decode(data)).toBe(first);
    expect(decodeCallback(data)).toEqual(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first!.args)).toBe(true);
  });

  it("refuses malformed data every time", () => {
    const decode = createCallbackDecoder();
    for (const data of ["v|abc123def0|2|1|7.555", "v|ABC|2|1|7", "z|abc123def0|1", "v|abc123def0|2|1"]) {
      expect(decode(data)).toBeUndefined();
      expect(decode(data)).toBeUndefined();
      expect(decodeCallback(data)).toBeUndefined();
    }
  });
});
