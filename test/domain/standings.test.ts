import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ContestSetup } from "../../src/domain/contest.js";
import { computeStandings, describeFormula, type StandingRow } from "../../src/domain/standings.js";
import { q, resultWith, setupOf, templateSetup } from "./fixtures.js";

const presenters = (count: number, group?: (i: number) => string | undefined) =>
  Array.from({ length: count }, (_, i) => ({ name: `P${i}`, ...(group?.(i) ? { group: group(i) } : {}) }));

const rowsOf = (setup: ContestSetup, finals: (number | null)[]): StandingRow[] =>
  computeStandings(setup, finals.map((f, i) => resultWith(i, f))).groups.flatMap((g) => g.rows);

const brief = (rows: StandingRow[]) => rows.map((row) => [row.name, row.rank, row.finalText, row.prize, row.band]);

describe("computeStandings — ranks", () => {
  const setup = setupOf({ presenters: presenters(6) });

  it("ranks by final descending, 1-based", () => {
    expect(brief(rowsOf(setup, [80, 95, 87.5]))).toEqual([
      ["P1", 1, "95.00", undefined, undefined],
      ["P2", 2, "87.50", undefined, undefined],
      ["P0", 3, "80.00", undefined, undefined],
    ]);
  });

  it("shares a rank between equal finals and leaves a gap after them (1, 2, 2, 4)", () => {
    expect(rowsOf(setup, [90, 85, 85, 80]).map((row) => row.rank)).toEqual([1, 2, 2, 4]);
  });

  it("ties finals that are equal after rounding to two decimals, listing them in presenting order", () => {
    const rows = rowsOf(setup, [87.125, 87.13, 87.1249, 87.12]);
    expect(rows.map((row) => [row.name, row.rank, row.finalText])).toEqual([
      ["P0", 1, "87.13"],
      ["P1", 1, "87.13"],
      ["P2", 3, "87.12"],
      ["P3", 3, "87.12"],
    ]);
  });

  it("lists presenters without a final last, in presenting order, without a rank", () => {
    const rows = rowsOf(setup, [null, 70, null, 90]);
    expect(rows.map((row) => [row.name, row.rank, row.final, row.finalText])).toEqual([
      ["P3", 1, q(90), "90.00"],
      ["P1", 2, q(70), "70.00"],
      ["P0", null, null, null],
      ["P2", null, null, null],
    ]);
  });

  it("reports the number of counted ballots", () => {
    const standings = computeStandings(setup, [resultWith(0, 90, 7)]);
    expect(standings.groups[0]?.rows[0]?.counted).toBe(7);
  });

  it("accepts results in any order", () => {
    const results = [resultWith(2, 80), resultWith(0, 80), resultWith(1, 90)];
    const rows = computeStandings(setup, results).groups.flatMap((g) => g.rows);
    expect(rows.map((row) => [row.name, row.rank])).toEqual([["P1", 1], ["P0", 2], ["P2", 2]]);
  });

  it("keeps the exact final next to its two-decimal text", () => {
    const row = computeStandings(setup, [resultWith(0, q(2561, 30))]).groups[0]?.rows[0];
    expect(row).toMatchObject({ final: q(2561, 30), finalText: "85.37" });
  });

  it("has no groups without results", () => {
    expect(computeStandings(setup, [])).toEqual({ groups: [] });
  });
});

describe("computeStandings — groups", () => {
  const setup = setupOf({
    presenters: presenters(5, (i) => (i === 0 ? undefined : i % 2 === 1 ? "部门组" : "乡镇组")),
  });

  it("ranks each group separately, groups in the order of their first presenter", () => {
    const standings = computeStandings(setup, [90, 80, 85, 95, 70].map((f, i) => resultWith(i, f)));
    expect(standings.groups.map((g) => [g.name, g.rows.map((row) => [row.name, row.rank])])).toEqual([
      [null, [["P0", 1]]],
      ["部门组", [["P3", 1], ["P1", 2]]],
      ["乡镇组", [["P2", 1], ["P4", 2]]],
    ]);
  });

  it("orders groups by the first presenter among the closed rounds", () => {
    const standings = computeStandings(setup, [resultWith(4, 70), resultWith(3, 95)]);
    expect(standings.groups.map((g) => g.name)).toEqual(["部门组", "乡镇组"]);
  });
});

