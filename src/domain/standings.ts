// Ranking, tie-breaks, prizes and bands per group (or over all groups), and a structured
// description of the formula.
import type { Aggregate, Band, ContestSetup, Prize, TiebreakRule } from "./contest.js";
import { type Rational, compare, div, formatHalfUp, fromDecimal, rational, scaleHalfUp, sum } from "./rational.js";
import type { PresenterResult } from "./scoring.js";

export type StandingRow = {
  presenter: number;
  name: string;
  /** The presenter's group (null = none), so an overall ranking can name it. */
  group: string | null;
  /**
   * 1-based; shared by finals equal at two decimals that no tie-break rule separates, with a gap
   * after ties (1, 2, 2, 4); null when unscored.
   */
  rank: number | null;
  final: Rational | null;
  /** final rounded half up to two decimals, e.g. "87.50". */
  finalText: string | null;
  counted: number;
  prize?: string;
  band?: string;
};

/** A part of a tie that one rule put in one place: the units and their value as shown. */
export type TieBlock = { presenters: number[]; value: string | null };

/** One rule separating (some of) the units of a tie, best block first. */
export type TieSplit = { rule: TiebreakRule; blocks: TieBlock[] };

/** Units still sharing a rank after every rule; `awaitingChair` when the chair has yet to order them. */
export type TieRemainder = { presenters: number[]; awaitingChair: boolean };

/** Units whose finals are equal as shown, and what the tie-break rules made of them. */
export type TieNote = {
  /** The final they share, as shown. */
  finalText: string;
  /** Every unit of the tie, in the order listed. */
  presenters: number[];
  /** The separations, in the order the rules were applied. */
  splits: TieSplit[];
  /** What no rule separated (empty when the rules ordered every unit). */
  remaining: TieRemainder[];
};

export type StandingGroup = {
  name: string | null;
  rows: StandingRow[];
  /** Ties of this ranking; empty when the contest has no tie-break rules. */
  ties: TieNote[];
};

export type Standings = {
  groups: StandingGroup[];
  /**
   * With `prizeScope` "overall": every unit in one ranking (name null), the ranking the prizes go
   * down; the groups' rows carry the prize of their unit from it. Absent with scope "group".
   */
  overall?: StandingGroup;
};

/**
 * The chair's orders of tied units, best first, each a complete order of one tie. A tie is
 * ordered by the first decision that contains all its units (so a group's tie follows the order
 * the chair gave to the larger overall tie it is part of).
 */
export type ChairDecisions = readonly (readonly number[])[];

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

const groupOf = (setup: ContestSetup, presenter: number): string | null => setup.presenters[presenter]?.group ?? null;

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

/** Index of the panel with the highest weight (the first of equal ones); 0 without panels. */
export const topPanel = (setup: ContestSetup): number => {
  let best = 0;
  setup.panels.forEach((panel, k) => {
    if (compare(fromDecimal(panel.weight), fromDecimal(setup.panels[best]?.weight ?? 0)) > 0) best = k;
  });
  return best;
};

/** The value a rule compares, exact; null when the unit has none (no ballots in that panel, no such criterion). */
const ruleValue = (setup: ContestSetup, rule: Exclude<TiebreakRule, "chair">, result: PresenterResult): Rational | null => {
  if (rule === "live") return result.live;
  if (rule === "panel") return result.panelScores[topPanel(setup)] ?? null;
  const index = setup.criteria.findIndex((c) => c.name === rule.criterion);
  return index < 0 ? null : (result.criterionAverages[index] ?? null);
};

/** The chair's order of `tie`, from the first decision holding all of its units. */
const chairOrder = (decisions: ChairDecisions, tie: readonly number[]): number[] | undefined => {
  const decision = decisions.find((order) => tie.every((p) => order.includes(p)));
  return decision?.filter((p) => tie.includes(p));
};

type Resolved = { blocks: number[][]; splits: TieSplit[]; remaining: TieRemainder[] };

