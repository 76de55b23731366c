// Seasons through the real bot: three contests in one group (三评) with overlapping units, one
// unit renamed between them and one absent, added to a season with weights; every posted number
// and colour record is checked against values worked out by hand below.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buttonsOf, type TestUser } from "../support/bot-api-server.js";
import { parseCsv } from "../domain/csv.js";
import { createHarness, GROUP, user, type Harness } from "./harness.js";
import { chair, judges, outsider, scoresFor, vote } from "./integrity-support.js";
import { pino } from "pino";
import { contestKeys } from "../../src/store/keys.js";
import { createSeasonRoutes } from "../../src/http/season-page.js";
import { readXlsx } from "../../src/xlsx.js";
import { XLSX_LIMITS } from "../../src/bot/features/contest-file.js";

const GROUP2 = -100_777;

type Unit = [name: string, group: string, totals: [number, number, number]];

/*
 * Each judge's total (the three judges' mean is the unit's final; mean method):
 *   五月评议 (C1):   坡头镇 85,86,84 → 85 · 麻斜街道 92,90,91 → 91 · 区城管局 80,80,81 → 241/3 = 80.33
 *                    · 区教育局 88,89,90 → 89
 *   八月评议 (C2):   坡头镇 90,91,92 → 91 · 麻斜街道 absent · 区城市管理局 (renamed) 88,88,89 → 265/3 = 88.33
 *                    · 区教育局 86,88,90 → 88
 *   十二月评议 (C3): 坡头镇 80,80,80 → 80 · 麻斜街道 95,94,96 → 95 · 区城市管理局 90 ×3 → 90
 *                    · 区教育局 85,85,86 → 256/3 = 85.33
 * Contest bands 红 ≥ 90, 黄 ≥ 75, 黑: C1 麻斜 红, 坡头 黄, 教育 黄, 城管 黄; C2 坡头 红, 城市管理局 黄,
 * 教育 黄; C3 麻斜 红, 坡头 黄, 城市管理局 红, 教育 黄.
 */
const C1: Unit[] = [
  ["坡头镇", "乡镇组", [85, 86, 84]],
  ["麻斜街道", "乡镇组", [92, 90, 91]],
  ["区城管局", "部门组", [80, 80, 81]],
  ["区教育局", "部门组", [88, 89, 90]],
];
const C2: Unit[] = [
  ["坡头镇", "乡镇组", [90, 91, 92]],
  ["区城市管理局", "部门组", [88, 88, 89]],
  ["区教育局", "部门组", [86, 88, 90]],
];
const C3: Unit[] = [
  ["坡头镇", "乡镇组", [80, 80, 80]],
  ["麻斜街道", "乡镇组", [95, 94, 96]],
  ["区城市管理局", "部门组", [90, 90, 90]],
  ["区教育局", "部门组", [85, 85, 86]],
];

/*
 * Season, weights 1 · 1 · 2, absent: skip (weights renormalise over the contests taken part in):
 *   坡头镇       (85 + 91 + 2·80)/4 = 336/4 = 84.00                         黄
 *   麻斜街道     (91 + 2·95)/3 = 281/3 = 93.666… → 93.67                     红, 一等奖
 *   区城市管理局 (241/3 + 265/3 + 2·90)/4 = 1046/12 = 87.1666… → 87.17       黄, 一等奖
 *   区教育局     (89 + 88 + 2·256/3)/4 = 1043/12 = 86.9166… → 86.92          黄
 * Trend (rank after C3 against the rank after C1+C2): 乡镇组 after C2: 麻斜 91 (1), 坡头 88 (2) → = =;
 * 部门组 after C2: 教育 88.5 (1), 城市管理局 506/6 = 84.33 (2) → 城市管理局 ↑, 教育 ↓.
 */
const SKIP_TABLE = [
  "【乡镇组】",
  "1. 麻斜街道 — 93.67 ｜ 91.00 · — · 95.00 ｜ = · 一等奖 · 红",
  "2. 坡头镇 — 84.00 ｜ 85.00 · 91.00 · 80.00 ｜ = · 黄",
  "【部门组】",
  "1. 区城市管理局 — 87.17 ｜ 80.33 · 88.33 · 90.00 ｜ ↑ · 一等奖 · 黄",
  "2. 区教育局 — 86.92 ｜ 89.00 · 88.00 · 85.33 ｜ ↓ · 黄",
];

