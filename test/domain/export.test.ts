import { describe, expect, it } from "vitest";
import type { Ballot, Contest, Judge } from "../../src/domain/contest.js";
import {
  auditCsv,
  ballotsCsv,
  csvField,
  exportFileName,
  formatExportTime,
  standingsCsv,
  toCsv,
  type ExportLabels,
  type RoundData,
} from "../../src/domain/export.js";
import { receiptOf } from "../../src/domain/receipt.js";
import { presenterResult, type ScoredBallot } from "../../src/domain/scoring.js";
import { computeStandings } from "../../src/domain/standings.js";
import { setupOf } from "./fixtures.js";
import { parseCsv } from "./csv.js";

const labels: ExportLabels = {
  number: "序号",
  presenter: "汇报人",
  group: "分组",
  judge: "评委",
  judgeId: "评委ID",
  panel: "评审组",
  total: "合计",
  status: "计分",
  comment: "评语",
  version: "版本",
  submittedAt: "提交时间",
  receipt: "回执",
  rank: "名次",
  final: "最终得分",
  live: "现场得分",
  prior: "平时成绩",
  ballots: "有效票",
  prize: "奖项",
  band: "等次",
  average: (name) => `平均：${name}`,
  statuses: { counted: "计入", dropped: "去掉", abstained: "弃权", observer: "观察员", excluded: "不计入" },
};

const contest: Contest = {
  id: "exp0rt0001",
  chatId: -1,
  chairId: 1,
  cochairs: [],
  language: "zh-CN",
  status: "running",
  locked: false,
  createdAt: 0,
  setup: setupOf({
    title: "擂台赛",
    criteria: [
      { name: "实施性", max: 60 },
      { name: "创新性", max: 40, step: 0.5 },
    ],
    presenters: [{ name: "甲局", group: "A组", prior: 90 }, { name: '乙局, "新"', group: "A组" }, { name: "=HYPERLINK(1)" }],
    aggregate: { method: "trimmed", trim: 1 },
    blend: { live: 60, prior: 40 },
    prizes: [{ name: "一等奖", count: 1 }],
    bands: [{ name: "优秀", min: 85 }],
  }),
};

const judge = (userId: number, name: string, extra: Partial<Judge> = {}): Judge => ({ userId, name, panel: 0, observer: false, joinedAt: 0, ...extra });
const judges = new Map<number, Judge>([
  [11, judge(11, "张三")],
  [12, judge(12, "李四")],
  [13, judge(13, "王五")],
  [14, judge(14, "赵六")],
  [15, judge(15, "观察员甲", { observer: true })],
]);

const ballot = (judgeId: number, presenter: number, scores: number[], extra: Partial<Ballot> = {}): Ballot => ({
  judgeId,
  presenter,
  scores,
  abstain: false,
  submittedAt: Date.UTC(2025, 2, 1, 6, 3, judgeId),
  version: 1,
  ...extra,
});

const round = (presenter: number, ballots: Ballot[]): RoundData => {
  const scored: ScoredBallot[] = ballots.map((b) => {
    const j = judges.get(b.judgeId);
    return { judgeId: b.judgeId, panel: j?.panel ?? 0, scores: b.scores, counted: !!j && !j.observer && !b.abstain };
  });
  return { presenter, ballots, scored, result: presenterResult(contest.setup, presenter, scored) };
};

const rounds = [
  round(0, [
    ballot(11, 0, [50, 40]), // 90
    ballot(12, 0, [55, 39.5], { comment: '条理清晰,"数据"翔实\n建议推广', version: 2 }), // 94.5 (highest: dropped)
    ballot(13, 0, [40, 30]), // 70 (lowest: dropped)
    ballot(14, 0, [52, 36]), // 88
    ballot(15, 0, [10, 10]), // observer
  ]),
  round(1, [ballot(11, 1, [30, 20]), ballot(12, 1, [], { abstain: true }), ballot(13, 1, [32, 20])]),
];

describe("CSV fields (RFC 4180)", () => {
  it("quotes fields with commas, quotes or line breaks and doubles quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
    expect(csvField(85.5)).toBe("85.5");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
  });

  it("defuses text a spreadsheet would run as a formula, but not negative numbers", () => {
    expect(csvField("=1+1")).toBe("'=1+1");
    expect(csvField("+86 123")).toBe("'+86 123");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("-cmd")).toBe("'-cmd");
    expect(csvField("-12.5")).toBe("-12.5");
    expect(csvField("=a,b")).toBe(`"'=a,b"`);
  });

  it("starts with a BOM and ends every row with CRLF", () => {
    const csv = toCsv([["名称", "分数"], ["甲", 1]]);
    expect(csv).toBe("\uFEFF名称,分数\r\n甲,1\r\n");
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});

