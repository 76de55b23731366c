// Exact rational arithmetic on BigInt, so that scores, means and weights never drift.

/** An exact fraction n/d, always normalised: d > 0 and gcd(|n|, d) = 1 (zero is 0/1). */
export type Rational = { readonly n: bigint; readonly d: bigint };

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

const abs = (value: bigint): bigint => (value < 0n ? -value : value);

const gcdOfNumbers = (a: number, b: number): number => {
  while (b !== 0) {
    const rest = a % b;
    a = b;
    b = rest;
  }
  return a;
};

/** Greatest common divisor of |a| and |b|; gcd(0, 0) = 0. */
export const gcd = (a: bigint, b: bigint): bigint => {
  let x = abs(a);
  let y = abs(b);
  if (x <= MAX_SAFE && y <= MAX_SAFE) return BigInt(gcdOfNumbers(Number(x), Number(y)));
  while (y !== 0n) {
    const rest = x % y;
    x = y;
    y = rest;
  }
  return x;
};

/** Least common multiple of two positive integers. */
export const lcm = (a: bigint, b: bigint): bigint => (a === b ? a : (a / gcd(a, b)) * b);

/** The normalised fraction n/d; throws a RangeError when d is 0. */
export const rational = (n: bigint, d: bigint = 1n): Rational => {
  if (d === 0n) throw new RangeError("rational: denominator is zero");
  if (d < 0n) [n, d] = [-n, -d];
  if (d === 1n) return { n, d };
  const divisor = gcd(n, d);
  return divisor === 1n ? { n, d } : { n: n / divisor, d: d / divisor };
};

/**
 * n/d from two integers given as numbers, normalised with number arithmetic when both are safe
 * integers (the fast path for hot loops); throws a RangeError when d is 0 or either is not an integer.
 */
export const ratio = (n: number, d: number): Rational => {
  if (!Number.isInteger(n) || !Number.isInteger(d)) throw new RangeError(`ratio: not integers: ${n}/${d}`);
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d)) return rational(BigInt(n), BigInt(d));
  if (d === 0) throw new RangeError("ratio: denominator is zero");
  const divisor = gcdOfNumbers(Math.abs(n), Math.abs(d)) * Math.sign(d);
  return { n: BigInt(n / divisor), d: BigInt(d / divisor) };
};

export const ZERO: Rational = { n: 0n, d: 1n };
export const ONE: Rational = { n: 1n, d: 1n };

export const fromInt = (value: number | bigint): Rational => {
  if (typeof value === "number" && !Number.isSafeInteger(value)) {
    throw new RangeError(`fromInt: not a safe integer: ${value}`);
  }
  return { n: BigInt(value), d: 1n };
};

const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

/**
 * The exact value of the number's shortest decimal form (`String(value)`), so 0.1 is 1/10,
 * not the binary double nearest to it. Handles exponent forms such as 1e-7 and 1.5e+21.
 */
export const fromDecimal = (value: number): Rational => {
  if (Number.isSafeInteger(value)) return { n: BigInt(value), d: 1n };
  const match = Number.isFinite(value) ? DECIMAL_TEXT.exec(String(value)) : null;
  if (!match) throw new RangeError(`fromDecimal: not a finite number: ${value}`);
  const [, sign = "", whole = "", fraction = "", exponent = "0"] = match;
  const digits = BigInt(`${sign}${whole}${fraction}`);
  const power = Number(exponent) - fraction.length;
  return power >= 0 ? { n: digits * 10n ** BigInt(power), d: 1n } : rational(digits, 10n ** BigInt(-power));
};

export const add = (a: Rational, b: Rational): Rational =>
  a.d === b.d ? rational(a.n + b.n, a.d) : rational(a.n * b.d + b.n * a.d, a.d * b.d);

export const sub = (a: Rational, b: Rational): Rational =>
  a.d === b.d ? rational(a.n - b.n, a.d) : rational(a.n * b.d - b.n * a.d, a.d * b.d);

export const mul = (a: Rational, b: Rational): Rational => rational(a.n * b.n, a.d * b.d);

/** a / b; throws a RangeError when b is zero. */
export const div = (a: Rational, b: Rational): Rational => {
  if (b.n === 0n) throw new RangeError("div: division by zero");
  return rational(a.n * b.d, a.d * b.n);
};

export const neg = (a: Rational): Rational => ({ n: -a.n, d: a.d });

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export const compare = (a: Rational, b: Rational): -1 | 0 | 1 => {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
};

export const equals = (a: Rational, b: Rational): boolean => a.n === b.n && a.d === b.d;

export const isZero = (a: Rational): boolean => a.n === 0n;

/** Sum of the values; values sharing a denominator are added without intermediate gcd work. */
export const sum = (values: readonly Rational[]): Rational => {
  let n = 0n;
  let d = 1n;
  for (const value of values) {
    if (value.d === d) {
      n += value.n;
    } else {
      const common = lcm(d, value.d);
      n = n * (common / d) + value.n * (common / value.d);
      d = common;
    }
  }
  return rational(n, d);
};

const bitLength = (value: bigint): number => value.toString(2).length;

/** The nearest double, or very close to it for values whose parts exceed 2^53. */
export const toNumber = (a: Rational): number => {
  if (abs(a.n) <= MAX_SAFE && a.d <= MAX_SAFE) return Number(a.n) / Number(a.d);
  const shift = bitLength(a.d) - bitLength(abs(a.n)) + 64;
  const quotient = shift >= 0 ? (a.n << BigInt(shift)) / a.d : a.n / (a.d << BigInt(-shift));
  return Number(quotient) * 2 ** -shift;
};

const checkDecimals = (decimals: number): bigint => {
  if (!Number.isInteger(decimals) || decimals < 0) {
    throw new RangeError(`decimals must be a non-negative integer: ${decimals}`);
  }
  return 10n ** BigInt(decimals);
};

/**
 * a · 10^decimals rounded half up to an integer. "Half up" rounds halves away from zero
 * (87.125 → 8713 at two decimals, -87.125 → -8713), as people round by hand.
 */
export const scaleHalfUp = (a: Rational, decimals = 2): bigint => {
  const scale = checkDecimals(decimals);
  const magnitude = (2n * abs(a.n) * scale + a.d) / (2n * a.d);
  return a.n < 0n ? -magnitude : magnitude;
};

/** a rounded half up (away from zero) to `decimals` places. */
export const roundHalfUp = (a: Rational, decimals = 2): Rational =>
  rational(scaleHalfUp(a, decimals), checkDecimals(decimals));

/** a rounded half up to `decimals` places, always with that many places: 90 → "90.00". */
export const formatHalfUp = (a: Rational, decimals = 2): string => {
  const scaled = scaleHalfUp(a, decimals);
  const digits = abs(scaled).toString().padStart(decimals + 1, "0");
  const sign = scaled < 0n ? "-" : "";
  if (decimals === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
};
