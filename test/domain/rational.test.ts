import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Rational,
  add,
  compare,
  div,
  formatHalfUp,
  fromDecimal,
  gcd,
  isZero,
  mul,
  rational,
  roundHalfUp,
  sub,
  sum,
  toNumber,
} from "../../src/domain/rational.js";
import { q } from "./fixtures.js";

const isNormalised = (x: Rational): boolean => x.d > 0n && gcd(x.n, x.d) === (x.n === 0n ? x.d : 1n) && (x.n !== 0n || x.d === 1n);

const arbRational = fc
  .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 9n }))
  .map(([n, d]) => rational(n, d));

describe("rational(n, d)", () => {
  it.each([
    [2n, 4n, 1n, 2n],
    [3n, -6n, -1n, 2n],
    [-3n, -6n, 1n, 2n],
    [0n, 5n, 0n, 1n],
    [7n, 1n, 7n, 1n],
  ])("normalises %s/%s to %s/%s", (n, d, en, ed) => {
    expect(rational(n, d)).toEqual({ n: en, d: ed });
  });

  it("rejects a zero denominator", () => {
    expect(() => rational(1n, 0n)).toThrow(RangeError);
  });
});

describe("fromDecimal", () => {
  it.each([
    [0.1, 1n, 10n],
    [87.125, 697n, 8n],
    [30, 30n, 1n],
    [-2.5, -5n, 2n],
    [0.29, 29n, 100n],
    [1e-7, 1n, 10_000_000n],
    [1.5e21, 1_500_000_000_000_000_000_000n, 1n],
    [0.30000000000000004, 7_500_000_000_000_001n, 25_000_000_000_000_000n],
    [-0, 0n, 1n],
  ])("reads %s exactly as its decimal text says", (value, n, d) => {
    expect(fromDecimal(value)).toEqual({ n, d });
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])("rejects %s", (value) => {
    expect(() => fromDecimal(value)).toThrow(RangeError);
  });
});

