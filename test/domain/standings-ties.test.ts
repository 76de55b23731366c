// Tie-break rules and the prize scope: the worked examples of docs/scoring.md §6.1–6.3, whose
// ballots go through the real scoring maths, and properties of the ranking with rules.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ContestSetup, TiebreakRule } from "../../src/domain/contest.js";
import { presenterResult, type PresenterResult } from "../../src/domain/scoring.js";
import {
  type ChairDecisions,
  type StandingRow,
  computeStandings,
  prizeRankings,
  tiesAwaitingChair,
} from "../../src/domain/standings.js";
import { resultWith, r, setupOf } from "./fixtures.js";

const CRITERIA = [
  { name: "实施性", max: 30 },
  { name: "创新性", max: 30 },
  { name: "持续性", max: 20 },
  { name: "推广性", max: 20 },
];

/** Ballots of one presenter: [judge, panel, points per criterion]; every ballot counted. */
type BallotLine = [judge: number, panel: number, scores: number[]];

const resultsOf = (setup: ContestSetup, ballots: BallotLine[][]): PresenterResult[] =>
  ballots.map((lines, presenter) =>
    presenterResult(
      setup,
      presenter,
      lines.map(([judgeId, panel, scores]) => ({ judgeId, panel, scores, counted: true })),
    ),
  );

const rowsOf = (setup: ContestSetup, results: PresenterResult[], decisions: ChairDecisions = []): StandingRow[] =>
  computeStandings(setup, results, decisions).groups.flatMap((g) => g.rows);

const brief = (rows: StandingRow[]) => rows.map((row) => [row.name, row.rank, row.finalText, row.prize]);

// ---------------------------------------------------------------- docs/scoring.md §6.1: one rule each

/** Example 1: blend 60/40. 甲 live 90 prior 85, 乙 live 88 prior 88: both finals 88.00. */
const liveExample = () => {
  const setup = setupOf({
    criteria: CRITERIA,
    presenters: [{ name: "甲", prior: 85 }, { name: "乙", prior: 88 }],
    blend: { live: 60, prior: 40 },
  });
  const results = resultsOf(setup, [[[1, 0, [27, 27, 18, 18]]], [[1, 0, [26, 26, 18, 18]]]]);
  return { setup, results };
};

/** Example 2: mean, no blend. 甲 89 & 88 (创新性 28, 27), 乙 89 & 88 (创新性 26, 27): both 88.50. */
const criterionExample = () => {
  const setup = setupOf({ criteria: CRITERIA, presenters: [{ name: "甲" }, { name: "乙" }] });
  const results = resultsOf(setup, [
    [[1, 0, [27, 28, 17, 17]], [2, 0, [26, 27, 18, 17]]],
    [[1, 0, [28, 26, 18, 17]], [2, 0, [28, 27, 16, 17]]],
  ]);
  return { setup, results };
};

/** Example 3: panels 区领导 70 / 两代表一委员 30. 甲 88 | 84, 84, 84; 乙 86 | 88, 89, 89: both 86.80. */
const panelExample = () => {
  const setup = setupOf({
    criteria: CRITERIA,
    presenters: [{ name: "甲" }, { name: "乙" }],
    panels: [{ name: "区领导", weight: 70 }, { name: "两代表一委员", weight: 30 }],
  });
  const results = resultsOf(setup, [
    [[1, 0, [27, 27, 17, 17]], [2, 0, [27, 27, 17, 17]], [3, 1, [25, 25, 17, 17]], [4, 1, [25, 25, 17, 17]], [5, 1, [25, 25, 17, 17]]],
    [[1, 0, [26, 26, 17, 17]], [2, 0, [26, 26, 17, 17]], [3, 1, [27, 27, 17, 17]], [4, 1, [27, 27, 18, 17]], [5, 1, [27, 27, 18, 17]]],
  ]);
  return { setup, results };
};

const withRules = (setup: ContestSetup, tiebreak: TiebreakRule[]): ContestSetup => ({ ...setup, tiebreak });

