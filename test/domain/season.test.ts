import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  aliasClashes,
  canonicalName,
  type ContestSnapshot,
  exactText,
  parseExact,
  type Season,
  SeasonRulesSchema,
  seasonStandings,
  type SeasonStandings,
  snapshotRows,
  unitRows,
  withAlias,
} from "../../src/domain/season.js";
import { computeStandings } from "../../src/domain/standings.js";
import { q, resultWith, setupOf } from "./fixtures.js";

const BANDS = [
  { name: "红", min: 90 },
  { name: "黄", min: 75 },
  { name: "黑", min: 0 },
];

type RowInput = [name: string, group: string | null, final: [number, number?], band?: string];

const snapshot = (contestId: string, title: string, finishedAt: number, weight: number, rows: RowInput[]): ContestSnapshot => ({
  contestId,
  chatId: -1,
  title,
  finishedAt,
  weight,
  public: true,
  addedAt: 1000 + finishedAt,
  addedBy: 1,
  rows: rows.map(([name, group, [n, d = 1], band], i) => ({
    name,
    group,
    rank: i + 1,
    final: exactText(q(n, d)),
    ...(band ? { band } : {}),
  })),
});

/*
 * The three evaluations of one year (三评), two groups, weights 1, 1, 2. Each final is the mean of
 * three judges' totals:
 *   五月 (C1):   坡头镇 85 · 麻斜街道 91 · 区城管局 241/3 (80.33) · 区教育局 89
 *   八月 (C2):   坡头镇 91 · 麻斜街道 absent · 区城市管理局 265/3 (88.33) · 区教育局 88
 *   十二月 (C3): 坡头镇 80 · 麻斜街道 95 · 区城市管理局 90 · 区教育局 256/3 (85.33)
 * 区城管局 was renamed 区城市管理局 after C1 (alias joins them).
 */
const C1 = snapshot("c00000may1", "五月评议", 1, 1, [
  ["麻斜街道", "乡镇组", [91], "红"],
  ["坡头镇", "乡镇组", [85], "黄"],
  ["区教育局", "部门组", [89], "黄"],
  ["区城管局", "部门组", [241, 3], "黄"],
]);
const C2 = snapshot("c00000aug1", "八月评议", 2, 1, [
  ["坡头镇", "乡镇组", [91], "红"],
  ["区教育局", "部门组", [88], "黄"],
  ["区城市管理局", "部门组", [265, 3], "黄"],
]);
const C3 = snapshot("c00000dec1", "十二月评议", 3, 2, [
  ["麻斜街道", "乡镇组", [95], "红"],
  ["坡头镇", "乡镇组", [80], "黄"],
  ["区城市管理局", "部门组", [90], "红"],
  ["区教育局", "部门组", [256, 3], "黄"],
]);

const ALIASES = [{ from: "区城管局", to: "区城市管理局" }];

const season = (rules: Partial<Season["rules"]> = {}, aliases = ALIASES): Pick<Season, "rules" | "aliases"> => ({
  rules: SeasonRulesSchema.parse({ bands: BANDS, prizes: [{ name: "一等奖", count: 1 }], ...rules }),
  aliases,
});

const table = (standings: SeasonStandings) =>
  standings.groups.map((g) => [
    g.name,
    g.rows.map((r) => [r.rank, r.name, r.scoreText, r.cells.map((c) => c?.text ?? "—").join(" "), r.trend, r.band, r.prize]),
  ]);