describe("computeStandings — prizes", () => {
  const prizes = [
    { name: "一等奖", count: 1 },
    { name: "二等奖", count: 2 },
    { name: "三等奖", count: 3 },
  ];
  const setup = setupOf({ presenters: presenters(8), prizes });
  const prizesOf = (finals: number[]) => rowsOf(setup, finals).map((row) => [row.rank, row.prize]);

  it("gives prizes down the ranking by count", () => {
    expect(prizesOf([99, 98, 97, 96, 95, 94, 93])).toEqual([
      [1, "一等奖"], [2, "二等奖"], [3, "二等奖"], [4, "三等奖"], [5, "三等奖"], [6, "三等奖"], [7, undefined],
    ]);
  });

  it("gives presenters tied at a boundary the better prize, and the next prize starts after them", () => {
    // ranks 1,2,2,2,5,6,7: second prize ×3 uses one place of the third prize (6 places in all)
    expect(prizesOf([99, 90, 90, 90, 80, 79, 78])).toEqual([
      [1, "一等奖"], [2, "二等奖"], [2, "二等奖"], [2, "二等奖"], [5, "三等奖"], [6, "三等奖"], [7, undefined],
    ]);
  });

  it("gives every presenter tied at the last place the last prize", () => {
    expect(prizesOf([99, 98, 97, 96, 95, 94, 94, 93])).toEqual([
      [1, "一等奖"], [2, "二等奖"], [3, "二等奖"], [4, "三等奖"], [5, "三等奖"], [6, "三等奖"], [6, "三等奖"], [8, undefined],
    ]);
  });

  it("skips a prize whose places a tie has used up", () => {
    const small = setupOf({ presenters: presenters(4), prizes: [{ name: "A", count: 1 }, { name: "B", count: 1 }, { name: "C", count: 1 }] });
    expect(rowsOf(small, [90, 90, 90, 80]).map((row) => [row.rank, row.prize])).toEqual([
      [1, "A"], [1, "A"], [1, "A"], [4, undefined],
    ]);
  });

  it("gives no prize to a presenter without a final", () => {
    expect(rowsOf(setup, [null, 90]).map((row) => row.prize)).toEqual(["一等奖", undefined]);
  });
});

describe("computeStandings — bands", () => {
  const bands = [
    { name: "红", min: 90 },
    { name: "黄", min: 75 },
    { name: "黑", min: 0 },
  ];
  const setup = setupOf({ presenters: presenters(8), bands });

  it.each([
    [95, "红"],
    [90, "红"],
    [89.995, "红"],
    [89.994, "黄"],
    [75, "黄"],
    [74.99, "黑"],
    [0, "黑"],
  ])("puts a final of %f, compared as shown with two decimals, in band %s", (final, band) => {
    expect(rowsOf(setup, [final])[0]?.band).toBe(band);
  });

  it("gives no band when no min is reached", () => {
    const partial = setupOf({ presenters: presenters(1), bands: [{ name: "优秀", min: 90 }] });
    expect(rowsOf(partial, [80])[0]?.band).toBeUndefined();
  });

  it("takes the first band in the order given", () => {
    const unordered = setupOf({ presenters: presenters(1), bands: [{ name: "合格", min: 60 }, { name: "优秀", min: 90 }] });
    expect(rowsOf(unordered, [95])[0]?.band).toBe("合格");
  });
});