describe("tie-break — the worked examples of docs/scoring.md §6.1", () => {
  it("computes the tied finals and the values the rules compare, as worked out by hand", () => {
    const live = liveExample().results;
    expect(live.map((x) => [x.final, x.live])).toEqual([[r("88"), r("90")], [r("88"), r("88")]]);
    const criterion = criterionExample().results;
    expect(criterion.map((x) => [x.final, x.criterionAverages[1]])).toEqual([[r("88.5"), r("27.5")], [r("88.5"), r("26.5")]]);
    const panel = panelExample().results;
    // 乙's 两代表一委员: (88 + 89 + 89) / 3 = 266/3; live = (70·86 + 30·266/3) / 100 = 86.8
    expect(panel.map((x) => [x.final, x.panelScores[0]])).toEqual([[r("86.8"), r("88")], [r("86.8"), r("86")]]);
  });

  it.each([
    ["no rules: the tie shares rank 1", liveExample, [], [["甲", 1], ["乙", 1]]],
    ["live: 甲 90.00 > 乙 88.00", liveExample, ["live"], [["甲", 1], ["乙", 2]]],
    ["criterion 创新性: 甲 27.50 > 乙 26.50", criterionExample, [{ criterion: "创新性" }], [["甲", 1], ["乙", 2]]],
    ["criterion 实施性: 乙 28.00 > 甲 26.50", criterionExample, [{ criterion: "实施性" }], [["乙", 1], ["甲", 2]]],
    ["panel (区领导, weight 70): 甲 88.00 > 乙 86.00", panelExample, ["panel"], [["甲", 1], ["乙", 2]]],
    ["live cannot separate without a blend (live = final): the tie stays", criterionExample, ["live"], [["甲", 1], ["乙", 1]]],
  ] as const)("%s", (_, example, rules, expected) => {
    const { setup, results } = example();
    const rows = rowsOf(withRules(setup, [...rules] as TiebreakRule[]), results);
    expect(rows.map((row) => [row.name, row.rank])).toEqual(expected);
  });

  it("records which rule separated the tie and each unit's value as shown", () => {
    const { setup, results } = criterionExample();
    const standings = computeStandings(withRules(setup, ["live", { criterion: "创新性" }]), results);
    expect(standings.groups[0]?.ties).toEqual([
      {
        finalText: "88.50",
        presenters: [0, 1],
        splits: [{ rule: { criterion: "创新性" }, blocks: [{ presenters: [0], value: "27.50" }, { presenters: [1], value: "26.50" }] }],
        remaining: [],
      },
    ]);
  });

  it("reports a tie that no rule separates as remaining, and no ties at all without rules", () => {
    const { setup, results } = criterionExample();
    expect(computeStandings(withRules(setup, ["live"]), results).groups[0]?.ties).toEqual([
      { finalText: "88.50", presenters: [0, 1], splits: [], remaining: [{ presenters: [0, 1], awaitingChair: false }] },
    ]);
    expect(computeStandings(setup, results).groups[0]?.ties).toEqual([]);
  });
});

// ---------------------------------------------------------------- §6.2: rules in order, and the chair

/** Example 4: blend 60/40, rules live → 创新性 → chair; 甲 90|85, 乙 88|88 (创新性 27), 丙 88|88 (创新性 27). */
const orderExample = () => {
  const setup = setupOf({
    criteria: CRITERIA,
    presenters: [{ name: "甲", prior: 85 }, { name: "乙", prior: 88 }, { name: "丙", prior: 88 }],
    blend: { live: 60, prior: 40 },
    prizes: [{ name: "一等奖", count: 1 }, { name: "二等奖", count: 1 }],
    tiebreak: ["live", { criterion: "创新性" }, "chair"],
  });
  const results = resultsOf(setup, [[[1, 0, [27, 27, 18, 18]]], [[1, 0, [26, 27, 17, 18]]], [[1, 0, [27, 27, 17, 17]]]]);
  return { setup, results };
};

