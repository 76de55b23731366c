// The judges' join mode (评委加入方式) as a row of the contest workbook's 设置 sheet: the template
// writes the contest's mode in the workbook's language, the import reads it back (in either
// language, and the /joinmode words), and a value that is no mode is refused naming the cell.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseContestJson } from "../../src/domain/contest-file.js";
import { contestTemplate, parseContestWorkbook } from "../../src/domain/contest-workbook.js";
import type { ContestSetup, JoinMode, Locale } from "../../src/domain/contest.js";
import { XLSX_LIMITS } from "../../src/bot/features/contest-file.js";
import { readXlsx, writeXlsx } from "../../src/xlsx.js";
import { excelLikeWorkbook, fixtureSheets } from "./xlsx-fixture.js";

const SAMPLE = ((): ContestSetup => {
  const parsed = parseContestJson(readFileSync("samples/contest.sample.json", "utf8"));
  if (!parsed.ok) throw new Error("sample does not parse");
  return parsed.value;
})();

const note = (key: string) => `note ${key}`;

const sheetsOf = (bytes: Uint8Array) => {
  const read = readXlsx(bytes, XLSX_LIMITS);
  if (!read.ok) throw new Error(read.error.code);
  return read.sheets;
};

const template = (setup: ContestSetup, locale: Locale) => sheetsOf(writeXlsx(contestTemplate(setup, locale, note, "Arial")));

/** The 设置 sheet's row for the join mode, as [label, value, note]. */
const joinRow = (setup: ContestSetup, locale: Locale) =>
  fixtureSheets(template(setup, locale))[0]!.rows.find((r) => r[0] === (locale === "en" ? "Judges join by" : "评委加入方式"));

/** The template with the join row's value replaced, as Excel would save it. */
const withJoinValue = (locale: Locale, value: string) =>
  sheetsOf(
    excelLikeWorkbook(
      fixtureSheets(template(SAMPLE, locale)).map((s, i) =>
        i === 0 ? { ...s, rows: s.rows.map((r) => (r[0] === "评委加入方式" || r[0] === "Judges join by" ? [r[0], value] : r)) } : s,
      ),
    ),
  );

describe("contest workbook: the judges' join mode", () => {
  it.each([
    ["open", "zh-CN", "公开加入"],
    ["approve", "zh-CN", "主持人审核"],
    ["roster", "zh-CN", "仅限名单邀请"],
    ["open", "en", "Open"],
    ["approve", "en", "Approve"],
    ["roster", "en", "Roster"],
  ] as [JoinMode, Locale, string][])("writes %s in the %s template as %s and reads it back", (join, locale, written) => {
    const setup = { ...SAMPLE, join };
    expect(joinRow(setup, locale)).toEqual([locale === "en" ? "Judges join by" : "评委加入方式", written, "note settings.join"]);
    const back = parseContestWorkbook(template(setup, locale));
    expect(back).toEqual({ ok: true, value: setup });
  });

  it("offers the three modes as the cell's drop-down list", () => {
    const spec = contestTemplate(SAMPLE, "zh-CN", note, "Arial");
    const settings = spec.sheets[0]!;
    const row = settings.rows.findIndex((r) => r[0]?.value === "评委加入方式");
    expect(settings.validations).toContainEqual({ area: { row, col: 1, rows: 1, cols: 1 }, values: ["公开加入", "主持人审核", "仅限名单邀请"], strict: true });
  });

  it.each([
    ["开放", "open"],
    ["审批", "approve"],
    ["名单", "roster"],
    ["roster", "roster"],
    ["Approve", "approve"],
    [" 仅限名单邀请 ", "roster"],
  ])("reads %s as %s", (value, join) => {
    expect(parseContestWorkbook(withJoinValue("zh-CN", value))).toEqual({ ok: true, value: { ...SAMPLE, join } });
  });

  it("leaves an empty cell at the default (open)", () => {
    expect(parseContestWorkbook(withJoinValue("en", ""))).toEqual({ ok: true, value: { ...SAMPLE, join: "open" } });
  });

  it("refuses a value that is no mode, naming the sheet, row and setting and listing the modes in the workbook's language", () => {
    const zh = parseContestWorkbook(withJoinValue("zh-CN", "随便"));
    expect(zh.ok).toBe(false);
    expect(!zh.ok && zh.errors).toEqual([
      { path: "join", code: "not_one_of", expected: "公开加入 / 主持人审核 / 仅限名单邀请", received: "随便", cell: { sheet: "设置", row: 16, column: "评委加入方式" } },
    ]);
    const en = parseContestWorkbook(withJoinValue("en", "anyone"));
    expect(!en.ok && en.errors).toEqual([
      { path: "join", code: "not_one_of", expected: "Open / Approve / Roster", received: "anyone", cell: { sheet: "Settings", row: 16, column: "Judges join by" } },
    ]);
  });
});