describe("seasonStandings — the worked example", () => {
  it("averages with weights over the contests each unit took part in (absent: skip)", () => {
    const standings = seasonStandings(season(), [C3, C1, C2]);
    expect(standings.contests.map((c) => c.title)).toEqual(["五月评议", "八月评议", "十二月评议"]);
    /*
     * 乡镇组 (skip):
     *   坡头镇   (1·85 + 1·91 + 2·80) / (1+1+2) = 336/4 = 84            → 84.00, 黄
     *   麻斜街道 (1·91 + 2·95) / (1+2)          = 281/3 = 93.666…       → 93.67, 红 (C2 skipped)
     *   after C2: 坡头镇 (85+91)/2 = 88, 麻斜街道 91/1 = 91 → 麻斜 1, 坡头 2: both "="
     * 部门组 (skip):
     *   区城市管理局 (241/3 + 265/3 + 2·90)/4 = (506/3 + 540/3)/4 = 1046/12 = 523/6 = 87.1666… → 87.17
     *   区教育局     (89 + 88 + 2·256/3)/4 = (531/3 + 512/3)/4 = 1043/12 = 86.9166…        → 86.92
     *   after C2: 区教育局 (89+88)/2 = 88.5 (1st), 区城市管理局 (506/3)/2 = 84.33 (2nd)
     *   → 区城市管理局 ↑ (2 → 1), 区教育局 ↓ (1 → 2)
     */
    expect(table(standings)).toEqual([
      [
        "乡镇组",
        [
          [1, "麻斜街道", "93.67", "91.00 — 95.00", "same", "红", "一等奖"],
          [2, "坡头镇", "84.00", "85.00 91.00 80.00", "same", "黄", undefined],
        ],
      ],
      [
        "部门组",
        [
          [1, "区城市管理局", "87.17", "80.33 88.33 90.00", "up", "黄", "一等奖"],
          [2, "区教育局", "86.92", "89.00 88.00 85.33", "down", "黄", undefined],
        ],
      ],
    ]);
    const byName = new Map(standings.groups.flatMap((g) => g.rows).map((r) => [r.name, r] as const));
    expect(byName.get("麻斜街道")!.score).toEqual(q(281, 3));
    expect(byName.get("区城市管理局")!.score).toEqual(q(523, 6));
    expect(byName.get("区教育局")!.score).toEqual(q(1043, 12));
    expect(byName.get("区城市管理局")!.formerNames).toEqual(["区城管局"]);
  });

  it("counts a missed contest as 0 over the contests of the unit's group (absent: zero)", () => {
    /*
     * 麻斜街道 (1·91 + 1·0 + 2·95) / 4 = 281/4 = 70.25 → 黑; 坡头镇 stays 84.00 and is now 1st.
     * after C2: 坡头镇 88, 麻斜街道 (91 + 0)/2 = 45.5 → same order as now: both "=".
     * 部门组 took part in every contest, so nothing changes there.
     */
    const standings = seasonStandings(season({ absent: "zero" }), [C1, C2, C3]);
    expect(table(standings)[0]).toEqual([
      "乡镇组",
      [
        [1, "坡头镇", "84.00", "85.00 91.00 80.00", "same", "黄", "一等奖"],
        [2, "麻斜街道", "70.25", "91.00 — 95.00", "same", "黑", undefined],
      ],
    ]);
    expect(table(standings)[1]).toEqual(table(seasonStandings(season(), [C1, C2, C3]))[1]);
  });

  it("keeps each unit's colour record in the season's band order", () => {
    const rows = seasonStandings(season(), [C1, C2, C3]).groups.flatMap((g) => g.rows);
    const record = Object.fromEntries(rows.map((r) => [r.name, r.record.map((b) => `${b.band} ${b.count}`).join(" · ")]));
    // 坡头镇: 黄 (C1), 红 (C2), 黄 (C3); 区城市管理局: 黄, 黄, 红; 区教育局: 黄 ×3; 麻斜街道: 红, 红.
    expect(record).toEqual({ 麻斜街道: "红 2", 坡头镇: "红 1 · 黄 2", 区城市管理局: "红 1 · 黄 2", 区教育局: "黄 3" });
  });

  it("treats a renamed unit as two units until an alias joins them", () => {
    const standings = seasonStandings(season({}, []), [C1, C2, C3]);
    /*
     * 区城市管理局 (265/3 + 2·90)/3 = (265/3 + 540/3)/3 = 805/9 = 89.444… → 89.44
     * 区教育局 86.92 (as before), 区城管局 241/3 = 80.33 (C1 only)
     */
    expect(table(standings)[1]).toEqual([
      "部门组",
      [
        [1, "区城市管理局", "89.44", "— 88.33 90.00", "up", "黄", "一等奖"],
        [2, "区教育局", "86.92", "89.00 88.00 85.33", "down", "黄", undefined],
        [3, "区城管局", "80.33", "80.33 — —", "same", "黄", undefined],
      ],
    ]);
    expect(unitRows(standings, [], "区城管局").map((u) => u.row.scoreText)).toEqual(["80.33"]);
    expect(unitRows(seasonStandings(season(), [C1, C2, C3]), ALIASES, "区城管局").map((u) => u.row.name)).toEqual(["区城市管理局"]);
  });

  it("gives no trend with one contest, and 'new' to a unit first ranked in the last contest", () => {
    expect(seasonStandings(season(), [C1]).groups[0]!.rows.map((r) => r.trend)).toEqual([null, null]);
    const rows = seasonStandings(season({}, []), [C1, C2]).groups[1]!.rows;
    expect(rows.find((r) => r.name === "区城市管理局")!.trend).toBe("new");
  });

  it("shares a rank between season scores equal at two decimals and keeps first-appearance order", () => {
    // A: (80 + 90)/2 = 85; B: 85.004 → 85.00 as shown; C: 90 → ranks 1, 2, 2.
    const a = snapshot("aaaaaa0001", "一", 1, 1, [["A", null, [80]], ["B", null, [85004, 1000]], ["C", null, [90]]]);
    const b = snapshot("aaaaaa0002", "二", 2, 1, [["A", null, [90]]]);
    const rows = seasonStandings(season({ bands: [], prizes: [] }, []), [a, b]).groups[0]!.rows;
    expect(rows.map((r) => [r.name, r.rank, r.scoreText])).toEqual([
      ["C", 1, "90.00"],
      ["A", 2, "85.00"],
      ["B", 2, "85.00"],
    ]);
  });

  it("freezes what a contest posted: rows from its final standings, exact, units without a final left out", () => {
    const setup = setupOf({
      presenters: [{ name: "甲", group: "一组" }, { name: "乙", group: "一组" }, { name: "丙" }],
      bands: BANDS,
      prizes: [{ name: "一等奖", count: 1 }],
    });
    const standings = computeStandings(setup, [resultWith(0, q(251, 3)), resultWith(1, 95), resultWith(2, null)]);
    expect(snapshotRows(standings)).toEqual([
      { name: "乙", group: "一组", rank: 1, final: "95/1", band: "红", prize: "一等奖" },
      { name: "甲", group: "一组", rank: 2, final: "251/3", band: "黄" },
    ]);
    expect(parseExact("271/3")).toEqual(q(271, 3));
    expect(() => parseExact("1/0")).toThrow();
  });
});

