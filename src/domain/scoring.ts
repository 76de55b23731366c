// The scoring maths: ballot totals, combining judges, panels and the prior score.
// Every rule is stated in docs/scoring.md with a worked example.
import type { Aggregate, ContestSetup, Criterion } from "./contest.js";
import { type Rational, ONE, div, fromDecimal, fromInt, lcm, mul, rational, ratio, sum } from "./rational.js";

/** One judge's ballot for one presenter, as the maths sees it. */
export type ScoredBallot = {
  judgeId: number;
  /** Panel index; out of range counts in panel 0. */
  panel: number;
  /** Points per criterion, in criterion order. */
  scores: number[];
  /** False for observers and abstentions: reported, but ignored by the maths. */
  counted: boolean;
};

export type PresenterResult = {
  presenter: number;
  /** Number of counted ballots. */
  counted: number;
  /** Judges whose totals were trimmed away, in any panel, in ballot order. */
  dropped: number[];
  /** Total (0–100) of every ballot that scores each criterion, counted or not; built on first read. */
  totals: Map<number, Rational>;
  /** Plain mean of each criterion's points over counted ballots; null without counted ballots. */
  criterionAverages: (Rational | null)[];
  /** Combined total per panel; null for a panel without counted ballots. */
  panelScores: (Rational | null)[];
  /** Weighted mean of the panel scores; null without counted ballots. */
  live: Rational | null;
  prior: number | undefined;
  /** `live` blended with `prior` when the contest blends; null without counted ballots. */
  final: Rational | null;
};

export type AggregateResult = {
  value: Rational | null;
  /** Indexes into the totals that were trimmed away, ascending. */
  dropped: number[];
};

const HUNDRED = fromInt(100);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** Bound on |coefficient · hundredths| so that a ballot's sum of products stays a safe integer. */
const PRODUCT_LIMIT = 2 ** 47;

const isSafe = (value: bigint): boolean => value >= -MAX_SAFE && value <= MAX_SAFE;

/** Exact hundredths of a score, or undefined when it has more than two decimals. */
const hundredths = (value: number): number | undefined => {
  if (Number.isInteger(value) && Math.abs(value) < 1e9) return value * 100;
  const scaled = Math.round(value * 100);
  return scaled / 100 === value && Math.abs(scaled) < 1e11 ? scaled : undefined;
};

const checkLength = (criteria: readonly Criterion[], scores: readonly number[]): void => {
  if (scores.length !== criteria.length) {
    throw new RangeError(`expected ${criteria.length} scores, got ${scores.length}`);
  }
};

/**
 * How ballot totals are computed for one set of criteria. With k_c = 100·w_c / (m_c·Σw) a
 * total is Σ k_c·s_c; with scores in hundredths S_c it is Σ coefficient_c·S_c / denominator.
 */
type TotalScorer = {
  factors: Rational[];
  denominator: bigint;
  /** coefficient_c as numbers, when they are all safe integers. */
  numericCoefficients: number[] | undefined;
};

const totalScorer = (criteria: readonly Criterion[]): TotalScorer => {
  if (criteria.length === 0) throw new RangeError("a ballot total needs at least one criterion");
  const weights = criteria.map((c) => fromDecimal(c.weight ?? c.max));
  const weightSum = sum(weights);
  const factors = criteria.map((c, i) => div(mul(HUNDRED, weights[i] ?? ONE), mul(fromDecimal(c.max), weightSum)));
  const denominator = factors.reduce((common, f) => lcm(common, 100n * f.d), 100n);
  const coefficients = factors.map((f) => f.n * (denominator / (100n * f.d)));
  const numericCoefficients = coefficients.every(isSafe) ? coefficients.map(Number) : undefined;
  return { factors, denominator, numericCoefficients };
};

const exactTotal = (scorer: TotalScorer, scores: readonly number[]): Rational =>
  sum(scores.map((s, i) => mul(scorer.factors[i] ?? ONE, fromDecimal(s))));