const tableLines = (text: string) => text.split("\n").filter((line) => /^(\d+\.|【)/.test(line));

describe("seasons: three contests add up to one standings table", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
    h.model.setAdmins(GROUP, [], chair.id);
  });
  afterEach(() => h.close());

  const runContest = async (title: string, units: Unit[], chatId = GROUP) => {
    await h.say(chair, chatId, `/newcontest ${title}`);
    await h.say(chair, chatId, "/criteria\n实施性 30\n创新性 30\n持续性 20\n推广性 20");
    await h.say(chair, chatId, `/presenters\n${units.map(([name, group]) => `${name} | ${group}`).join("\n")}`);
    await h.say(chair, chatId, "/bands\n红 90\n黄 75\n黑 0");
    await h.say(chair, chatId, "/join");
    const join = h.model.lastMessage(chatId)!;
    for (const judge of judges) {
      h.model.startUser(judge);
      await h.tap(judge, chatId, join, /加入评委/);
    }
    for (const [, , totals] of units) {
      await h.say(chair, chatId, "/open");
      for (const [i, judge] of judges.entries()) await vote(h, judge, scoresFor(totals[i]!));
      await h.closeRound(chair, chatId);
    }
    await h.say(chair, chatId, "/finish");
    return (await h.store.contests.latestForChat(chatId))!;
  };

  const say = async (who: TestUser, text: string, chatId = GROUP) => (await h.say(who, chatId, text))!.text ?? "";

  it("builds the season from three contests: weights, an absent unit, a renamed unit, trend, bands, colour record, close", async () => {
    const c1 = await runContest("五月评议", C1);
    const finalC1 = h.model.messages(GROUP).map((m) => m.text ?? "").find((text) => text.includes("「五月评议」最终排名"))!;
    expect(finalC1).toContain("2. 区城管局 — 80.33（3 份） · 黄"); // ranks are per group
    await runContest("八月评议", C2);
    await runContest("十二月评议", C3);

    expect(await say(chair, "/season")).toContain("本群还没有赛季");
    expect(await say(judges[0]!, "/season new 2026年度综合考评")).toContain("只有群管理员");
    expect(await say(chair, "/season new 2026年度综合考评")).toContain("📅 已创建赛季「2026年度综合考评」，并设为本群当前赛季。");

    // Three finished contests, none in a season: a list with buttons, each checked on the press.
    expect(await say(chair, "/season add")).toContain("有 3 场已结束的评议还没有加入赛季");
    const list = h.model.lastMessage(GROUP)!;
    expect(buttonsOf(list).map((b) => b.text)).toEqual(["① 五月评议", "② 八月评议", "③ 十二月评议"]);
    await h.tap(judges[0]!, GROUP, list, "① 五月评议");
    expect(h.lastCallbackAnswer()).toMatchObject({ show_alert: true, text: expect.stringContaining("只有群管理员") });
    expect(await h.store.seasons.snapshots((await h.store.seasons.currentForChat(GROUP))!.id)).toEqual([]);
    await h.tap(chair, GROUP, list, "① 五月评议");
    expect(h.model.lastMessage(GROUP)!.text).toBe("✅ 已将「五月评议」加入赛季「2026年度综合考评」（权重 1，4 个单位的最终成绩已存档）。");
    expect(buttonsOf(h.model.message(GROUP, list.messageId)!).map((b) => b.text)).toEqual(["② 八月评议", "③ 十二月评议"]);
    await h.tap(chair, GROUP, list, "② 八月评议");
    expect(h.model.lastMessage(GROUP)!.text).toContain("✅ 已将「八月评议」加入赛季");
    // One left: added at once, with its weight.
    expect(await say(chair, "/season add 0")).toContain("权重「0」无效");
    expect(await say(chair, "/season add 2")).toBe("✅ 已将「十二月评议」加入赛季「2026年度综合考评」（权重 2，4 个单位的最终成绩已存档）。");

    expect(await say(chair, "/season rules\n等次 红 90，黄 75，黑 0\n奖项 一等奖 1")).toContain("等次：红 ≥ 90、黄 ≥ 75、黑 ≥ 0");
    expect(await say(chair, "/season rules\n缺席 有时")).toContain("第 1 行「缺席 有时」：缺席规则应为“跳过”或“零分”");

    // Before the alias the renamed unit counts as two: 区城市管理局 (265/3 + 2·90)/3 = 805/9 = 89.44.
    const beforeAlias = tableLines(await say(chair, "/season"));
    expect(beforeAlias.slice(3)).toEqual([
      "【部门组】",
      "1. 区城市管理局 — 89.44 ｜ — · 88.33 · 90.00 ｜ ↑ · 一等奖 · 黄",
      "2. 区教育局 — 86.92 ｜ 89.00 · 88.00 · 85.33 ｜ ↓ · 黄",
      "3. 区城管局 — 80.33 ｜ 80.33 · — · — ｜ = · 黄",
    ]);
    expect(await say(judges[1]!, "/season alias 区城管局 = 区城市管理局")).toContain("只有群管理员");
    expect(await say(chair, "/season alias 区城管局 = 区教育局")).toContain("「五月评议」：区教育局、区城管局 → 区教育局");
    expect(await say(chair, "/season alias 区城管局 = 区城市管理局")).toBe("✅ 「区城管局」今后按「区城市管理局」计入本赛季（涉及 1 次评议）。");

    const table = await say(outsider, "/season");
    expect(table).toContain("📅 赛季「2026年度综合考评」总排名（3 次评议，缺席不计入）");
    expect(table).toContain("① 五月评议（权重 1）\n② 八月评议（权重 1）\n③ 十二月评议（权重 2）");
    expect(tableLines(table)).toEqual(SKIP_TABLE);

    const history = await say(outsider, "/season unit 区城管局");
    expect(history.split("\n")).toEqual([
      "📋 「区城市管理局」· 赛季「2026年度综合考评」",
      "曾用名：区城管局",
      "",
      "【部门组】赛季第 1 名 · 87.17 · 趋势 ↑ · 一等奖 · 黄",
      "① 五月评议（权重 1）：80.33 · 第 2 名 · 黄",
      "② 八月评议（权重 1）：88.33 · 第 1 名 · 黄",
      "③ 十二月评议（权重 2）：90.00 · 第 1 名 · 红",
      "等次记录：红 1 · 黄 2",
    ]);
    const absentOnce = await say(outsider, "/season unit 麻斜街道");
    expect(absentOnce).toContain("② 八月评议（权重 1）：—（缺席）");
    expect(absentOnce).toContain("等次记录：红 2");
    expect(await say(outsider, "/season unit 不存在的单位")).toContain("没有「不存在的单位」");

    /*
     * absent: zero — 麻斜街道 (91 + 0 + 2·95)/4 = 281/4 = 70.25 → 黑, now 2nd; 坡头镇 84.00 1st.
     * After C2: 坡头镇 88, 麻斜街道 (91 + 0)/2 = 45.5 → the same order: = =. 部门组 unchanged.
     */
    expect(await say(chair, "/season rules 缺席 零分")).toContain("缺席：缺席计 0 分");
    const zero = await say(chair, "/season");
    expect(zero).toContain("（3 次评议，缺席计 0 分）");
    expect(tableLines(zero)).toEqual([
      "【乡镇组】",
      "1. 坡头镇 — 84.00 ｜ 85.00 · 91.00 · 80.00 ｜ = · 一等奖 · 黄",
      "2. 麻斜街道 — 70.25 ｜ 91.00 · — · 95.00 ｜ = · 黑",
      ...SKIP_TABLE.slice(3),
    ]);
    await say(chair, "/season rules 缺席 跳过");

    // A later change to a finished contest does not reach the season: its snapshot is frozen.
    const tampered = { ...c1, setup: { ...c1.setup, presenters: c1.setup.presenters.map((p) => ({ ...p, name: `${p.name}（改）` })) } };
    await h.store.contests.save(tampered);
    const ballots = contestKeys(h.redis.prefix, c1.id).ballots(1);
    const stored = JSON.parse((await h.redis.redis.hget(ballots, String(judges[0]!.id)))!) as { scores: number[] };
    await h.redis.redis.hset(ballots, String(judges[0]!.id), JSON.stringify({ ...stored, scores: [0, 0, 0, 0] }));
    expect(tableLines(await say(chair, "/season"))).toEqual(SKIP_TABLE);

    // Adding the same contest again replaces its snapshot and says so (the weight is kept).
    expect(await say(chair, "/season add")).toBe(
      "🔁 「十二月评议」已在赛季「2026年度综合考评」中：已用它现在的最终成绩替换原存档（权重 2，4 个单位）。",
    );
    expect(tableLines(await say(chair, "/season"))).toEqual(SKIP_TABLE);

    // Close: frozen.
    await say(chair, "/season close");
    const closing = h.model.messages(GROUP).slice(-2).map((m) => m.text ?? "");
    expect(closing[0]).toBe("🔒 赛季「2026年度综合考评」已结束，排名已冻结。");
    expect(closing[1]).toContain("📅 赛季「2026年度综合考评」最终总排名（已结束，3 次评议，缺席不计入）");
    expect(tableLines(closing[1]!)).toEqual(SKIP_TABLE);
    for (const command of ["/season add 3", "/season alias 坡头镇 = 坡头", "/season rules 缺席 零分", "/season close"])
      expect(await say(chair, command)).toBe("🔒 赛季「2026年度综合考评」已结束，排名已冻结，不能再修改。");
    expect(tableLines(await say(chair, "/season"))).toEqual(SKIP_TABLE);

    const season = (await h.store.seasons.currentForChat(GROUP))!;
    expect((await h.store.seasons.audit(season.id)).map((e) => e.type)).toEqual([
      "season-created",
      "season-contest-added",
      "season-contest-added",
      "season-contest-added",
      "season-rules-set",
      "season-alias-added",
      "season-rules-set",
      "season-rules-set",
      "season-contest-replaced",
      "season-closed",
    ]);

    // The export: one row per unit, a column per contest, trend, prize, band and colour record.
    h.model.startUser(chair);
    expect(await say(chair, "/export season")).toBe("📤 赛季「2026年度综合考评」的总排名已私聊发给你。");
    const file = h.model.messages(chair.id).find((m) => m.document?.file_name?.endsWith(".csv"))!;
    expect(file.document!.file_name).toBe("2026年度综合考评-赛季排名.csv");
    expect([...file.document!.bytes!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parseCsv(file.document!.bytes!.toString("utf8").slice(1))).toEqual([
      ["分组", "名次", "单位", "赛季得分", "五月评议（权重 1）", "八月评议（权重 1）", "十二月评议（权重 2）", "趋势", "奖项", "等次", "等次记录", "参加次数", "曾用名"],
      ["乡镇组", "1", "麻斜街道", "93.67", "91.00", "—", "95.00", "持平", "一等奖", "红", "红 2", "2", ""],
      ["乡镇组", "2", "坡头镇", "84.00", "85.00", "91.00", "80.00", "持平", "", "黄", "红 1 · 黄 2", "3", ""],
      ["部门组", "1", "区城市管理局", "87.17", "80.33", "88.33", "90.00", "↑", "一等奖", "黄", "红 1 · 黄 2", "3", "区城管局"],
      ["部门组", "2", "区教育局", "86.92", "89.00", "88.00", "85.33", "↓", "", "黄", "黄 3", "3", ""],
    ]);

    // The same in a workbook: the standings with scores as numbers, and a sheet of colour records.
    const workbook = h.model.messages(chair.id).find((m) => m.document?.file_name?.endsWith(".xlsx"))!;
    expect(workbook.document!.file_name).toBe("2026年度综合考评-赛季排名.xlsx");
    const read = readXlsx(workbook.document!.bytes!, XLSX_LIMITS);
    if (!read.ok) throw new Error(read.error.code);
    const values = (sheet: number) => read.sheets[sheet]!.rows.map((r) => r.cells.map((c) => c?.value ?? ""));
    expect(read.sheets.map((s) => s.name)).toEqual(["赛季排名", "等次记录"]);
    expect(values(0)[0]![0]).toBe("「2026年度综合考评」赛季总排名（缺席不计入）");
    expect(values(0)[2]).toEqual(["乡镇组", 1, "麻斜街道", 93.67, 91, "—", 95, "持平", "一等奖", "红", "红 2", 2]); // no former names: an empty cell
    expect(values(0)[4]).toEqual(["部门组", 1, "区城市管理局", 87.17, 80.33, 88.33, 90, "↑", "一等奖", "黄", "红 1 · 黄 2", 3, "区城管局"]);
    expect(values(1)).toEqual([
      ["分组", "单位", "五月评议（权重 1）", "八月评议（权重 1）", "十二月评议（权重 2）", "红", "黄", "黑"],
      ["乡镇组", "麻斜街道", "红", "—", "红", 2, 0, 0],
      ["乡镇组", "坡头镇", "黄", "红", "黄", 1, 2, 0],
      ["部门组", "区城市管理局", "黄", "黄", "红", 1, 2, 0],
      ["部门组", "区教育局", "黄", "黄", "黄", 0, 3, 0],
    ]);

    // The same table for a big screen: a link in private, a page with the same numbers.
    expect(await say(chair, "/season screen")).toBe("📺 赛季「2026年度综合考评」的大屏链接已私聊发给你。");
    const token = /\/season\/(\S+)/.exec(h.model.lastMessage(chair.id)!.text!)![1]!;
    const pages = createSeasonRoutes({ store: h.store, logger: pino({ level: "silent" }) }).app;
    const html = await (await pages.request(`/${token}`)).text();
    expect(html).toContain("赛季「2026年度综合考评」最终总排名");
    expect(html).toContain('<td class="name">区城市管理局</td><td class="score">87.17</td><td>80.33</td><td>88.33</td><td>90.00</td><td>↑</td>');
    expect(await say(judges[0]!, "/season screen revoke")).toContain("只有群管理员");
    expect(await say(chair, "/season screen revoke")).toBe("✅ 赛季大屏链接已作废。");
    expect((await pages.request(`/${token}`)).status).toBe(404);
  });

  it("adds a contest whose file names its season at /finish, creating the season in the group", async () => {
    const file = {
      title: "一季度擂台赛",
      criteria: [{ name: "实施性", max: 30 }, { name: "创新性", max: 30 }, { name: "持续性", max: 20 }, { name: "推广性", max: 20 }],
      presenters: [{ name: "坡头镇" }, { name: "麻斜街道" }],
      season: { name: "2026擂台赛", weight: 1.5 },
    };
    await h.say(chair, GROUP, "/newcontest 占位");
    await h.say(chair, GROUP, `/import ${JSON.stringify(file)}`);
    expect(h.model.lastMessage(GROUP)!.text).toContain("已导入「一季度擂台赛」");
    await h.say(chair, GROUP, "/join");
    const join = h.model.lastMessage(GROUP)!;
    for (const judge of judges) {
      h.model.startUser(judge);
      await h.tap(judge, GROUP, join, /加入评委/);
    }
    for (const totals of [[90, 92, 94], [70, 80, 90]]) {
      await h.say(chair, GROUP, "/open");
      for (const [i, judge] of judges.entries()) await vote(h, judge, scoresFor(totals[i]!));
      await h.closeRound(chair, GROUP);
    }
    await h.say(chair, GROUP, "/finish");
    const [final, note] = h.model.messages(GROUP).slice(-2).map((m) => m.text ?? "");
    expect(final).toContain("「一季度擂台赛」最终排名");
    expect(note).toBe("✅ 已将「一季度擂台赛」加入赛季「2026擂台赛」（权重 1.5，2 个单位的最终成绩已存档）。");
    // One contest: no trend yet. 坡头镇 (90+92+94)/3 = 92, 麻斜街道 (70+80+90)/3 = 80.
    expect(tableLines(await say(chair, "/season"))).toEqual(["1. 坡头镇 — 92.00 ｜ 92.00", "2. 麻斜街道 — 80.00 ｜ 80.00"]);

    // A file naming a season in a group where the chair is no longer an administrator: not added.
    await h.say(chair, GROUP, "/newcontest 二季度擂台赛");
    const contest = (await h.store.contests.activeForChat(GROUP))!;
    await h.store.contests.save({ ...contest, setup: { ...contest.setup, season: { name: "2026擂台赛", weight: 1 } } });
    h.model.setAdmins(GROUP, [], outsider.id);
    await h.say(chair, GROUP, "/finish");
    expect(h.model.lastMessage(GROUP)!.text).toContain("你不是该赛季每个群的管理员，本场评议未加入赛季");
    const season = (await h.store.seasons.currentForChat(GROUP))!;
    expect((await h.store.seasons.snapshots(season.id)).map((s) => s.title)).toEqual(["一季度擂台赛"]);
  });

  it("spans two groups only for someone who administers both, asked with getChatMember at /season add", async () => {
    h.model.setAdmins(GROUP2, [], chair.id);
    await say(chair, "/season new 联合赛季");
    expect(await say(chair, "/season new 联合赛季", GROUP2)).toBe("📅 本群已加入赛季「联合赛季」（共 2 个群）。");
    await runContest("二群评议", [["坡头镇", "乡镇组", [80, 82, 84]]], GROUP2);

    // No longer an administrator of the first group: refused, after asking both groups.
    h.model.setAdmins(GROUP, [], outsider.id);
    const asked = h.model.callsTo("getChatMember").length;
    expect(await say(chair, "/season add", GROUP2)).toBe("🙏 抱歉，赛季涉及 2 个群，只有同时是每个群管理员的人才能管理它。");
    const chats = h.model.callsTo("getChatMember").slice(asked).map((c) => c.params.chat_id);
    expect(new Set(chats)).toEqual(new Set([GROUP, GROUP2]));
    const season = (await h.store.seasons.currentForChat(GROUP2))!;
    expect(await h.store.seasons.snapshots(season.id)).toEqual([]);

    h.model.setAdmins(GROUP, [], chair.id);
    expect(await say(chair, "/season add", GROUP2)).toContain("✅ 已将「二群评议」加入赛季「联合赛季」");
    // Both groups see the same season; 坡头镇 (80+82+84)/3 = 82.
    expect(tableLines(await say(outsider, "/season"))).toEqual(["【乡镇组】", "1. 坡头镇 — 82.00 ｜ 82.00"]);
  });

  it("keeps a season whose contest's results were for the chair only out of the group", async () => {
    const contest = await runContest("内部评议", [["坡头镇", "乡镇组", [80, 82, 84]]]);
    // The contest's release policy: results for its chair only (reveal: chair).
    await h.store.contests.save({ ...contest, setup: { ...contest.setup, reveal: "chair" } });
    await say(chair, "/season new 内部赛季");
    expect(await say(chair, "/season add")).toContain("✅ 已将「内部评议」加入赛季");
    expect(await say(outsider, "/season")).toContain("包含只向主持人公布结果的评议，不在群里公布");
    expect(await say(outsider, "/season unit 坡头镇")).toContain("不在群里公布");
  });
});

