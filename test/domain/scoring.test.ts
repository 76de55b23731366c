import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Aggregate, Criterion } from "../../src/domain/contest.js";
import { type Rational, compare, fromDecimal, sum } from "../../src/domain/rational.js";
import {
  type ScoredBallot,
  aggregateTotals,
  ballotTotal,
  presenterResult,
} from "../../src/domain/scoring.js";
import { q, r, setupOf, templateSetup } from "./fixtures.js";

const crit = (name: string, max: number, step = 1, weight?: number): Criterion =>
  weight === undefined ? { name, max, step } : { name, max, step, weight };

const TEMPLATE_CRITERIA = [crit("实施性", 30), crit("创新性", 30), crit("持续性", 20), crit("推广性", 20)];
const MEAN: Aggregate = { method: "mean", trim: 1 };
const TRIM1: Aggregate = { method: "trimmed", trim: 1 };
const TRIM2: Aggregate = { method: "trimmed", trim: 2 };
const MEDIAN: Aggregate = { method: "median", trim: 1 };

const ballot = (judgeId: number, panel: number, scores: number[], counted = true): ScoredBallot => ({
  judgeId,
  panel,
  scores,
  counted,
});

describe("ballotTotal", () => {
  it.each([
    ["is the plain sum of points when maxima sum to 100", TEMPLATE_CRITERIA, [27, 26, 18, 17], q(88)],
    ["is 100 for full marks", TEMPLATE_CRITERIA, [30, 30, 20, 20], q(100)],
    ["is 0 for no points", TEMPLATE_CRITERIA, [0, 0, 0, 0], q(0)],
    ["scales to 100 when maxima sum to 50", [crit("A", 20), crit("B", 30)], [10, 15], q(50)],
    ["uses weights instead of maxima: 100·(3·5/10 + 1·5/5)/4", [crit("A", 10, 1, 3), crit("B", 5, 1, 1)], [5, 5], r("62.5")],
    ["keeps half points: 100·38.5/40", [crit("实施性", 30), crit("创新性", 10, 0.5)], [29, 9.5], r("96.25")],
    ["is exact for thirds: 100·1/3", [crit("A", 3)], [1], q(100, 3)],
    ["is exact for scores with more than two decimals", [crit("A", 1, 0.125)], [0.125], r("12.5")],
    ["is exact for fractional weights", [crit("A", 10, 1, 0.1), crit("B", 10, 1, 0.2)], [10, 5], q(200, 3)],
  ])("%s", (_, criteria, scores, expected) => {
    expect(ballotTotal(criteria, scores)).toEqual(expected);
  });

  it("rejects a ballot that does not score every criterion", () => {
    expect(() => ballotTotal(TEMPLATE_CRITERIA, [27, 26, 18])).toThrow(RangeError);
  });

  it("rejects an empty list of criteria", () => {
    expect(() => ballotTotal([], [])).toThrow(RangeError);
  });
});

describe("aggregateTotals", () => {
  it.each([
    ["takes the plain mean", MEAN, [80, 90, 85], q(85), []],
    ["drops one highest and one lowest total when trim = 1", TRIM1, [88, 80, 95, 86, 70], q(254, 3), [2, 4]],
    ["drops both ends with exactly three totals", TRIM1, [80, 90, 100], q(90), [0, 2]],
    ["takes the plain mean with no more than 2·trim totals", TRIM1, [80, 90], q(85), []],
    ["takes the plain mean of four totals when trim = 2", TRIM2, [60, 70, 80, 100], r("77.5"), []],
    ["drops two at each end when trim = 2", TRIM2, [60, 70, 80, 100, 90], q(80), [0, 1, 3, 4]],
    ["treats trim = 0 as the plain mean", { method: "trimmed", trim: 0 } as Aggregate, [70, 100], r("85"), []],
    ["drops the earlier of equal lowest and the later of equal highest", TRIM1, [90, 90, 80, 80], q(85), [1, 2]],
    ["takes the middle total for an odd count", MEDIAN, [70, 95, 80], q(80), []],
    ["takes the mean of the two middle totals for an even count", MEDIAN, [70, 95, 80, 90], q(85), []],
    ["takes a single total as the median", MEDIAN, [77], q(77), []],
  ])("%s", (_, aggregate, totals, value, dropped) => {
    expect(aggregateTotals(totals.map((t) => fromDecimal(t)), aggregate)).toEqual({ value, dropped });
  });

  it.each([MEAN, TRIM1, MEDIAN])("gives null without totals (%o)", (aggregate) => {
    expect(aggregateTotals([], aggregate)).toEqual({ value: null, dropped: [] });
  });

  it("combines totals with different denominators exactly", () => {
    expect(aggregateTotals([q(1, 3), q(1, 2), q(1, 6)], MEAN).value).toEqual(q(1, 3));
  });
});