/**
 * A ballot's total on a 0–100 scale: 100 · Σ w_c·s_c/m_c / Σ w_c, where m_c is the criterion's
 * max, s_c the points given and w_c its weight (default m_c). With default weights and maxima
 * summing to 100 this is the plain sum of points. Throws a RangeError when the number of scores
 * differs from the number of criteria or there are no criteria.
 */
export const ballotTotal = (criteria: Criterion[], scores: number[]): Rational => {
  checkLength(criteria, scores);
  return exactTotal(totalScorer(criteria), scores);
};

/**
 * Totals written as integers over one shared denominator, to keep gcd work out of loops:
 * numbers when every sum of them is a safe integer, else bigints.
 */
type ScaledTotals =
  | { small: true; numerators: number[]; denominator: bigint }
  | { small: false; numerators: bigint[]; denominator: bigint };

const toCommonDenominator = (values: readonly Rational[]): ScaledTotals => {
  const denominator = values.reduce((common, v) => lcm(common, v.d), 1n);
  const numerators = values.map((v) => v.n * (denominator / v.d));
  const magnitude = numerators.reduce((acc, n) => acc + (n < 0n ? -n : n), 0n);
  return isSafe(magnitude)
    ? { small: true, numerators: numerators.map(Number), denominator }
    : { small: false, numerators, denominator };
};

const totalAt = (scaled: ScaledTotals, index: number): Rational =>
  scaled.small
    ? isSafe(scaled.denominator)
      ? ratio(scaled.numerators[index] ?? 0, Number(scaled.denominator))
      : rational(BigInt(scaled.numerators[index] ?? 0), scaled.denominator)
    : rational(scaled.numerators[index] ?? 0n, scaled.denominator);

/** Orders indexes ascending by total; among equal totals the earlier index first. */
const compareAt = (scaled: ScaledTotals): ((i: number, j: number) => number) => {
  if (scaled.small) {
    const values = scaled.numerators;
    return (i, j) => (values[i] ?? 0) - (values[j] ?? 0) || i - j;
  }
  const values = scaled.numerators;
  return (i, j) => {
    const a = values[i] ?? 0n;
    const b = values[j] ?? 0n;
    return a < b ? -1 : a > b ? 1 : i - j;
  };
};

/** The mean of the totals at `indexes`, leaving out those at `excluded` (a subset of them). */
const meanAt = (scaled: ScaledTotals, indexes: readonly number[], excluded: readonly number[] = []): Rational => {
  const count = BigInt(indexes.length - excluded.length);
  if (scaled.small) {
    let total = 0;
    for (const i of indexes) total += scaled.numerators[i] ?? 0;
    for (const i of excluded) total -= scaled.numerators[i] ?? 0;
    const denominator = scaled.denominator * count;
    return isSafe(denominator) ? ratio(total, Number(denominator)) : rational(BigInt(total), denominator);
  }
  let total = 0n;
  for (const i of indexes) total += scaled.numerators[i] ?? 0n;
  for (const i of excluded) total -= scaled.numerators[i] ?? 0n;
  return rational(total, scaled.denominator * count);
};

/**
 * The `trim` lowest and `trim` highest of the totals at `indexes`, by (total, index), picked
 * by repeated scans: cheaper than sorting for the small trims used.
 */
const extremes = (scaled: ScaledTotals, indexes: readonly number[], trim: number): number[] => {
  const order = compareAt(scaled);
  const taken: number[] = [];
  const pick = (sign: -1 | 1): void => {
    let best = -1;
    for (const i of indexes) {
      if ((best < 0 || order(i, best) * sign > 0) && !taken.includes(i)) best = i;
    }
    taken.push(best);
  };
  for (let k = 0; k < trim; k++) pick(-1);
  for (let k = 0; k < trim; k++) pick(1);
  return taken.sort((a, b) => a - b);
};

const median = (scaled: ScaledTotals, indexes: readonly number[]): Rational => {
  const n = indexes.length;
  const order = [...indexes].sort(compareAt(scaled));
  return meanAt(scaled, n % 2 === 1 ? order.slice((n - 1) / 2, (n + 1) / 2) : order.slice(n / 2 - 1, n / 2 + 1));
};