describe("seasons in English", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ locale: "en" });
    h.model.setAdmins(GROUP, [], chair.id);
  });
  afterEach(() => h.close());

  it("posts the table, a unit's history and the rules in the group's language", async () => {
    await h.say(chair, GROUP, "/season new 2026 review");
    const season = (await h.store.seasons.currentForChat(GROUP))!;
    const rows = (finals: [string, string][]) => finals.map(([name, final], i) => ({ name, group: "Towns", rank: i + 1, final, band: "Yellow" }));
    const snapshot = (contestId: string, title: string, at: number, finals: [string, string][]) => ({
      contestId, chatId: GROUP, title, finishedAt: at, weight: 1, public: true, addedAt: at, addedBy: chair.id, rows: rows(finals),
    });
    // Potou: (85 + 91)/2 = 88.00; Maxie: 91 only (absent from May) = 91.00.
    await h.store.seasons.putSnapshot(season.id, snapshot("cccccc0001", "May", 1, [["Potou", "85/1"]]), { by: chair.id, at: 1 });
    await h.store.seasons.putSnapshot(season.id, snapshot("cccccc0002", "August", 2, [["Maxie", "91/1"], ["Potou", "91/1"]]), { by: chair.id, at: 2 });
    const table = (await h.say(outsider, GROUP, "/season"))!.text!;
    expect(table).toContain('📅 Season "2026 review" standings (2 contests, absent: not counted)');
    expect(table).toContain("① May (weight 1)\n② August (weight 1)");
    expect(table).toContain("[Towns]\n1. Maxie — 91.00 | — · 91.00 | new\n2. Potou — 88.00 | 85.00 · 91.00 | ↓");
    const unit = (await h.say(outsider, GROUP, "/season unit Maxie"))!.text!;
    expect(unit).toContain("① May (weight 1): — (absent)");
    expect(unit).toContain("Colour record: Yellow 1");
    expect((await h.say(chair, GROUP, "/season rules absent zero"))!.text).toContain("Absent: absent: counts as 0");
    expect((await h.say(chair, GROUP, "/season rules\nfoo"))!.text).toContain('Line 1 "foo": start the line with absent, bands or prizes');
  });
});