describe("tie-break — rules in order and the chair's decision (docs/scoring.md §6.2)", () => {
  it("separates 甲 by the live score, then waits for the chair on 乙 and 丙 (创新性 27.00 each)", () => {
    const { setup, results } = orderExample();
    expect(results.map((x) => x.final)).toEqual([r("88"), r("88"), r("88")]);
    const standings = computeStandings(setup, results);
    expect(brief(standings.groups[0]!.rows)).toEqual([
      ["甲", 1, "88.00", "一等奖"],
      ["乙", 2, "88.00", "二等奖"],
      ["丙", 2, "88.00", "二等奖"],
    ]);
    expect(standings.groups[0]?.ties).toEqual([
      {
        finalText: "88.00",
        presenters: [0, 1, 2],
        splits: [{ rule: "live", blocks: [{ presenters: [0], value: "90.00" }, { presenters: [1, 2], value: "88.00" }] }],
        remaining: [{ presenters: [1, 2], awaitingChair: true }],
      },
    ]);
    expect(tiesAwaitingChair(standings)).toEqual([[1, 2]]);
  });

  it("orders 乙 and 丙 as the chair decided; only 丙 gets the second prize", () => {
    const { setup, results } = orderExample();
    const standings = computeStandings(setup, results, [[2, 1]]);
    expect(brief(standings.groups[0]!.rows)).toEqual([
      ["甲", 1, "88.00", "一等奖"],
      ["丙", 2, "88.00", "二等奖"],
      ["乙", 3, "88.00", undefined],
    ]);
    expect(standings.groups[0]?.ties[0]?.splits).toEqual([
      { rule: "live", blocks: [{ presenters: [0], value: "90.00" }, { presenters: [1, 2], value: "88.00" }] },
      { rule: "chair", blocks: [{ presenters: [2], value: null }, { presenters: [1], value: null }] },
    ]);
    expect(tiesAwaitingChair(standings)).toEqual([]);
  });

  it("ignores a decision that does not hold every unit of the tie", () => {
    const { setup, results } = orderExample();
    expect(tiesAwaitingChair(computeStandings(setup, results, [[2, 0]]))).toEqual([[1, 2]]);
  });

  it("puts a unit without a value (no ballot in the top panel) after those with one", () => {
    const setup = setupOf({
      criteria: CRITERIA,
      presenters: [{ name: "甲" }, { name: "乙" }],
      panels: [{ name: "区领导", weight: 70 }, { name: "两代表一委员", weight: 30 }],
      tiebreak: ["panel"],
    });
    // 甲 has only 两代表一委员 ballots (live = 80); 乙 has 区领导 80 and 两代表一委员 80.
    const results = resultsOf(setup, [[[3, 1, [24, 24, 16, 16]]], [[1, 0, [24, 24, 16, 16]], [3, 1, [24, 24, 16, 16]]]]);
    const standings = computeStandings(setup, results);
    expect(brief(standings.groups[0]!.rows)).toEqual([["乙", 1, "80.00", undefined], ["甲", 2, "80.00", undefined]]);
    expect(standings.groups[0]?.ties[0]?.splits[0]?.blocks).toEqual([{ presenters: [1], value: "80.00" }, { presenters: [0], value: null }]);
  });

  it("compares values as shown: live scores 85.366… and 85.365 both show 85.37 and do not separate", () => {
    const setup = setupOf({ presenters: [{ name: "甲" }, { name: "乙" }], tiebreak: ["live"] });
    const tied = (presenter: number, live: string): PresenterResult => ({ ...resultWith(presenter, r("86")), live: r(live) });
    const results = [tied(0, "85.3666"), tied(1, "85.365")];
    expect(rowsOf(setup, results).map((row) => row.rank)).toEqual([1, 1]);
    expect(rowsOf(setup, [tied(0, "85.364"), tied(1, "85.365")]).map((row) => [row.name, row.rank])).toEqual([["乙", 1], ["甲", 2]]);
  });

  it("skips a criterion rule whose criterion no longer exists", () => {
    const { setup, results } = criterionExample();
    expect(rowsOf(withRules(setup, [{ criterion: "已删除" }, { criterion: "创新性" }]), results).map((row) => row.name)).toEqual(["甲", "乙"]);
  });

  it("gives the next unit after a partly separated tie its place (1, 2, 2, 4)", () => {
    const setup = setupOf({ presenters: Array.from({ length: 4 }, (_, i) => ({ name: `P${i}` })), tiebreak: ["live"] });
    const at = (presenter: number, final: string, live: string): PresenterResult => ({ ...resultWith(presenter, r(final)), live: r(live) });
    const rows = rowsOf(setup, [at(0, "90", "85"), at(1, "90", "85"), at(2, "90", "86"), at(3, "80", "80")]);
    expect(rows.map((row) => [row.name, row.rank])).toEqual([["P2", 1], ["P0", 2], ["P1", 2], ["P3", 4]]);
  });
});

// ---------------------------------------------------------------- §6.3: prize scope

/** The finals of the scoring-rules meeting (test/bot/scoring-rules.test.ts), two groups. */
const scopeExample = (prizeScope?: "group" | "overall", tiebreak?: TiebreakRule[]) => {
  const setup = setupOf({
    presenters: [
      { name: "坡头镇", group: "乡镇组" },
      { name: "麻斜街道", group: "乡镇组" },
      { name: "南调街道", group: "乡镇组" },
      { name: "区发展和改革局", group: "部门组" },
      { name: "区住房和城乡建设局", group: "部门组" },
      { name: "区农业农村局", group: "部门组" },
    ],
    prizes: [{ name: "一等奖", count: 1 }, { name: "二等奖", count: 2 }],
    ...(prizeScope ? { prizeScope } : {}),
    ...(tiebreak ? { tiebreak } : {}),
  });
  const finals = ["85.15", "90.8", "82.51", "90.96", "84.7", "85.05"];
  return { setup, results: finals.map((final, i) => resultWith(i, r(final))) };
};