describe("season score — one unit, table of hand-worked cases", () => {
  // finals per contest (null = absent; another unit of the group takes part every time), weights.
  const cases: { finals: ([number, number?] | null)[]; weights: number[]; absent: "skip" | "zero"; exact: [number, number]; shown: string; why: string }[] = [
    { finals: [[80], [90]], weights: [1, 1], absent: "skip", exact: [85, 1], shown: "85.00", why: "(80 + 90)/2" },
    { finals: [[80], [90]], weights: [1, 3], absent: "skip", exact: [175, 2], shown: "87.50", why: "(80 + 3·90)/4 = 350/4" },
    { finals: [[80], null, [90]], weights: [1, 1, 2], absent: "skip", exact: [260, 3], shown: "86.67", why: "(80 + 2·90)/3 = 260/3" },
    { finals: [[80], null, [90]], weights: [1, 1, 2], absent: "zero", exact: [65, 1], shown: "65.00", why: "(80 + 0 + 2·90)/4 = 260/4" },
    { finals: [[1742, 20], [871, 10]], weights: [0.5, 1.5], absent: "skip", exact: [871, 10], shown: "87.10", why: "(0.5·87.1 + 1.5·87.1)/2" },
    { finals: [[250, 3], [80]], weights: [1, 1], absent: "skip", exact: [245, 3], shown: "81.67", why: "(250/3 + 240/3)/2 = 490/6" },
    { finals: [[87125, 1000], null], weights: [1, 1], absent: "skip", exact: [697, 8], shown: "87.13", why: "87.125 rounds half up" },
    { finals: [[87125, 1000], null], weights: [1, 1], absent: "zero", exact: [697, 16], shown: "43.56", why: "87.125/2 = 43.5625" },
  ];
  it.each(cases)("$why → $shown ($absent)", ({ finals, weights, absent, exact, shown }) => {
    const snaps = finals.map((f, i) =>
      snapshot(`u${String(i).padStart(9, "0")}`, `C${i}`, i, weights[i]!, [["其他单位", null, [50]], ...(f ? [["本单位", null, f] as RowInput] : [])]),
    );
    const row = seasonStandings(season({ absent, bands: [], prizes: [] }, []), snaps).groups[0]!.rows.find((r) => r.name === "本单位")!;
    expect(row.score).toEqual(q(...exact));
    expect(row.scoreText).toBe(shown);
  });
});

