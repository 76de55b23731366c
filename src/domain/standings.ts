// Ranking, prizes and bands per group, and a structured description of the formula.
import type { Aggregate, Band, ContestSetup, Prize } from "./contest.js";
import { type Rational, compare, div, formatHalfUp, fromDecimal, rational, scaleHalfUp, sum } from "./rational.js";
import type { PresenterResult } from "./scoring.js";

export type StandingRow = {
  presenter: number;
  name: string;
  /** 1-based, shared by finals equal at two decimals, with a gap after ties; null when unscored. */
  rank: number | null;
  final: Rational | null;
  /** final rounded half up to two decimals, e.g. "87.50". */
  finalText: string | null;
  counted: number;
  prize?: string;
  band?: string;
};

export type StandingGroup = { name: string | null; rows: StandingRow[] };

export type Standings = { groups: StandingGroup[] };

/** What the formula is, for the bot to put into words. Percentages are rounded to two decimals. */
export type FormulaParts = {
  method: Aggregate["method"];
  /** Totals dropped at each end of each panel; 0 unless the method is "trimmed". */
  trim: number;
  /** Each criterion's share of the 0–100 total. */
  criteria: { name: string; max: number; percent: number }[];
  /** Each panel's share of the live score; empty when the contest has no panels. */
  panels: { name: string; percent: number }[];
  /** Shares of live and prior in the final score; null when the contest does not blend. */
  blend: { live: number; prior: number } | null;
};

type Scored = { result: PresenterResult; final: Rational; hundredths: bigint };

/** The first prize whose cumulative count reaches the rank (see docs/scoring.md). */
export const prizeFor = (rank: number, prizes: readonly Prize[]): string | undefined => {
  let places = 0;
  for (const prize of prizes) {
    places += prize.count;
    if (rank <= places) return prize.name;
  }
  return undefined;
};

/** The first band whose min the score, rounded to two decimals, reaches. */
export const bandFor = (hundredths: bigint, bands: readonly Band[]): string | undefined => {
  const shown = rational(hundredths, 100n);
  return bands.find((band) => compare(shown, fromDecimal(band.min)) >= 0)?.name;
};

const presenterName = (setup: ContestSetup, presenter: number): string =>
  setup.presenters[presenter]?.name ?? `#${presenter + 1}`;

const byShownScoreThenOrder = (a: Scored, b: Scored): number =>
  a.hundredths === b.hundredths ? a.result.presenter - b.result.presenter : a.hundredths > b.hundredths ? -1 : 1;

/**
 * Ranks of scores (in hundredths as shown) already sorted best first: equal shown scores share a
 * rank, with a gap after ties (1, 2, 2, 4).
 */
export const sharedRanks = (sortedHundredths: readonly bigint[]): number[] => {
  const ranks: number[] = [];
  sortedHundredths.forEach((value, i) => {
    const previous = ranks[i - 1];
    ranks.push(previous !== undefined && sortedHundredths[i - 1] === value ? previous : i + 1);
  });
  return ranks;
};

const rankGroup = (setup: ContestSetup, results: readonly PresenterResult[]): StandingRow[] => {
  const scored: Scored[] = results.flatMap((result) =>
    result.final === null ? [] : [{ result, final: result.final, hundredths: scaleHalfUp(result.final, 2) }],
  );
  scored.sort(byShownScoreThenOrder);
  const rows: StandingRow[] = [];
  const ranks = sharedRanks(scored.map((entry) => entry.hundredths));
  scored.forEach((entry, i) => {
    const rank = ranks[i] ?? i + 1;
    const prize = prizeFor(rank, setup.prizes);
    const band = bandFor(entry.hundredths, setup.bands);
    rows.push({
      presenter: entry.result.presenter,
      name: presenterName(setup, entry.result.presenter),
      rank,
      final: entry.final,
      finalText: formatHalfUp(entry.final, 2),
      counted: entry.result.counted,
      ...(prize === undefined ? {} : { prize }),
      ...(band === undefined ? {} : { band }),
    });
  });
  for (const result of results) {
    if (result.final !== null) continue;
    const name = presenterName(setup, result.presenter);
    rows.push({ presenter: result.presenter, name, rank: null, final: null, finalText: null, counted: result.counted });
  }
  return rows;
};

/**
 * Ranks the presenters whose round has closed, separately in each group.
 *
 * - Groups are `presenter.group` (no group = one group named null), in the order of their
 *   first presenter in presenting order.
 * - Rows go by final descending; finals equal after rounding to two decimals share a rank and
 *   are listed in presenting order; ranks are 1-based with a gap after ties (1, 2, 2, 4).
 *   Presenters without a final come last, in presenting order, with rank null.
 * - Prizes, in the order given: a presenter of rank r gets the first prize whose cumulative
 *   count c_1 + … + c_j is at least r. Ties therefore all get the better prize and use up
 *   places of the prizes after it (counts 1,2,3 and ranks 1,2,2,2,5,6,7 → first, second ×3,
 *   third ×2, none).
 * - Bands, in the order given: the first band whose min the final, rounded to two decimals
 *   as shown, reaches (≥).
 */
export const computeStandings = (setup: ContestSetup, results: PresenterResult[]): Standings => {
  const byGroup = new Map<string | null, PresenterResult[]>();
  for (const result of [...results].sort((a, b) => a.presenter - b.presenter)) {
    const group = setup.presenters[result.presenter]?.group ?? null;
    const members = byGroup.get(group);
    if (members) members.push(result);
    else byGroup.set(group, [result]);
  }
  return { groups: [...byGroup].map(([name, members]) => ({ name, rows: rankGroup(setup, members) })) };
};

/** Each weight as a percentage of their sum, rounded half up to two decimals. */
const percentages = (weights: readonly number[]): number[] => {
  const exact = weights.map(fromDecimal);
  const total = sum(exact);
  return exact.map((w) => Number(formatHalfUp(div(rational(w.n * 100n, w.d), total), 2)));
};

export const describeFormula = (setup: ContestSetup): FormulaParts => {
  const criterionPercents = setup.criteria.length === 0 ? [] : percentages(setup.criteria.map((c) => c.weight ?? c.max));
  const panelPercents = setup.panels.length === 0 ? [] : percentages(setup.panels.map((p) => p.weight));
  const blendPercents = setup.blend ? percentages([setup.blend.live, setup.blend.prior]) : null;
  return {
    method: setup.aggregate.method,
    trim: setup.aggregate.method === "trimmed" ? setup.aggregate.trim : 0,
    criteria: setup.criteria.map((c, i) => ({ name: c.name, max: c.max, percent: criterionPercents[i] ?? 0 })),
    panels: setup.panels.map((p, i) => ({ name: p.name, percent: panelPercents[i] ?? 0 })),
    blend: blendPercents ? { live: blendPercents[0] ?? 0, prior: blendPercents[1] ?? 0 } : null,
  };
};