describe("presenterResult — worked example (docs/scoring.md)", () => {
  // The template contest, presenter 0 (坡头镇, prior 88).
  // 区领导 (70): five judges; 两代表一委员 (30): three judges; one observer.
  const ballots = [
    ballot(1, 0, [27, 26, 18, 17]), // 88
    ballot(2, 0, [25, 24, 16, 15]), // 80
    ballot(3, 0, [29, 28, 19, 19]), // 95 — highest, dropped
    ballot(4, 0, [26, 25, 17, 18]), // 86
    ballot(5, 0, [20, 20, 15, 15]), // 70 — lowest, dropped
    ballot(6, 1, [28, 27, 18, 18]), // 91 — highest, dropped
    ballot(7, 1, [24, 25, 17, 16]), // 82 — lowest, dropped
    ballot(8, 1, [27, 24, 19, 17]), // 87
    ballot(9, 0, [30, 30, 20, 20], false), // observer: 100, ignored
  ];
  const result = presenterResult(templateSetup(), 0, ballots);

  it("reports every ballot's total, the observer's too", () => {
    expect(Object.fromEntries(result.totals)).toEqual({
      1: q(88), 2: q(80), 3: q(95), 4: q(86), 5: q(70), 6: q(91), 7: q(82), 8: q(87), 9: q(100),
    });
  });

  it("counts the eight judges and not the observer", () => {
    expect(result.counted).toBe(8);
  });

  it("drops the highest and lowest total in each panel", () => {
    expect(result.dropped).toEqual([3, 5, 6, 7]);
  });

  it("scores 区领导 (88+80+86)/3 = 254/3 and 两代表一委员 87", () => {
    expect(result.panelScores).toEqual([q(254, 3), q(87)]);
  });

  it("weights the panels 70/30: live = (70·254/3 + 30·87)/100 = 2561/30 ≈ 85.37", () => {
    expect(result.live).toEqual(q(2561, 30));
  });

  it("blends live 60 with prior 40: final = (60·2561/30 + 40·88)/100 = 86.42", () => {
    expect(result.prior).toBe(88);
    expect(result.final).toEqual(r("86.42"));
  });

  it("averages each criterion over the counted ballots", () => {
    expect(result.criterionAverages).toEqual([r("25.75"), r("24.875"), r("17.375"), r("16.875")]);
  });
});

describe("presenterResult — rules", () => {
  const plain = setupOf({ criteria: TEMPLATE_CRITERIA, presenters: [{ name: "A", prior: 50 }] });

  it("treats a contest without panels as one panel of weight 1", () => {
    const result = presenterResult(plain, 0, [ballot(1, 0, [30, 30, 20, 20]), ballot(2, 0, [20, 20, 10, 10])]);
    expect([result.panelScores, result.live, result.final]).toEqual([[q(80)], q(80), q(80)]);
  });

  it("counts a ballot with an out-of-range panel in panel 0", () => {
    const result = presenterResult(templateSetup(), 1, [ballot(1, 7, [30, 30, 20, 20]), ballot(2, -1, [20, 20, 10, 10])]);
    expect(result.panelScores).toEqual([q(80), null]);
  });

  it("leaves a panel without counted ballots out of the weighted mean", () => {
    const setup = { ...templateSetup(), blend: undefined };
    const result = presenterResult(setup, 0, [ballot(1, 1, [27, 24, 19, 17])]);
    expect([result.panelScores, result.live, result.final]).toEqual([[null, q(87)], q(87), q(87)]);
  });

  it("uses live as final when the contest does not blend, even with a prior", () => {
    const result = presenterResult(plain, 0, [ballot(1, 0, [27, 26, 18, 17])]);
    expect([result.prior, result.final]).toEqual([50, q(88)]);
  });

  it("uses live as final when the presenter has no prior", () => {
    const setup = { ...plain, presenters: [{ name: "A" }], blend: { live: 60, prior: 40 } };
    const result = presenterResult(setup, 0, [ballot(1, 0, [27, 26, 18, 17])]);
    expect([result.prior, result.final]).toEqual([undefined, q(88)]);
  });

  it("gives no live or final score without counted ballots, even with a prior", () => {
    const setup = { ...plain, blend: { live: 60, prior: 40 } };
    const result = presenterResult(setup, 0, [ballot(1, 0, [30, 30, 20, 20], false), ballot(2, 0, [], false)]);
    expect(result).toMatchObject({
      counted: 0,
      dropped: [],
      criterionAverages: [null, null, null, null],
      panelScores: [null],
      live: null,
      prior: 50,
      final: null,
    });
    expect([...result.totals.keys()]).toEqual([1]);
  });

  it("ignores observers and abstentions in the maths", () => {
    const counted = [ballot(1, 0, [20, 20, 10, 10]), ballot(2, 0, [24, 20, 10, 10])];
    const withIgnored = [...counted, ballot(3, 0, [30, 30, 20, 20], false), ballot(4, 0, [], false)];
    const result = presenterResult(plain, 0, withIgnored);
    expect([result.counted, result.live]).toEqual([2, q(62)]);
  });

  it("takes the median per panel", () => {
    const setup = { ...plain, aggregate: MEDIAN };
    const result = presenterResult(setup, 0, [
      ballot(1, 0, [30, 30, 20, 20]),
      ballot(2, 0, [10, 10, 10, 10]),
      ballot(3, 0, [20, 20, 10, 10]),
      ballot(4, 0, [25, 20, 10, 10]),
    ]);
    expect(result.live).toEqual(r("62.5"));
  });

  it("keeps half points exact in criterion averages", () => {
    const setup = setupOf({ criteria: [crit("A", 10, 0.5)], presenters: [{ name: "A" }] });
    const result = presenterResult(setup, 0, [ballot(1, 0, [9.5]), ballot(2, 0, [8]), ballot(3, 0, [7.5])]);
    expect([result.criterionAverages, result.live]).toEqual([[q(25, 3)], q(250, 3)]);
  });

  it("rejects a counted ballot that does not score every criterion", () => {
    expect(() => presenterResult(plain, 0, [ballot(1, 0, [30, 30])])).toThrow(RangeError);
  });
});