describe("aliases", () => {
  it("follows aliases to the end and refuses a cycle or a name aliased to itself", () => {
    const chain = [{ from: "甲", to: "乙" }, { from: "乙", to: "丙" }];
    expect(canonicalName(chain, "甲")).toBe("丙");
    expect(withAlias(chain, "丙", "甲")).toEqual({ ok: false, code: "cycle" });
    expect(withAlias(chain, "丁", "丁")).toEqual({ ok: false, code: "same_name" });
    expect(withAlias(chain, "甲", "丁")).toEqual({ ok: true, aliases: [{ from: "乙", to: "丙" }, { from: "甲", to: "丁" }] });
  });

  it("reports two units of one contest that an alias would join", () => {
    const clash = aliasClashes([{ from: "区教育局", to: "区城市管理局" }], [C1, C2, C3]);
    expect(clash.map((c) => [c.title, c.group, c.name, c.names])).toEqual([
      ["八月评议", "部门组", "区城市管理局", ["区教育局", "区城市管理局"]],
      ["十二月评议", "部门组", "区城市管理局", ["区城市管理局", "区教育局"]],
    ]);
    expect(aliasClashes(ALIASES, [C1, C2, C3])).toEqual([]);
  });
});

describe("seasonStandings — properties", () => {
  const finals = fc.integer({ min: 0, max: 10_000 }); // hundredths
  const contestsArb = fc
    .array(
      fc.record({
        weight: fc.integer({ min: 1, max: 500 }).map((w) => w / 100),
        units: fc.array(fc.option(finals, { nil: undefined }), { minLength: 4, maxLength: 4 }),
      }),
      { minLength: 1, maxLength: 5 },
    )
    .filter((contests) => contests.every((c) => c.units.some((u) => u !== undefined)));

  const build = (contests: { weight: number; units: (number | undefined)[] }[]) =>
    contests.map((c, i) =>
      snapshot(`p${String(i).padStart(9, "0")}`, `C${i}`, i, c.weight, c.units.flatMap((f, u) => (f === undefined ? [] : [[`U${u}`, null, [f, 100]] as RowInput]))),
    );

  const plain = season({ bands: [], prizes: [] }, []);

  it("a season score lies between the unit's lowest and highest contest score (skip)", () => {
    fc.assert(
      fc.property(contestsArb, (contests) => {
        for (const row of seasonStandings(plain, build(contests)).groups[0]!.rows) {
          const taken = row.cells.flatMap((c) => (c ? [Number(c.final.n) / Number(c.final.d)] : []));
          const score = Number(row.score.n) / Number(row.score.d);
          expect(score).toBeGreaterThanOrEqual(Math.min(...taken) - 1e-9);
          expect(score).toBeLessThanOrEqual(Math.max(...taken) + 1e-9);
        }
      }),
    );
  });

  it("zero never scores above skip, and equals it for a unit present every time", () => {
    fc.assert(
      fc.property(contestsArb, (contests) => {
        const snaps = build(contests);
        const skip = new Map(seasonStandings(plain, snaps).groups[0]!.rows.map((r) => [r.name, r] as const));
        for (const row of seasonStandings({ ...plain, rules: { ...plain.rules, absent: "zero" } }, snaps).groups[0]!.rows) {
          const other = skip.get(row.name)!;
          const diff = row.score.n * other.score.d - other.score.n * row.score.d;
          if (row.cells.every((c) => c !== null)) expect(diff).toBe(0n);
          else expect(diff <= 0n).toBe(true);
        }
      }),
    );
  });

  it("scaling every weight by the same factor, or adding the contests in another order, changes nothing", () => {
    fc.assert(
      fc.property(contestsArb, fc.integer({ min: 2, max: 9 }), (contests, factor) => {
        const snaps = build(contests);
        const scaled = snaps.map((s) => ({ ...s, weight: Math.round(s.weight * factor * 100) / 100 }));
        const brief = (s: SeasonStandings) => s.groups.map((g) => g.rows.map((r) => [r.name, r.rank, exactText(r.score), r.trend]));
        expect(brief(seasonStandings(plain, scaled))).toEqual(brief(seasonStandings(plain, snaps)));
        expect(brief(seasonStandings(plain, [...snaps].reverse()))).toEqual(brief(seasonStandings(plain, snaps)));
      }),
    );
  });

  it("ranks as in a contest: 1 + the number of units shown strictly higher", () => {
    fc.assert(
      fc.property(contestsArb, (contests) => {
        const rows = seasonStandings(plain, build(contests)).groups[0]!.rows;
        for (const row of rows) {
          const higher = rows.filter((o) => Number(o.scoreText) > Number(row.scoreText)).length;
          expect(row.rank).toBe(higher + 1);
        }
      }),
    );
  });
});