describe("prize scope (docs/scoring.md §6.3)", () => {
  it("group (the default): each group's ranking gets 一等奖 ×1 and 二等奖 ×2", () => {
    const { setup, results } = scopeExample();
    const standings = computeStandings(setup, results);
    expect(standings.overall).toBeUndefined();
    expect(standings.groups.map((g) => [g.name, brief(g.rows)])).toEqual([
      ["乡镇组", [["麻斜街道", 1, "90.80", "一等奖"], ["坡头镇", 2, "85.15", "二等奖"], ["南调街道", 3, "82.51", "二等奖"]]],
      ["部门组", [["区发展和改革局", 1, "90.96", "一等奖"], ["区农业农村局", 2, "85.05", "二等奖"], ["区住房和城乡建设局", 3, "84.70", "二等奖"]]],
    ]);
  });

  it("overall: one ranking of all six gets 一等奖 ×1 and 二等奖 ×2; the groups keep their own ranks", () => {
    const { setup, results } = scopeExample("overall");
    const standings = computeStandings(setup, results);
    expect(standings.overall?.rows.map((row) => [row.name, row.group, row.rank, row.finalText, row.prize])).toEqual([
      ["区发展和改革局", "部门组", 1, "90.96", "一等奖"],
      ["麻斜街道", "乡镇组", 2, "90.80", "二等奖"],
      ["坡头镇", "乡镇组", 3, "85.15", "二等奖"],
      ["区农业农村局", "部门组", 4, "85.05", undefined],
      ["区住房和城乡建设局", "部门组", 5, "84.70", undefined],
      ["南调街道", "乡镇组", 6, "82.51", undefined],
    ]);
    expect(standings.groups.map((g) => [g.name, brief(g.rows)])).toEqual([
      ["乡镇组", [["麻斜街道", 1, "90.80", "二等奖"], ["坡头镇", 2, "85.15", "二等奖"], ["南调街道", 3, "82.51", undefined]]],
      ["部门组", [["区发展和改革局", 1, "90.96", "一等奖"], ["区农业农村局", 2, "85.05", undefined], ["区住房和城乡建设局", 3, "84.70", undefined]]],
    ]);
    expect(prizeRankings(standings)).toEqual([standings.overall]);
  });

  it("overall: the chair's order of a tie across groups also orders its units inside their group", () => {
    const { setup } = scopeExample("overall", ["chair"]);
    const finals = ["90", "88", "88", "90", "88", "70"];
    const results = finals.map((final, i) => resultWith(i, r(final)));
    const pending = computeStandings(setup, results);
    // Across groups: 坡头镇 and 区发展和改革局 tie at 90.00; 麻斜街道, 南调街道 and 区住房和城乡建设局 at 88.00.
    expect(tiesAwaitingChair(pending)).toEqual([[0, 3], [1, 2, 4]]);
    const decided = computeStandings(setup, results, [[3, 0], [4, 2, 1]]);
    expect(decided.overall?.rows.map((row) => [row.name, row.rank, row.prize])).toEqual([
      ["区发展和改革局", 1, "一等奖"],
      ["坡头镇", 2, "二等奖"],
      ["区住房和城乡建设局", 3, "二等奖"],
      ["南调街道", 4, undefined],
      ["麻斜街道", 5, undefined],
      ["区农业农村局", 6, undefined],
    ]);
    expect(decided.groups.map((g) => g.rows.map((row) => [row.name, row.rank]))).toEqual([
      [["坡头镇", 1], ["南调街道", 2], ["麻斜街道", 3]],
      [["区发展和改革局", 1], ["区住房和城乡建设局", 2], ["区农业农村局", 3]],
    ]);
    expect(tiesAwaitingChair(decided)).toEqual([]);
  });
});

// ---------------------------------------------------------------- properties