/**
 * Orders one tie (presenter indexes in presenting order) by the rules from `from` on: each rule
 * groups the units by its value as shown (two decimals, half up), higher first, units without a
 * value last; blocks of more than one unit go on to the next rule.
 */
const resolveTie = (
  setup: ContestSetup,
  byPresenter: ReadonlyMap<number, PresenterResult>,
  decisions: ChairDecisions,
  tie: number[],
  from: number,
): Resolved => {
  const rules = setup.tiebreak ?? [];
  if (tie.length < 2) return { blocks: [tie], splits: [], remaining: [] };
  const rule = rules[from];
  if (rule === undefined) return { blocks: [tie], splits: [], remaining: [{ presenters: tie, awaitingChair: false }] };
  if (rule === "chair") {
    const order = chairOrder(decisions, tie);
    if (order === undefined) return { blocks: [tie], splits: [], remaining: [{ presenters: tie, awaitingChair: true }] };
    return { blocks: order.map((p) => [p]), splits: [{ rule, blocks: order.map((p) => ({ presenters: [p], value: null })) }], remaining: [] };
  }
  const keyed = tie.map((presenter) => {
    const result = byPresenter.get(presenter);
    const value = result ? ruleValue(setup, rule, result) : null;
    return { presenter, value, shown: value === null ? null : scaleHalfUp(value, 2) };
  });
  keyed.sort((a, b) =>
    a.shown === b.shown ? a.presenter - b.presenter : a.shown === null ? 1 : b.shown === null ? -1 : a.shown > b.shown ? -1 : 1,
  );
  const parts: TieBlock[] = [];
  for (const entry of keyed) {
    const last = parts.at(-1);
    const shown = entry.value === null ? null : formatHalfUp(entry.value, 2);
    if (last && last.value === shown) last.presenters.push(entry.presenter);
    else parts.push({ presenters: [entry.presenter], value: shown });
  }
  if (parts.length === 1) return resolveTie(setup, byPresenter, decisions, tie, from + 1);
  const resolved: Resolved = { blocks: [], splits: [{ rule, blocks: parts }], remaining: [] };
  for (const part of parts) {
    const inner = resolveTie(setup, byPresenter, decisions, part.presenters, from + 1);
    resolved.blocks.push(...inner.blocks);
    resolved.splits.push(...inner.splits);
    resolved.remaining.push(...inner.remaining);
  }
  return resolved;
};

type RankOptions = { withPrizes: boolean; decisions: ChairDecisions };

const rankRows = (
  setup: ContestSetup,
  results: readonly PresenterResult[],
  { withPrizes, decisions }: RankOptions,
): { rows: StandingRow[]; ties: TieNote[] } => {
  const scored: Scored[] = results.flatMap((result) =>
    result.final === null ? [] : [{ result, final: result.final, hundredths: scaleHalfUp(result.final, 2) }],
  );
  scored.sort(byShownScoreThenOrder);
  const byPresenter = new Map(scored.map((entry) => [entry.result.presenter, entry.result] as const));
  const entryOf = new Map(scored.map((entry) => [entry.result.presenter, entry] as const));
  const rows: StandingRow[] = [];
  const ties: TieNote[] = [];
  const push = (block: readonly number[], position: number) => {
    for (const presenter of block) {
      const entry = entryOf.get(presenter);
      if (!entry) continue;
      const prize = withPrizes ? prizeFor(position, setup.prizes) : undefined;
      const band = bandFor(entry.hundredths, setup.bands);
      rows.push({
        presenter,
        name: presenterName(setup, presenter),
        group: groupOf(setup, presenter),
        rank: position,
        final: entry.final,
        finalText: formatHalfUp(entry.final, 2),
        counted: entry.result.counted,
        ...(prize === undefined ? {} : { prize }),
        ...(band === undefined ? {} : { band }),
      });
    }
  };
  for (let i = 0; i < scored.length; ) {
    let j = i + 1;
    while (j < scored.length && scored[j]?.hundredths === scored[i]?.hundredths) j++;
    const tie = scored.slice(i, j).map((entry) => entry.result.presenter);
    if (tie.length > 1 && (setup.tiebreak?.length ?? 0) > 0) {
      const resolved = resolveTie(setup, byPresenter, decisions, tie, 0);
      let position = i + 1;
      for (const block of resolved.blocks) {
        push(block, position);
        position += block.length;
      }
      ties.push({
        finalText: formatHalfUp(scored[i]!.final, 2),
        presenters: resolved.blocks.flat(),
        splits: resolved.splits,
        remaining: resolved.remaining,
      });
    } else push(tie, i + 1);
    i = j;
  }
  for (const result of results) {
    if (result.final !== null) continue;
    rows.push({
      presenter: result.presenter,
      name: presenterName(setup, result.presenter),
      group: groupOf(setup, result.presenter),
      rank: null,
      final: null,
      finalText: null,
      counted: result.counted,
    });
  }
  return { rows, ties };
};