const arbTotal = fc.integer({ min: 0, max: 10000 }).map((h) => fromDecimal(h / 100));
const arbAggregate: fc.Arbitrary<Aggregate> = fc.oneof(
  fc.constant(MEAN),
  fc.integer({ min: 0, max: 3 }).map((trim): Aggregate => ({ method: "trimmed", trim })),
  fc.constant(MEDIAN),
);
const arbBallots = fc.uniqueArray(
  fc.record({
    judgeId: fc.integer({ min: 1, max: 1_000_000 }),
    panel: fc.integer({ min: -1, max: 2 }),
    scores: fc.tuple(
      fc.integer({ min: 0, max: 30 }),
      fc.integer({ min: 0, max: 60 }).map((h) => h / 2),
      fc.integer({ min: 0, max: 20 }),
      fc.integer({ min: 0, max: 20 }),
    ),
    counted: fc.boolean(),
  }),
  { maxLength: 25, selector: (b) => b.judgeId },
);

describe("properties", () => {
  const setup = {
    ...templateSetup(),
    criteria: [crit("实施性", 30), crit("创新性", 30, 0.5), crit("持续性", 20), crit("推广性", 20)],
  };

  it("the order of ballots does not matter", () => {
    fc.assert(
      fc.property(arbBallots, arbAggregate, fc.integer(), (ballots, aggregate, seed) => {
        const shuffled = fc.sample(fc.shuffledSubarray(ballots, { minLength: ballots.length }), { seed, numRuns: 1 })[0] ?? [];
        const withMethod = { ...setup, aggregate };
        const a = presenterResult(withMethod, 0, ballots);
        const b = presenterResult(withMethod, 0, shuffled);
        expect([b.live, b.final, b.panelScores, b.criterionAverages, b.counted]).toEqual([
          a.live, a.final, a.panelScores, a.criterionAverages, a.counted,
        ]);
        expect(b.totals).toEqual(a.totals);
      }),
    );
  });

  it("a trimmed mean lies between the lowest and highest total", () => {
    fc.assert(
      fc.property(fc.array(arbTotal, { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 5 }), (totals, trim) => {
        const { value } = aggregateTotals(totals, { method: "trimmed", trim });
        const sorted = [...totals].sort(compare);
        expect(value).not.toBeNull();
        expect(compare(value as Rational, sorted[0] as Rational)).toBeGreaterThanOrEqual(0);
        expect(compare(value as Rational, sorted.at(-1) as Rational)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it("a trimmed mean drops exactly 2·trim totals when there are more than 2·trim", () => {
    fc.assert(
      fc.property(fc.array(arbTotal, { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 5 }), (totals, trim) => {
        const { dropped } = aggregateTotals(totals, { method: "trimmed", trim });
        expect(dropped.length).toBe(totals.length > 2 * trim ? 2 * trim : 0);
      }),
    );
  });

  it("adding a ballot equal to the mean does not move the mean", () => {
    fc.assert(
      fc.property(fc.array(arbTotal, { minLength: 1, maxLength: 30 }), (totals) => {
        const mean = aggregateTotals(totals, MEAN).value as Rational;
        expect(aggregateTotals([...totals, mean], MEAN).value).toEqual(mean);
      }),
    );
  });

  it("the mean of totals equals the total of criterion averages", () => {
    fc.assert(
      fc.property(arbBallots, (ballots) => {
        const withMean = { ...setup, panels: [], aggregate: MEAN, blend: undefined };
        const result = presenterResult(withMean, 0, ballots);
        if (result.counted === 0) return;
        expect(result.live).toEqual(sum(result.criterionAverages as Rational[]));
      }),
    );
  });
});