describe("arithmetic", () => {
  it.each([
    ["add", add(q(1, 3), q(1, 6)), q(1, 2)],
    ["add with a shared denominator", add(q(1, 4), q(1, 4)), q(1, 2)],
    ["sub", sub(q(1, 2), q(1, 3)), q(1, 6)],
    ["sub to zero", sub(q(5, 7), q(5, 7)), q(0)],
    ["mul", mul(q(2, 3), q(9, 4)), q(3, 2)],
    ["div", div(q(2, 3), q(4, 9)), q(3, 2)],
    ["div by a negative", div(q(1, 2), q(-1, 4)), q(-2)],
    ["sum", sum([q(1, 2), q(1, 3), q(1, 6)]), q(1)],
    ["sum of nothing", sum([]), q(0)],
    ["sum of mixed denominators", sum([q(88), q(254, 3), q(87, 100)]), q(52061, 300)],
  ])("%s", (_, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it("refuses to divide by zero", () => {
    expect(() => div(q(1), q(0))).toThrow(RangeError);
  });

  it.each([
    [q(1, 3), q(1, 2), -1],
    [q(1, 2), q(2, 4), 0],
    [q(-1, 2), q(-1, 3), -1],
    [q(87, 1), q(8699, 100), 1],
  ])("compare(%o, %o) is %i", (a, b, expected) => {
    expect(compare(a, b)).toBe(expected);
  });

  it("isZero is true only for zero", () => {
    expect([isZero(q(0)), isZero(q(1, 1000)), isZero(sub(q(1, 3), q(1, 3)))]).toEqual([true, false, true]);
  });

  it.each([
    [q(1, 3), 1 / 3],
    [q(87125, 1000), 87.125],
    [rational(10n ** 30n, 3n), 1e30 / 3],
    [rational(1n, 3n * 10n ** 30n), 1 / 3e30],
  ])("toNumber(%o) is %f", (value, expected) => {
    expect(toNumber(value)).toBeCloseTo(expected, 12);
    expect(toNumber(value) / expected).toBeCloseTo(1, 12);
  });
});

describe("formatHalfUp", () => {
  it.each([
    [q(87125, 1000), 2, "87.13"],
    [q(90), 2, "90.00"],
    [q(87124999, 1000000), 2, "87.12"],
    [q(5, 1000), 2, "0.01"],
    [q(4, 1000), 2, "0.00"],
    [q(1, 3), 2, "0.33"],
    [q(2, 3), 2, "0.67"],
    [q(2561, 30), 2, "85.37"],
    [q(-87125, 1000), 2, "-87.13"],
    [q(-1, 1000), 2, "0.00"],
    [q(5, 2), 0, "3"],
    [q(1, 8), 3, "0.125"],
    [q(1, 16), 3, "0.063"],
    [q(100), 1, "100.0"],
  ])("rounds %o to %i decimals as %s", (value, decimals, expected) => {
    expect(formatHalfUp(value, decimals)).toBe(expected);
  });

  it("rounds to two decimals by default", () => {
    expect(formatHalfUp(q(175, 2))).toBe("87.50");
  });

  it("roundHalfUp gives the same value as a rational", () => {
    expect(roundHalfUp(q(87125, 1000))).toEqual(q(8713, 100));
  });

  it("rejects a negative number of decimals", () => {
    expect(() => formatHalfUp(q(1), -1)).toThrow(RangeError);
  });
});

/** Half-up rounding done on the digits of a decimal string, as by hand. */
const roundDecimalText = (text: string): string => {
  const negative = text.startsWith("-");
  const [whole = "0", fraction = ""] = text.replace("-", "").split(".");
  const padded = `${fraction}000`;
  let kept = BigInt(`${whole}${padded.slice(0, 2)}`);
  if ((padded[2] ?? "0") >= "5") kept += 1n;
  const digits = kept.toString().padStart(3, "0");
  const sign = negative && kept !== 0n ? "-" : "";
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
};

describe("properties", () => {
  it("formatHalfUp matches rounding the decimal digits by hand", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 10n), max: 10n ** 10n }), fc.integer({ min: 0, max: 6 }), (k, e) => {
        const magnitude = (k < 0n ? -k : k).toString().padStart(e + 1, "0");
        const text = `${k < 0n ? "-" : ""}${e === 0 ? magnitude : `${magnitude.slice(0, -e)}.${magnitude.slice(-e)}`}`;
        expect(formatHalfUp(rational(k, 10n ** BigInt(e)))).toBe(roundDecimalText(text));
      }),
    );
  });

  it("formatHalfUp matches the first three digits of the long division", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (n, d) => {
        const thousandths = (n * 1000n) / d;
        const hundredths = thousandths / 10n + (thousandths % 10n >= 5n ? 1n : 0n);
        const digits = hundredths.toString().padStart(3, "0");
        expect(formatHalfUp(rational(n, d))).toBe(`${digits.slice(0, -2)}.${digits.slice(-2)}`);
      }),
    );
  });

  it("every operation returns a normalised fraction", () => {
    fc.assert(
      fc.property(arbRational, arbRational, (a, b) => {
        for (const x of [add(a, b), sub(a, b), mul(a, b), sum([a, b, a]), ...(isZero(b) ? [] : [div(a, b)])]) {
          expect(isNormalised(x)).toBe(true);
        }
      }),
    );
  });

  it("sub undoes add and div undoes mul", () => {
    fc.assert(
      fc.property(arbRational, arbRational, (a, b) => {
        expect(sub(add(a, b), b)).toEqual(a);
        if (!isZero(b)) expect(div(mul(a, b), b)).toEqual(a);
      }),
    );
  });

  it("fromDecimal of a two-decimal number is exactly hundredths", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (h) => {
        expect(fromDecimal(h / 100)).toEqual(rational(BigInt(h), 100n));
      }),
    );
  });

  it("compare agrees with the numbers for small values", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10000, max: 10000 }), fc.integer({ min: -10000, max: 10000 }), (a, b) => {
        expect(compare(fromDecimal(a / 100), fromDecimal(b / 100))).toBe(Math.sign(a - b) + 0);
      }),
    );
  });
});