/**
 * Ranks the presenters whose round has closed, separately in each group.
 *
 * - Groups are `presenter.group` (no group = one group named null), in the order of their
 *   first presenter in presenting order.
 * - Rows go by final descending. Finals equal after rounding to two decimals are a tie: the
 *   contest's `tiebreak` rules are applied in order (each compares its value as shown, two
 *   decimals, higher first, a unit without a value last; see docs/scoring.md §6); units that
 *   no rule separates share a rank and are listed in presenting order. Ranks are 1-based with a
 *   gap after ties (1, 2, 2, 4). Without rules every tie shares its rank. Presenters without a
 *   final come last, in presenting order, with rank null.
 * - The "chair" rule orders a tie by `decisions`; a tie without one stays shared and is
 *   reported with `awaitingChair`.
 * - Prizes, in the order given, down each group's ranking (`prizeScope` "group") or down one
 *   ranking of all units (`"overall"`, then in `overall` too): a presenter of rank r gets the
 *   first prize whose cumulative count c_1 + … + c_j is at least r. Ties therefore all get the
 *   better prize and use up places of the prizes after it (counts 1,2,3 and ranks
 *   1,2,2,2,5,6,7 → first, second ×3, third ×2, none).
 * - Bands, in the order given: the first band whose min the final, rounded to two decimals
 *   as shown, reaches (≥).
 */
export const computeStandings = (
  setup: ContestSetup,
  results: PresenterResult[],
  decisions: ChairDecisions = [],
): Standings => {
  const sorted = [...results].sort((a, b) => a.presenter - b.presenter);
  const byGroup = new Map<string | null, PresenterResult[]>();
  for (const result of sorted) {
    const group = groupOf(setup, result.presenter);
    const members = byGroup.get(group);
    if (members) members.push(result);
    else byGroup.set(group, [result]);
  }
  const perGroup = (setup.prizeScope ?? "group") === "group";
  const groups = [...byGroup].map(([name, members]) => ({ name, ...rankRows(setup, members, { withPrizes: perGroup, decisions }) }));
  if (perGroup) return { groups };
  const overall = { name: null, ...rankRows(setup, sorted, { withPrizes: true, decisions }) };
  const prizeOf = new Map(overall.rows.map((row) => [row.presenter, row.prize] as const));
  for (const group of groups) {
    group.rows = group.rows.map((row) => {
      const prize = prizeOf.get(row.presenter);
      return prize === undefined ? row : { ...row, prize };
    });
  }
  return { groups, overall };
};

/** The ranking the prizes go down: the overall one with scope "overall", else each group's. */
export const prizeRankings = (standings: Standings): StandingGroup[] =>
  standings.overall ? [standings.overall] : standings.groups;

/** Ties the chair has yet to order, in the ranking(s) the prizes go down. */
export const tiesAwaitingChair = (standings: Standings): number[][] =>
  prizeRankings(standings).flatMap((group) =>
    group.ties.flatMap((tie) => tie.remaining.filter((r) => r.awaitingChair).map((r) => r.presenters)),
  );

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