const combine = (scaled: ScaledTotals, indexes: readonly number[], aggregate: Aggregate): AggregateResult => {
  if (indexes.length === 0) return { value: null, dropped: [] };
  if (aggregate.method === "median") return { value: median(scaled, indexes), dropped: [] };
  const trim = aggregate.method === "trimmed" ? aggregate.trim : 0;
  if (trim === 0 || indexes.length <= 2 * trim) return { value: meanAt(scaled, indexes), dropped: [] };
  const dropped = extremes(scaled, indexes, trim);
  return { value: meanAt(scaled, indexes, dropped), dropped };
};

/**
 * Combines judges' totals by the contest's method:
 * - `mean`: the plain mean;
 * - `trimmed`: drops the `trim` highest and `trim` lowest totals and takes the mean of the rest;
 *   with no more than 2·trim totals nothing is dropped (plain mean). Among equal totals the
 *   earlier one counts as lower, which only decides which index is reported as dropped;
 * - `median`: the middle total, or the mean of the two middle ones for an even count;
 *   nothing is reported as dropped.
 * No totals give value null.
 */
export const aggregateTotals = (totals: Rational[], aggregate: Aggregate): AggregateResult =>
  combine(
    toCommonDenominator(totals),
    totals.map((_, i) => i),
    aggregate,
  );

/** Ballot totals over a shared denominator, and each criterion's mean over counted ballots. */
type Tally = { scaled: ScaledTotals; criterionAverages: (Rational | null)[] };

/**
 * The tally in number arithmetic, reading each score once; undefined when a score has more than
 * two decimals or a sum could leave the safe-integer range (then {@link exactTally} is used).
 */
const fastTally = (scorer: TotalScorer, ballots: readonly ScoredBallot[], criteriaCount: number): Tally | undefined => {
  const coefficients = scorer.numericCoefficients;
  if (coefficients === undefined) return undefined;
  const numerators: number[] = [];
  const pointSums: number[] = Array.from({ length: criteriaCount }, () => 0);
  let counted = 0;
  let magnitude = 0;
  for (const ballot of ballots) {
    let numerator = 0;
    for (let c = 0; c < criteriaCount; c++) {
      const points = hundredths(ballot.scores[c] ?? 0);
      if (points === undefined) return undefined;
      const product = (coefficients[c] ?? 0) * points;
      if (!(Math.abs(product) < PRODUCT_LIMIT)) return undefined;
      numerator += product;
      if (ballot.counted) pointSums[c] = (pointSums[c] ?? 0) + points;
    }
    numerators.push(numerator);
    magnitude += Math.abs(numerator);
    if (ballot.counted) counted++;
  }
  if (!Number.isSafeInteger(magnitude) || !pointSums.every(Number.isSafeInteger)) return undefined;
  return {
    scaled: { small: true, numerators, denominator: scorer.denominator },
    criterionAverages: pointSums.map((s) => (counted === 0 ? null : ratio(s, 100 * counted))),
  };
};

/** The tally in exact rational arithmetic, for any scores. */
const exactTally = (scorer: TotalScorer, ballots: readonly ScoredBallot[], criteriaCount: number): Tally => {
  const counted = ballots.filter((b) => b.counted);
  const meanOf = (c: number): Rational | null =>
    counted.length === 0 ? null : div(sum(counted.map((b) => fromDecimal(b.scores[c] ?? 0))), fromInt(counted.length));
  return {
    scaled: toCommonDenominator(ballots.map((b) => exactTotal(scorer, b.scores))),
    criterionAverages: Array.from({ length: criteriaCount }, (_, c) => meanOf(c)),
  };
};

const tally = (criteria: readonly Criterion[], ballots: readonly ScoredBallot[]): Tally => {
  if (ballots.length === 0) {
    return { scaled: { small: true, numerators: [], denominator: 1n }, criterionAverages: criteria.map(() => null) };
  }
  const scorer = totalScorer(criteria);
  return fastTally(scorer, ballots, criteria.length) ?? exactTally(scorer, ballots, criteria.length);
};

