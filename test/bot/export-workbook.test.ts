// The meeting's workbook through the real bot: a contest set up from the /template workbook is
// scored, finished and exported; the XLSX read back gives, cell by cell, the numbers of the
// ranking posted in the group and of the CSV files, and carries the print setup of a record.
import { unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { XLSX_LIMITS } from "../../src/bot/features/contest-file.js";
import type { ReadSheet } from "../../src/domain/workbook.js";
import { readXlsx } from "../../src/xlsx.js";
import type { TestUser } from "../support/bot-api-server.js";
import { parseCsv } from "../domain/csv.js";
import { createHarness, GROUP, user, type Harness } from "./harness.js";
import { vote as voteIn } from "./integrity-support.js";

const chair = user(1, "主持人");
const leaders = [user(21, "领导甲"), user(22, "领导乙"), user(23, "领导丙")];
const deputies = [user(31, "代表甲"), user(32, "代表乙")];
const judges = [...leaders, ...deputies];

/** Criterion points per judge for presenter p: varied, within 30/30/20/20. */
const ballot = (p: number, j: number): number[] => [20 + ((p * 3 + j * 5) % 11), 18 + ((p * 7 + j) % 13), 12 + ((p + j * 3) % 9), 10 + ((p * 5 + j * 2) % 11)];

/** Cell values by 0-based row (empty rows included) and column. */
const values = (sheet: ReadSheet): unknown[][] => {
  const rows: unknown[][] = [];
  for (const r of sheet.rows) rows[r.row - 1] = Array.from(r.cells, (c) => c?.value);
  return Array.from(rows, (r) => r ?? []);
};

describe("/export workbook", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
    h.model.setAdmins(GROUP, [], chair.id);
  });
  afterEach(() => h.close());

  const runMeeting = async () => {
    await h.say(chair, GROUP, "/newcontest 擂台赛");
    await h.say(chair, GROUP, "/template");
    const template = h.model.messages(GROUP).find((m) => m.document?.file_name?.endsWith(".xlsx"))!;
    h.model.sendFile(chair, GROUP, { fileName: "设置.xlsx", bytes: template.document!.bytes!, caption: "/import" });
    await h.deliver();
    expect(h.model.lastMessage(GROUP)!.text).toContain("✅ 已导入「坡头区雄鹰擂台赛」");
    await h.say(chair, GROUP, "/join");
    const join = h.model.lastMessage(GROUP)!;
    for (const judge of leaders) {
      h.model.startUser(judge);
      await h.tap(judge, GROUP, join, "🙋 加入：区领导");
    }
    for (const judge of deputies) {
      h.model.startUser(judge);
      await h.tap(judge, GROUP, join, "🙋 加入：两代表一委员");
    }
    for (let p = 0; p < 6; p++) {
      await h.say(chair, GROUP, "/open");
      for (const [j, judge] of judges.entries()) await voteIn(h, judge as TestUser, ballot(p, j));
      await h.say(chair, GROUP, "/close");
    }
    h.model.startUser(chair);
    await h.say(chair, GROUP, "/finish");
    return h.model.lastMessage(GROUP)!.text!;
  };

  const exported = async () => {
    await h.say(chair, GROUP, "/export");
    const files = h.model.messages(chair.id).filter((m) => m.document);
    const csv = (suffix: string) => parseCsv(files.find((m) => m.document!.file_name!.endsWith(suffix))!.document!.bytes!.toString("utf8").slice(1));
    const xlsx = files.find((m) => m.document!.file_name!.endsWith(".xlsx"))!;
    return { files, csv, xlsx };
  };

  it("holds the posted ranking, every ballot, each judge's sheet and the audit log, numbers as two-decimal numbers", async () => {
    const finished = await runMeeting();
    const { files, csv, xlsx } = await exported();
    expect(files.map((m) => m.document!.file_name)).toEqual([
      "坡头区雄鹰擂台赛-评分明细.csv",
      "坡头区雄鹰擂台赛-排名.csv",
      "坡头区雄鹰擂台赛-审计日志.csv",
      "坡头区雄鹰擂台赛-评分汇总.xlsx",
    ]);
    expect(xlsx.text).toContain("📗 「坡头区雄鹰擂台赛」评分汇总表");
    const read = readXlsx(xlsx.document!.bytes!, XLSX_LIMITS);
    if (!read.ok) throw new Error(read.error.code);
    expect(read.sheets.map((s) => s.name)).toEqual(["汇总表", "评分明细", ...judges.map((j) => j.first_name), "审计日志"]);
    const [summary, ballots] = read.sheets;

    // 汇总表: title, date, header, one row per presenter as ranked, then formula and signatures.
    const rows = values(summary!);
    expect(rows[0]).toEqual(["坡头区雄鹰擂台赛 评分汇总表"]);
    expect(String(rows[1]![0])).toMatch(/^日期：\d{4}-\d{2}-\d{2}$/);
    expect(rows[2]).toEqual(["分组", "名次", "序号", "汇报人", "最终得分", "现场得分", "平时成绩", "有效评分", "奖项", "等次"]);
    const ranking = rows.slice(3, 9);
    // The same as the ranking posted at /finish: "1. 麻斜街道 — 90.80（7 份） · 一等奖 · 红".
    const posted = finished.split("\n").filter((l) => /^\d+\. /.test(l));
    expect(posted).toHaveLength(6);
    expect(ranking.map((r) => `${r[1]}. ${r[3]} — ${(r[4] as number).toFixed(2)}（${r[7]} 份）${r[8] ? ` · ${r[8]}` : ""}${r[9] ? ` · ${r[9]}` : ""}`)).toEqual(posted);
    // And the standings CSV, cell by cell (text "90.80" there, the number 90.8 here).
    const standings = csv("排名.csv").slice(1);
    expect(ranking.map((r) => r.map((c, i) => (c === undefined ? "" : i === 4 || i === 5 ? (c as number).toFixed(2) : String(c))))).toEqual(
      standings.map((s) => s.slice(0, 10)),
    );
    expect(rows[10]).toEqual(["计分方法：去掉1个最高分和1个最低分后取平均，区领导70% + 两代表一委员30%，现场60% + 平时40%，结果实时公布"]);
    expect(rows.slice(12).map((r) => r[0])).toEqual(["评委签字：", "计分员签字：", "监督员签字：", "日期："]);

    // 评分明细: the ballots CSV with numbers as numbers.
    const ballotCsv = csv("评分明细.csv");
    const ballotRows = values(ballots!);
    expect(ballotRows[0]).toEqual(ballotCsv[0]);
    expect(ballotRows.slice(1).map((r) => r.map((c) => (c === undefined ? "" : String(c))))).toEqual(
      ballotCsv.slice(1).map((r) => r.map((c, i) => (i >= 6 && i <= 10 && c !== "" ? String(Number(c)) : c))),
    );

    // Each judge's sheet: every presenter with that judge's points and total.
    for (const [j, judge] of judges.entries()) {
      const sheet = values(read.sheets[2 + j]!);
      expect(sheet[0]).toEqual(["坡头区雄鹰擂台赛"]);
      expect(sheet[1]).toEqual([`评分表 — ${judge.first_name}（${j < 3 ? "区领导" : "两代表一委员"}）`]);
      expect(sheet[2]).toEqual(["序号", "汇报人", "分组", "实施性（30）", "创新性（30）", "持续性（20）", "推广性（20）", "合计（百分制）", "计分情况"]);
      for (let p = 0; p < 6; p++) {
        const points = ballot(p, j);
        const fromCsv = ballotCsv.find((r) => r[0] === String(p + 1) && r[4] === String(judge.id))!;
        expect(sheet[3 + p]!.slice(0, 8)).toEqual([p + 1, fromCsv[1], fromCsv[2], ...points, Number(fromCsv[10])]);
        expect(sheet[3 + p]![8]).toBe(fromCsv[11]);
      }
      expect(sheet.slice(10).map((r) => r[0])).toEqual(["评委签字：", "日期："]);
    }

    // 审计日志: the audit CSV.
    const audit = values(read.sheets.at(-1)!);
    expect(audit.map((r) => r.map((c) => (c === undefined ? "" : String(c))))).toEqual(csv("审计日志.csv"));
  });

  it("prints the summary on A4 landscape fit to one page wide, repeats and freezes its header rows, merges the title", async () => {
    await runMeeting();
    const { xlsx } = await exported();
    const parts = unzipSync(new Uint8Array(xlsx.document!.bytes!));
    const part = (name: string) => new TextDecoder().decode(parts[name]);
    const summary = part("xl/worksheets/sheet1.xml");
    expect(summary).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(summary).toContain('<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>');
    expect(summary).toContain('<mergeCell ref="A1:J1"/>');
    expect(part("xl/workbook.xml")).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'汇总表'!$1:$3</definedName>`);
    // Column widths fit the Chinese names: "区住房和城乡建设局" is 9 characters, 18 wide.
    expect(summary).toMatch(/<col min="4" max="4" width="20" customWidth="1"\/>/);
    // Points and totals show two decimals (cell style 7 is number format 2, "0.00").
    expect(part("xl/worksheets/sheet2.xml")).toMatch(/<c r="K2" s="7"><v>[\d.]+<\/v><\/c>/);
  });

  it("names sheets and columns in English for an English contest", async () => {
    await h.say(chair, GROUP, "/newcontest Quarterly review");
    await h.say(chair, GROUP, "/lang en");
    await h.say(chair, GROUP, "/criteria\nDelivery 30\nInnovation 30\nImpact 20\nReach 20");
    await h.say(chair, GROUP, "/presenters\nTransport Bureau\nEducation Bureau");
    await h.say(chair, GROUP, "/join");
    const join = h.model.lastMessage(GROUP)!;
    for (const judge of leaders) {
      h.model.startUser(judge);
      await h.tap(judge, GROUP, join, /Join as judge/);
    }
    await h.say(chair, GROUP, "/open");
    for (const [j, judge] of leaders.entries()) await voteIn(h, judge as TestUser, ballot(0, j));
    await h.say(chair, GROUP, "/close");
    h.model.startUser(chair);
    const { xlsx } = await exported();
    expect(xlsx.document!.file_name).toBe("Quarterly review-summary.xlsx");
    const read = readXlsx(xlsx.document!.bytes!, XLSX_LIMITS);
    if (!read.ok) throw new Error(read.error.code);
    expect(read.sheets.map((s) => s.name)).toEqual(["Summary", "Ballots", ...leaders.map((j) => j.first_name), "Audit log"]);
    const summary = values(read.sheets[0]!);
    expect(summary[0]).toEqual(["Quarterly review — score summary"]);
    expect(summary[2]).toEqual(["Rank", "No.", "Presenter", "Final", "Counted ballots", "Prize", "Band"]);
    expect(summary.slice(-4).map((r) => r[0])).toEqual(["Judges:", "Scorer:", "Supervisor:", "Date:"]);
  });
});
