// Shared setups for the domain specifications.
import { type ContestSetup, ContestSetupSchema } from "../../src/domain/contest.js";
import { CONTEST_TEMPLATE_JSON, parseContestJson } from "../../src/domain/contest-file.js";
import { type Rational, fromDecimal } from "../../src/domain/rational.js";
import type { PresenterResult } from "../../src/domain/scoring.js";

/** A setup with schema defaults filled in. */
export const setupOf = (input: Record<string, unknown>): ContestSetup =>
  ContestSetupSchema.parse({ title: "Test", ...input });

/** The template contest (CONTEST_TEMPLATE_JSON): 4 criteria, 2 panels 70/30, trimmed (1), blend 60/40. */
export const templateSetup = (): ContestSetup => {
  const parsed = parseContestJson(CONTEST_TEMPLATE_JSON);
  if (!parsed.ok) throw new Error(`template does not parse: ${JSON.stringify(parsed.errors)}`);
  return parsed.value;
};

/** A decimal such as "87.22" as an exact rational. */
export const r = (text: string): Rational => {
  const [whole = "0", fraction = ""] = text.split(".");
  const sign = whole.startsWith("-") ? -1n : 1n;
  const digits = BigInt(whole.replace("-", "") + fraction);
  return reduce(sign * digits, 10n ** BigInt(fraction.length));
};

/** n/d in lowest terms, written independently of the code under test. */
export const q = (n: number, d = 1): Rational => reduce(BigInt(n), BigInt(d));

const reduce = (n: bigint, d: bigint): Rational => {
  if (d < 0n) [n, d] = [-n, -d];
  let a = n < 0n ? -n : n;
  let b = d;
  while (b !== 0n) [a, b] = [b, a % b];
  const g = a === 0n ? 1n : a;
  return { n: n / g, d: d / g };
};

export const resultWith = (presenter: number, final: number | Rational | null, counted = 5): PresenterResult => {
  const value = typeof final === "number" ? fromDecimal(final) : final;
  return {
    presenter,
    counted,
    dropped: [],
    totals: new Map(),
    criterionAverages: [],
    panelScores: [value],
    live: value,
    prior: undefined,
    final: value,
  };
};