describe("ballots CSV", () => {
  const csv = ballotsCsv({ contest, rounds, judges, labels });
  const rows = parseCsv(csv.slice(1));

  it("has one row per ballot with every criterion, total, status, comment, version, time and receipt", () => {
    expect(rows[0]).toEqual(["序号", "汇报人", "分组", "评委", "评委ID", "评审组", "实施性", "创新性", "合计", "计分", "评语", "版本", "提交时间", "回执"]);
    expect(rows).toHaveLength(1 + 5 + 3);
    expect(rows[1]).toEqual(["1", "甲局", "A组", "张三", "11", "", "50", "40", "90.00", "计入", "", "1", "2025-03-01T06:03:11.000Z", receiptOf(contest.id, rounds[0]!.ballots[0]!)]);
    expect(rows[2]?.slice(6, 12)).toEqual(["55", "39.5", "94.50", "去掉", '条理清晰,"数据"翔实\n建议推广', "2"]);
    expect(rows[3]?.slice(8, 10)).toEqual(["70.00", "去掉"]);
    expect(rows[4]?.slice(8, 10)).toEqual(["88.00", "计入"]);
    expect(rows[5]?.slice(3, 10)).toEqual(["观察员甲", "15", "", "10", "10", "20.00", "观察员"]);
  });

  it("lists the rounds in the presenting order a draw gave, numbered by the setup list", () => {
    const drawn = parseCsv(ballotsCsv({ contest, rounds, judges, labels, order: [1, 2, 0] }).slice(1)).slice(1);
    const units = drawn.map((row) => row.slice(0, 2).join(" ")).filter((unit, i, all) => all.indexOf(unit) === i);
    expect(units).toEqual(['2 乙局, "新"', "1 甲局"]);
    expect(drawn).toHaveLength(rows.length - 1);
  });

  it("shows an abstention without scores or total", () => {
    expect(rows[7]?.slice(1, 10)).toEqual(['乙局, "新"', "A组", "李四", "12", "", "", "", "", "弃权"]);
  });

  it("writes times in a given time zone with its offset", () => {
    const local = parseCsv(ballotsCsv({ contest, rounds, judges, labels, timeZone: "Asia/Shanghai" }).slice(1));
    expect(local[1]?.[12]).toBe("2025-03-01 14:03:11 +08:00");
    expect(formatExportTime(Date.UTC(2025, 0, 1, 0, 0, 0), "UTC")).toBe("2025-01-01 00:00:00 +00:00");
  });

  it("names the panel the ballot counted in when the contest has panels (the panel at the close, not the judge's now)", () => {
    const withPanels: Contest = { ...contest, setup: { ...contest.setup, panels: [{ name: "专家组", weight: 70 }, { name: "群众组", weight: 30 }] } };
    const panelRounds = rounds.map((r) => ({ ...r, scored: r.scored.map((b) => (b.judgeId === 13 ? { ...b, panel: 1 } : b)) }));
    const movedSince = new Map(judges);
    movedSince.set(13, judge(13, "王五", { panel: 0 }));
    const out = parseCsv(ballotsCsv({ contest: withPanels, rounds: panelRounds, judges: movedSince, labels }).slice(1));
    expect(out[1]?.[5]).toBe("专家组");
    expect(out[3]?.[5]).toBe("群众组");
  });
});

describe("standings CSV", () => {
  const results = rounds.map((r) => r.result);
  const standings = computeStandings(contest.setup, results);
  const rows = parseCsv(standingsCsv({ contest, standings, results, labels }).slice(1));

  it("lists group, rank, name, final, live, prior, ballots, prize, band and criterion averages, no judges", () => {
    expect(rows[0]).toEqual(["分组", "名次", "序号", "汇报人", "最终得分", "现场得分", "平时成绩", "有效票", "奖项", "等次", "平均：实施性", "平均：创新性"]);
    // 甲局: live = mean(90, 88) = 89, final = 0.6·89 + 0.4·90 = 89.4; averages over 4 counted ballots.
    expect(rows[1]).toEqual(["A组", "1", "1", "甲局", "89.40", "89.00", "90", "4", "一等奖", "优秀", "49.25", "36.38"]);
    // 乙局: no prior, so final = live = mean(50, 52) = 51.
    expect(rows[2]).toEqual(["A组", "2", "2", '乙局, "新"', "51.00", "51.00", "", "2", "", "", "31.00", "20.00"]);
    expect(rows.flat().join()).not.toContain("张三");
  });

  it("defuses a presenter name that looks like a formula", () => {
    const third = round(2, [ballot(11, 2, [10, 10])]);
    const all = [...results, third.result];
    const out = parseCsv(standingsCsv({ contest, standings: computeStandings(contest.setup, all), results: all, labels }).slice(1));
    expect(out.at(-1)?.[3]).toBe("'=HYPERLINK(1)");
  });
});

describe("export file names", () => {
  it("keeps the title but no path separators or control characters", () => {
    expect(exportFileName("季度述职评议", "评分明细")).toBe("季度述职评议-评分明细.csv");
    expect(exportFileName("a/b\\c:d\n", "x", "xlsx")).toBe("a_b_c_d_-x.xlsx");
    expect(exportFileName("", "x")).toBe("contest-x.csv");
    expect(Array.from(exportFileName("长".repeat(100), "x"))).toHaveLength(60 + 6);
  });
});

describe("audit CSV", () => {
  it("lists every entry with time, user, event name, values and entry id", () => {
    const csv = auditCsv({
      entries: [
        { id: "1-0", at: Date.UTC(2025, 0, 1), by: 11, type: "ballot-drafted", data: { presenter: 0, criterion: 1, value: 8.5 } },
        { id: "2-0", at: Date.UTC(2025, 0, 1, 0, 0, 1), by: 0, type: "round-closed", data: { presenter: 0 } },
      ],
      names: new Map([[11, "张三"]]),
      labels: { time: "时间", userId: "用户ID", user: "用户", event: "事件", values: "内容", entry: "条目", system: "机器人" },
      eventName: (type) => ({ "ballot-drafted": "打分", "round-closed": "结束评分" })[type] ?? type,
    });
    expect(parseCsv(csv.slice(1))).toEqual([
      ["时间", "用户ID", "用户", "事件", "内容", "条目"],
      ["2025-01-01T00:00:00.000Z", "11", "张三", "打分", '{"presenter":0,"criterion":1,"value":8.5}', "1-0"],
      ["2025-01-01T00:00:01.000Z", "0", "机器人", "结束评分", '{"presenter":0}', "2-0"],
    ]);
  });
});
