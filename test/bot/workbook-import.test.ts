// The contest workbook through the real bot: /template sends an XLSX that imports as sent (in
// either language), a workbook filled in the way secretaries do imports, and every kind of bad
// workbook is refused with a message naming sheet, row and column, storing nothing.
import { readFileSync } from "node:fs";
import { strToU8, zipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_FILE_BYTES, XLSX_LIMITS } from "../../src/bot/features/contest-file.js";
import { parseContestJson } from "../../src/domain/contest-file.js";
import type { ContestSetup } from "../../src/domain/contest.js";
import { readXlsx } from "../../src/xlsx.js";
import { excelLikeWorkbook, fixtureSheets, type FixtureCell, type FixtureSheet } from "../domain/xlsx-fixture.js";
import { createHarness, GROUP, user, type Harness } from "./harness.js";

const chair = user(1, "主持人");
const SAMPLE = ((): ContestSetup => {
  const parsed = parseContestJson(readFileSync("samples/contest.sample.json", "utf8"));
  if (!parsed.ok) throw new Error("sample does not parse");
  return parsed.value;
})();

describe("contest workbook: /template and /import of XLSX", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
    h.model.setAdmins(GROUP, [], chair.id);
    await h.say(chair, GROUP, "/newcontest 待导入");
  });
  afterEach(() => h.close());

  const setup = async () => (await h.store.contests.activeForChat(GROUP))!.setup;

  const upload = async (bytes: Buffer, fileName = "评议设置.xlsx") => {
    h.model.sendFile(chair, GROUP, { fileName, bytes, caption: "/import" });
    await h.deliver();
    return h.model.lastMessage(GROUP)!.text!;
  };

  const templateSheets = async (chatId = GROUP, who = chair): Promise<FixtureSheet[]> => {
    await h.say(who, chatId, "/template");
    const sent = h.model.messages(chatId).filter((m) => m.document?.file_name?.endsWith(".xlsx")).at(-1)!;
    const read = readXlsx(sent.document!.bytes!, XLSX_LIMITS);
    if (!read.ok) throw new Error(read.error.code);
    return fixtureSheets(read.sheets);
  };

  /** The template with one sheet's rows from the third (after header and note) replaced. */
  const withRows = (sheets: FixtureSheet[], name: string, rows: FixtureCell[][], merges?: string[]): FixtureSheet[] =>
    sheets.map((s) => (s.name === name ? { name, rows: [...s.rows.slice(0, 2), ...rows], ...(merges ? { merges } : {}) } : s));

  const refusedWith = async (bytes: Buffer, expected: string[]) => {
    const before = await setup();
    const text = await upload(bytes);
    expect(text).toContain("❌ 文件有误，未导入任何内容");
    for (const line of expected) expect(text).toContain(line);
    expect(await setup()).toEqual(before);
    return text;
  };

  it("sends a Chinese workbook with every setting and list that imports as sent into the same contest as the JSON sample", async () => {
    await h.say(chair, GROUP, "/template");
    const files = h.model.messages(GROUP).filter((m) => m.document);
    expect(files.map((m) => m.document!.file_name)).toEqual(["评议设置模板.xlsx", "contest-template.json"]);
    expect(files[0]!.text).toContain("📗 评议设置模板（Excel）");
    expect(h.model.lastMessage(GROUP)!.text).toContain('grades 等级（name 名称、min 最低分、max 最高分，例如 {"name": "优", "min": 27, "max": 30}）');
    const read = readXlsx(files[0]!.document!.bytes!, XLSX_LIMITS);
    if (!read.ok) throw new Error(read.error.code);
    expect(read.sheets.map((s) => s.name)).toEqual(["设置", "评分项", "汇报单位", "评委", "评审组", "奖项", "等次"]);
    // Every note is translated (a missing one would show its key).
    const texts = read.sheets.flatMap((s) => s.rows.flatMap((r) => r.cells.map((c) => String(c?.value ?? ""))));
    expect(texts.filter((text) => text.includes("workbook-"))).toEqual([]);
    const criteria = read.sheets[1]!.rows.map((r) => r.cells.map((c) => c?.value));
    expect(criteria[0]).toEqual(["名称", "满分", "步长", "权重", "评分细则", "等级"]);
    expect(String(criteria[1]![1])).toMatch(/^※ 满分/);
    expect(criteria[2]).toEqual(["实施性", 30, 1, undefined, "对照实施方案，看工作进度与成效"]);
    // The sample names no judges: the 评委 sheet shows an example row as a note, which is not imported.
    expect(read.sheets[3]!.rows.map((r) => r.cells.map((c) => c?.value))[2]).toEqual(["※ 例：张三", "123456789", "区领导", "否", "坡头镇、麻斜街道"]);

    const text = await upload(files[0]!.document!.bytes!);
    expect(text).toContain("✅ 已导入「坡头区雄鹰擂台赛」：4 个评分项，6 位汇报人（2 个分组），2 个评委组");
    expect(await setup()).toEqual(SAMPLE);
  });

  it("sends the English workbook to an English-speaking user in private, and a Chinese group imports it", async () => {
    const alice = user(5, "Alice", "en");
    h.model.startUser(alice);
    const sheets = await templateSheets(alice.id, alice);
    expect(sheets.map((s) => s.name)).toEqual(["Settings", "Criteria", "Presenters", "Judges", "Panels", "Prizes", "Bands"]);
    expect(sheets[0]!.rows[4]).toEqual(["Method", "Trimmed mean", expect.stringContaining("mean, trimmed mean, median")]);
    expect(sheets[0]!.rows[15]).toEqual(["Judges join by", "Open", expect.stringContaining("open (the group button and join codes), approve")]);
    expect(sheets.flatMap((s) => s.rows.flat()).filter((c) => String(c).includes("workbook-"))).toEqual([]);
    expect(await upload(excelLikeWorkbook(sheets), "contest.xlsx")).toContain("✅ 已导入");
    expect(await setup()).toEqual(SAMPLE);
  });

  it("imports a workbook filled in as secretaries do: numbers as text, full-width digits, formulas, merged group cells, blank rows", async () => {
    let sheets = await templateSheets();
    sheets = withRows(
      sheets,
      "汇报单位",
      [
        ["坡头镇", "乡镇组", "８８"],
        ["麻斜街道", null, " 92 "],
        ["南调街道", null, { formula: "AVERAGE(80,90)", cached: 85 }],
        ["区发展和改革局", "部门组", "９０．０"],
        ["区住房和城乡建设局", null, 86.5],
        ["区农业农村局", null, { formula: "0.1*930", cached: 93.00000000000001 }],
        [],
        [null, "   "],
      ],
      ["B3:B5", "B6:B8"],
    );
    sheets = withRows(sheets, "评委", [
      ["张三", 1001, "区领导", "否", null],
      ["李四", "１００２", "两代表一委员", "是", "坡头镇、麻斜街道"],
      ["王五", null, "区领导", null, "区农业农村局"],
    ]);
    const settings: Record<string, FixtureCell> = { 最少有效评分数: { formula: "2+3", cached: 5 }, 赛季: "2026年度综合考评", 并列规则: "现场得分、创新性、主持人", 评奖范围: "全部单位统一评奖", 评委加入方式: "仅限名单邀请" };
    sheets = sheets.map((s) => (s.name === "设置" ? { ...s, rows: s.rows.map((r) => (String(r[0]) in settings ? [r[0], settings[String(r[0])]] : r)) } : s));
    sheets = sheets.map((s) => (s.name === "评分项" ? { ...s, rows: s.rows.map((r, i) => (i === 2 ? [...r.slice(0, 5), "优 27-30、良 ２１－２６，差 0～20"] : r)) } : s));
    const text = await upload(excelLikeWorkbook(sheets));
    expect(text).toContain("✅ 已导入「坡头区雄鹰擂台赛」：4 个评分项，6 位汇报人（2 个分组），2 个评委组，3 位预设评委");
    const judges = [
      { name: "张三", userId: 1001, panel: "区领导", observer: false, conflicts: [] },
      { name: "李四", userId: 1002, panel: "两代表一委员", observer: true, conflicts: ["坡头镇", "麻斜街道"] },
      { name: "王五", panel: "区领导", observer: false, conflicts: ["区农业农村局"] },
    ];
    const grades = [
      { name: "优", min: 27, max: 30 },
      { name: "良", min: 21, max: 26 },
      { name: "差", min: 0, max: 20 },
    ];
    const criteria = SAMPLE.criteria.map((c, i) => (i === 0 ? { ...c, grades } : c));
    expect(await setup()).toEqual({ ...SAMPLE, criteria, judges, season: { name: "2026年度综合考评", weight: 1 }, tiebreak: ["live", { criterion: "创新性" }, "chair"], prizeScope: "overall", join: "roster" });
  });

  it("names sheet, row and column of each bad cell, in one message, and stores nothing", async () => {
    let sheets = await templateSheets();
    sheets = withRows(sheets, "评分项", [
      ["实施性", "abc"],
      ["创新性", -5],
      ["实施性", 20, 3],
      ["持续性", 20, 1, null, null, "优 18-20、良好"],
      ["推广性", 20, 1, null, null, "优 15-20、良 10-16"],
    ]);
    sheets = withRows(sheets, "汇报单位", [
      ["坡头镇", null, { formula: "A1/0", error: "#DIV/0!" }],
      ["麻斜街道", null, { formula: "SUM(Z1:Z9)" }],
      ["南调街道", null, "九十"],
      [{ formula: "VLOOKUP(1,Z:Z,1)" }],
    ]);
    sheets = withRows(sheets, "评委", [["张三", null, "区政协", "可能"]]);
    const wrong: Record<string, FixtureCell> = { 计分方法: "加权", 并列规则: "主持人、现场得分", 评委加入方式: "随便" };
    sheets = sheets.map((s) => (s.name === "设置" ? { ...s, rows: s.rows.map((r) => (String(r[0]) in wrong ? [r[0], wrong[String(r[0])]] : r)) } : s));
    await refusedWith(excelLikeWorkbook(sheets), [
      "• 评分项 第 3 行 满分：应为正数（收到 abc）",
      "• 评分项 第 4 行 满分：超出范围（应 > 0 and <= 1000）（收到 -5）",
      "• 评分项 第 5 行 步长：满分必须是步长的整数倍",
      "• 评分项 第 6 行 等级：等级应写成“名称 最低分-最高分”，多个用、分隔，例如 优 27-30、良 24-26（收到 良好）",
      "• 评分项 第 7 行 等级：",
      "• 汇报单位 第 3 行 平时成绩：公式（C3）的结果是错误 #DIV/0!",
      "• 汇报单位 第 4 行 平时成绩：公式（C4）没有保存计算结果：请在 Excel 或 WPS 中打开并保存，或把公式换成数值",
      "• 汇报单位 第 5 行 平时成绩：应为 0–100 的数（收到 九十）",
      "• 汇报单位 第 6 行 名称：公式（A6）没有保存计算结果",
      "• 评委 第 3 行 观察员：应为以下之一：是 / 否（收到 可能）",
      "• 设置 第 5 行 计分方法：应为以下之一：平均分 / 去掉最高最低分后平均 / 中位数（收到 加权）",
      "• 设置 第 15 行 并列规则：并列规则「主持人」不对：可用 现场得分、评分项名称（现有：实施性、创新性、实施性、持续性、推广性）、评委组、主持人；每条只写一次，主持人只能放在最后",
      "• 设置 第 16 行 评委加入方式：应为以下之一：公开加入 / 主持人审核 / 仅限名单邀请（收到 随便）",
    ]);
  });

  it("checks names across sheets (panels, conflicts) like a JSON contest file", async () => {
    let sheets = withRows(await templateSheets(), "评委", [["张三", null, "区政协", null, "坡头镇、不存在的单位"]]);
    sheets = withRows(sheets, "奖项", [["一等奖", 1], ["二等奖", 2], ["一等奖", 3]]);
    await refusedWith(excelLikeWorkbook(sheets), [
      "• 奖项 第 5 行 名称：名称重复（与 A3 相同）",
      "• 评委 第 3 行 评审组：没有这个评委组（可用：区领导, 两代表一委员）（收到 区政协）",
      "• 评委 第 3 行 回避：没有这个汇报人（收到 不存在的单位）",
    ]);
  });

  it("refuses cells merged across columns, unknown sheets, columns and settings, and a missing settings sheet", async () => {
    let sheets = await templateSheets();
    sheets = withRows(sheets, "汇报单位", [["坡头镇与麻斜街道联合体", null, 90]], ["A3:B3"]);
    sheets = sheets.map((s) => (s.name === "评分项" ? { ...s, rows: [["名称", "分值", ...s.rows[0]!.slice(2)], ...s.rows.slice(1)] } : s));
    sheets = withRows(sheets, "奖项", [["一等奖", 1, "多写的一格"]]);
    sheets = sheets.map((s) => (s.name === "设置" ? { ...s, rows: [...s.rows, ["开幕致辞", "区长"]] } : s));
    await refusedWith(excelLikeWorkbook([...sheets, { name: "Sheet1", rows: [["随手记"]] }]), [
      "• 汇报单位 第 3 行：有跨列合并的单元格（A3:B3）：请取消合并，每格填写一个值",
      "• 评分项 第 1 行：不认识的列（可用：名称、满分、步长、权重、评分细则、等级）（收到 分值）",
      "• 奖项 第 3 行：单元格 C3 所在的列没有表头：请删除这个值或补上列名",
      "• 设置 第 17 行 设置项：不认识的设置项（可用：评议名称、语言、计分方法、去掉最高最低分个数、现场成绩权重、平时成绩权重、最少有效评分数、偏离提醒分差、赛季、赛季权重、结果公布、评奖范围、并列规则、评委加入方式）（收到 开幕致辞）",
      "• 工作表「Sheet1」：不认识的工作表（可用：设置、评分项、汇报单位、评委、评审组、奖项、等次）（收到 Sheet1）",
    ]);
    await refusedWith(excelLikeWorkbook(sheets.filter((s) => s.name !== "设置")), ["• 缺少工作表「设置」"]);
  });

  it("refuses files that are not workbooks, zip bombs, too many rows and oversized uploads before reading them", async () => {
    await refusedWith(Buffer.from("名称,满分\n实施性,30\n"), ["• 不是有效的 Excel 工作簿（.xlsx）"]);
    await refusedWith(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), ["旧版 .xls 或 WPS 的 .et 文件请先“另存为” .xlsx"]);

    // 16 MB of XML that deflates to a few kilobytes: refused from the sizes the zip declares.
    const bomb = Buffer.from(zipSync({ "xl/worksheets/sheet1.xml": strToU8(`<worksheet>${" ".repeat(16 * 1024 * 1024)}</worksheet>`) }, { level: 9 }));
    expect(bomb.length).toBeLessThan(MAX_FILE_BYTES);
    await refusedWith(bomb, ["• 工作簿解压后太大（最多 8 MB），请删除多余的工作表、图片或格式后再发"]);

    const rows: FixtureCell[][] = [["名称"], ...Array.from({ length: 1200 }, (_, i) => [`单位${i + 1}`])];
    const long = excelLikeWorkbook([{ name: "汇报单位", rows }]);
    expect(long.length).toBeLessThan(MAX_FILE_BYTES);
    await refusedWith(long, ["• 工作表「汇报单位」：有内容的行太多（最多 1100 行）"]);

    const before = await setup();
    const big = Buffer.concat([excelLikeWorkbook([{ name: "设置", rows: [["设置项", "值"]] }]), Buffer.alloc(MAX_FILE_BYTES)]);
    expect(await upload(big)).toBe("文件太大（最大 256 KB）。");
    expect(await setup()).toEqual(before);
  });
});