describe("tie-break — properties", () => {
  const arbResults = fc.array(
    fc.record({ final: fc.integer({ min: 0, max: 40 }), live: fc.integer({ min: 0, max: 6 }), c: fc.integer({ min: 0, max: 3 }) }),
    { minLength: 1, maxLength: 25 },
  );
  const arbRules = fc.subarray<TiebreakRule>(["live", { criterion: "A" }, "panel"]);
  const build = (entries: { final: number; live: number; c: number }[]) =>
    entries.map(({ final, live, c }, i): PresenterResult => ({
      ...resultWith(i, r(String(80 + final / 4))),
      live: r(String(80 + live / 2)),
      criterionAverages: [r(String(c))],
      panelScores: [r(String(80 + ((live * 7) % 5)))],
    }));
  const setupFor = (count: number, tiebreak: TiebreakRule[]) =>
    setupOf({ criteria: [{ name: "A", max: 10 }], presenters: Array.from({ length: count }, (_, i) => ({ name: `P${i}` })), tiebreak });

  it("never reorders units with different shown finals, and ranks equal the units ahead plus one, or share", () => {
    fc.assert(
      fc.property(arbResults, arbRules, (entries, rules) => {
        const rows = rowsOf(setupFor(entries.length, rules), build(entries));
        const finals = rows.map((row) => Number(row.finalText));
        for (let i = 1; i < rows.length; i++) expect(finals[i]).toBeLessThanOrEqual(finals[i - 1]!);
        rows.forEach((row, i) => {
          const ahead = rows.filter((other) => other.rank! < row.rank!).length;
          expect(row.rank).toBe(ahead + 1);
          if (i > 0 && rows[i - 1]!.rank === row.rank) expect(rows[i - 1]!.finalText).toBe(row.finalText);
        });
      }),
    );
  });

  it("with no rules ranks exactly as before; adding rules only splits shared ranks, never joins them", () => {
    fc.assert(
      fc.property(arbResults, arbRules, (entries, rules) => {
        const results = build(entries);
        const plain = new Map(rowsOf(setupFor(entries.length, []), results).map((row) => [row.presenter, row.rank!]));
        const ruled = rowsOf(setupFor(entries.length, rules), results);
        for (const a of ruled)
          for (const b of ruled) {
            if (plain.get(a.presenter)! < plain.get(b.presenter)!) expect(a.rank!).toBeLessThan(b.rank!);
            if (a.rank === b.rank) expect(plain.get(a.presenter)).toBe(plain.get(b.presenter));
          }
      }),
    );
  });

  it("a tie note lists every tied unit once, and its splits and remaining ties stay inside it", () => {
    fc.assert(
      fc.property(arbResults, arbRules, (entries, rules) => {
        const standings = computeStandings(setupFor(entries.length, rules), build(entries));
        for (const tie of standings.groups.flatMap((g) => g.ties)) {
          expect(new Set(tie.presenters).size).toBe(tie.presenters.length);
          const inside = (p: number) => tie.presenters.includes(p);
          for (const split of tie.splits) expect(split.blocks.flatMap((b) => b.presenters).every(inside)).toBe(true);
          for (const rest of tie.remaining) expect(rest.presenters.length > 1 && rest.presenters.every(inside)).toBe(true);
        }
      }),
    );
  });

  it("the chair's rule, given a decision for every tie, leaves no shared rank", () => {
    fc.assert(
      fc.property(arbResults, (entries) => {
        const setup = setupFor(entries.length, ["live", "chair"]);
        const results = build(entries);
        const pending = tiesAwaitingChair(computeStandings(setup, results));
        const decisions = pending.map((tie) => [...tie].reverse());
        const rows = rowsOf(setup, results, decisions);
        expect(new Set(rows.map((row) => row.rank)).size).toBe(rows.length);
        expect(tiesAwaitingChair(computeStandings(setup, results, decisions))).toEqual([]);
      }),
    );
  });

  it("overall scope: every prize goes to a unit whose overall rank is within the prize places", () => {
    fc.assert(
      fc.property(arbResults, fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 3 }), (entries, counts) => {
        const setup = setupOf({
          presenters: entries.map((_, i) => ({ name: `P${i}`, group: i % 2 ? "甲组" : "乙组" })),
          prizes: counts.map((count, i) => ({ name: `奖${i}`, count })),
          prizeScope: "overall",
        });
        const standings = computeStandings(setup, build(entries));
        const places = counts.reduce((a, b) => a + b, 0);
        const overall = standings.overall!.rows;
        for (const row of overall) expect(row.prize !== undefined).toBe(row.rank! <= places);
        const prizeOf = new Map(overall.map((row) => [row.presenter, row.prize]));
        for (const row of standings.groups.flatMap((g) => g.rows)) expect(row.prize).toBe(prizeOf.get(row.presenter));
      }),
    );
  });
});