describe("ranks — properties", () => {
  it("are 1-based, shared by equal shown scores, and gap after ties", () => {
    const arbFinals = fc.array(fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }), { maxLength: 40 });
    fc.assert(
      fc.property(arbFinals, (thousandths) => {
        const setup = setupOf({ presenters: presenters(thousandths.length) });
        const rows = rowsOf(setup, thousandths.map((t) => (t === null ? null : t / 1000)));
        const shown = rows.map((row) => (row.finalText === null ? null : Number(row.finalText)));
        rows.forEach((row, i) => {
          const own = shown[i];
          if (own === null || own === undefined) return expect(row.rank).toBeNull();
          const higher = shown.filter((s) => s !== null && s !== undefined && s > own).length;
          expect(row.rank).toBe(1 + higher);
        });
        const ranked = rows.filter((row) => row.rank !== null);
        if (ranked.length > 0) expect(ranked[0]?.rank).toBe(1);
        expect(rows.length).toBe(thousandths.length);
      }),
    );
  });
});

describe("describeFormula", () => {
  it("describes the template contest", () => {
    expect(describeFormula(templateSetup())).toEqual({
      method: "trimmed",
      trim: 1,
      criteria: [
        { name: "实施性", max: 30, percent: 30 },
        { name: "创新性", max: 30, percent: 30 },
        { name: "持续性", max: 20, percent: 20 },
        { name: "推广性", max: 20, percent: 20 },
      ],
      panels: [
        { name: "区领导", percent: 70 },
        { name: "两代表一委员", percent: 30 },
      ],
      blend: { live: 60, prior: 40 },
    });
  });

  it("reports trim 0 for the mean and the median, and no panels or blend when none are set", () => {
    const setup = setupOf({ criteria: [{ name: "A", max: 10 }], aggregate: { method: "median", trim: 2 } });
    expect(describeFormula(setup)).toEqual({
      method: "median",
      trim: 0,
      criteria: [{ name: "A", max: 10, percent: 100 }],
      panels: [],
      blend: null,
    });
  });

  it("turns weights into percentages rounded to two decimals", () => {
    const setup = setupOf({
      criteria: [{ name: "A", max: 10, weight: 1 }, { name: "B", max: 10, weight: 2 }],
      panels: [{ name: "X", weight: 1 }, { name: "Y", weight: 1 }, { name: "Z", weight: 1 }],
      blend: { live: 3, prior: 1 },
    });
    const parts = describeFormula(setup);
    expect([parts.criteria.map((c) => c.percent), parts.panels.map((p) => p.percent), parts.blend]).toEqual([
      [33.33, 66.67],
      [33.33, 33.33, 33.33],
      { live: 75, prior: 25 },
    ]);
  });
});

describe("computeStandings — worked example (docs/scoring.md)", () => {
  it("ranks the template contest per group with prizes and bands", () => {
    const results = [
      resultWith(0, q(4321, 50)), // 坡头镇 86.42, from the scoring worked example
      resultWith(1, 90.1), // 麻斜街道
      resultWith(2, 86.415), // 南调街道, shown as 86.42: tied with 坡头镇
      resultWith(3, 74.994), // 区发展和改革局, shown as 74.99: below 黄 (75)
      resultWith(4, 91.5), // 区住房和城乡建设局
      resultWith(5, null, 0), // 区农业农村局, no counted ballots yet
    ];
    const standings = computeStandings(templateSetup(), results);
    expect(standings.groups.map((g) => [g.name, brief(g.rows)])).toEqual([
      [
        "乡镇组",
        [
          ["麻斜街道", 1, "90.10", "一等奖", "红"],
          ["坡头镇", 2, "86.42", "二等奖", "黄"],
          ["南调街道", 2, "86.42", "二等奖", "黄"],
        ],
      ],
      [
        "部门组",
        [
          ["区住房和城乡建设局", 1, "91.50", "一等奖", "红"],
          ["区发展和改革局", 2, "74.99", "二等奖", "黑"],
          ["区农业农村局", null, null, undefined, undefined],
        ],
      ],
    ]);
  });
});