/** Ballots that score every criterion; throws a RangeError for a counted ballot that does not. */
const completeBallots = (criteria: readonly Criterion[], ballots: readonly ScoredBallot[]): readonly ScoredBallot[] => {
  const isComplete = (b: ScoredBallot): boolean => criteria.length > 0 && b.scores.length === criteria.length;
  if (ballots.every(isComplete)) return ballots;
  const complete: ScoredBallot[] = [];
  for (const ballot of ballots) {
    if (isComplete(ballot)) complete.push(ballot);
    else if (ballot.counted) throw new RangeError(`counted ballot of judge ${ballot.judgeId} does not score every criterion`);
  }
  return complete;
};

/** Indexes of the counted ballots, per panel. */
const panelMembers = (ballots: readonly ScoredBallot[], panelCount: number): number[][] => {
  const members: number[][] = Array.from({ length: panelCount }, () => []);
  ballots.forEach((ballot, i) => {
    if (ballot.counted) (members[ballot.panel] ?? members[0])?.push(i);
  });
  return members;
};

type Weighted = { weight: Rational; value: Rational };

const weightedMean = (parts: readonly Weighted[]): Rational | null => {
  if (parts.length === 0) return null;
  return div(sum(parts.map((p) => mul(p.weight, p.value))), sum(parts.map((p) => p.weight)));
};

const panelWeights = (setup: ContestSetup): Rational[] =>
  setup.panels.length === 0 ? [ONE] : setup.panels.map((p) => fromDecimal(p.weight));

/** Blend of live and prior: (b_live·live + b_prior·prior) / (b_live + b_prior). */
const blended = (setup: ContestSetup, live: Rational | null, prior: number | undefined): Rational | null => {
  if (live === null || setup.blend === undefined || prior === undefined) return live;
  return weightedMean([
    { weight: fromDecimal(setup.blend.live), value: live },
    { weight: fromDecimal(setup.blend.prior), value: fromDecimal(prior) },
  ]);
};

/**
 * Everything known about one presenter's score from the ballots cast for them.
 *
 * Each counted ballot's total (see {@link ballotTotal}) goes into its panel (out-of-range panel
 * indexes count in panel 0; a contest without panels has one panel of weight 1). Each panel's
 * totals are combined by {@link aggregateTotals}. live = Σ W_k·A_k / Σ W_k over the panels that
 * have at least one counted ballot. final = live blended with the presenter's prior when the
 * contest blends and the presenter has a prior, else live. Without counted ballots live and
 * final are null: a prior alone never produces a final score.
 *
 * Throws a RangeError when a counted ballot does not score every criterion.
 */
export const presenterResult = (setup: ContestSetup, presenter: number, ballots: ScoredBallot[]): PresenterResult => {
  const scored = completeBallots(setup.criteria, ballots);
  const { scaled, criterionAverages } = tally(setup.criteria, scored);
  const weights = panelWeights(setup);
  const members = panelMembers(scored, weights.length);
  const combined = members.map((indexes) => combine(scaled, indexes, setup.aggregate));
  const panelScores = combined.map((c) => c.value);
  const live = weightedMean(
    panelScores.flatMap((value, k) => (value === null ? [] : [{ weight: weights[k] ?? ONE, value }])),
  );
  const prior = setup.presenters[presenter]?.prior;
  const judgeAt = (i: number): number => scored[i]?.judgeId ?? 0;
  let totals: Map<number, Rational> | undefined;
  return {
    presenter,
    counted: members.reduce((count, indexes) => count + indexes.length, 0),
    dropped: combined
      .flatMap((c) => c.dropped)
      .sort((a, b) => a - b)
      .map(judgeAt),
    get totals() {
      totals ??= new Map(scored.map((b, i) => [b.judgeId, totalAt(scaled, i)]));
      return totals;
    },
    criterionAverages,
    panelScores,
    live,
    prior,
    final: blended(setup, live, prior),
  };
};
