// Issue: scoring rules of real review meetings. The sample contest file is imported, 7 judges in
// 2 panels score 6 presenters in 2 groups, and every posted number is checked against values
// computed by hand (trimmed mean per panel, panels 70/30, blended 60/40 with the prior score).
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, GROUP, user, type Harness } from "./harness.js";
import { vote as voteIn } from "./integrity-support.js";
import type { TestUser } from "../support/bot-api-server.js";

const chair = user(1, "主持人");
const leaders = [user(21, "领导甲"), user(22, "领导乙"), user(23, "领导丙"), user(24, "领导丁")];
const deputies = [user(31, "代表甲"), user(32, "代表乙"), user(33, "委员丙")];
const judges = [...leaders, ...deputies];

/** Criterion points [实施性/30, 创新性/30, 持续性/20, 推广性/20] per judge (leaders first), per presenter. */
const BALLOTS: number[][][] = [
  // 坡头镇: totals 90 85 80 70 | 95 75 85
  [[27, 27, 18, 18], [26, 25, 17, 17], [24, 24, 16, 16], [21, 21, 14, 14], [29, 28, 19, 19], [23, 22, 15, 15], [26, 25, 17, 17]],
  // 麻斜街道: totals 92 88 95 75 | 90 91 89
  [[28, 28, 18, 18], [26, 26, 18, 18], [29, 28, 19, 19], [23, 22, 15, 15], [27, 27, 18, 18], [28, 27, 18, 18], [27, 26, 18, 18]],
  // 南调街道: totals 78 82 80 79 | 70 88 84
  [[23, 23, 16, 16], [25, 25, 16, 16], [24, 24, 16, 16], [24, 23, 16, 16], [21, 21, 14, 14], [26, 26, 18, 18], [25, 25, 17, 17]],
  // 区发展和改革局: totals 88 90 92 94 | 96 91 93
  [[26, 26, 18, 18], [27, 27, 18, 18], [28, 28, 18, 18], [28, 28, 19, 19], [29, 29, 19, 19], [28, 27, 18, 18], [28, 27, 19, 19]],
  // 区住房和城乡建设局: totals 85 85 85 85 | 80 80 80
  [[26, 25, 17, 17], [26, 25, 17, 17], [26, 25, 17, 17], [26, 25, 17, 17], [24, 24, 16, 16], [24, 24, 16, 16], [24, 24, 16, 16]],
  // 区农业农村局: totals 99 70 75 80 | 85 65 100
  [[30, 29, 20, 20], [21, 21, 14, 14], [23, 22, 15, 15], [24, 24, 16, 16], [26, 25, 17, 17], [20, 19, 13, 13], [30, 30, 20, 20]],
];

/*
 * By hand, per presenter: A = leaders' trimmed mean (drop 1 highest, 1 lowest of 4), B = deputies'
 * trimmed mean (middle one of 3), live = 0.7·A + 0.3·B, final = 0.6·live + 0.4·prior.
 *   坡头镇        A = (85+80)/2 = 82.5  B = 85  live = 57.75+25.5 = 83.25  final = 49.95+35.2  = 85.15
 *   麻斜街道      A = (92+88)/2 = 90    B = 90  live = 90                  final = 54+36.8     = 90.80
 *   南调街道      A = (79+80)/2 = 79.5  B = 84  live = 55.65+25.2 = 80.85  final = 48.51+34   = 82.51
 *   区发展和改革局 A = (90+92)/2 = 91    B = 93  live = 63.7+27.9 = 91.6    final = 54.96+36   = 90.96
 *   区住房…建设局  A = 85               B = 80  live = 59.5+24 = 83.5      final = 50.1+34.6   = 84.70
 *   区农业农村局  A = (75+80)/2 = 77.5  B = 85  live = 54.25+25.5 = 79.75  final = 47.85+37.2  = 85.05
 */
const AFTER_ROUND_1 = ["【乡镇组】", "1. 坡头镇 — 85.15（7 份） ◀ 刚结束"];

describe("scoring rules of a real review meeting (contest file, panels, trimmed mean, blend, groups, prizes, bands)", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
    h.model.setAdmins(GROUP, [], chair.id);
  });
  afterEach(() => h.close());

  const vote = (judge: TestUser, scores: number[]) => voteIn(h, judge, scores);

  const rankingLines = (text: string) => text.split("\n").filter((l) => /^(\d+\.|【)/.test(l));

  it("imports the sample file, runs every round and posts the hand-computed standings, prizes and bands", async () => {
    await h.say(chair, GROUP, "/newcontest 擂台赛");
    h.model.sendFile(chair, GROUP, { fileName: "contest.json", bytes: readFileSync("samples/contest.sample.json"), caption: "/import" });
    await h.deliver();
    const imported = h.model.lastMessage(GROUP)!.text!;
    expect(imported).toContain("已导入「坡头区雄鹰擂台赛」：4 个评分项，6 位汇报人（2 个分组），2 个评委组");
    expect(imported).toContain("计分方法：去掉1个最高分和1个最低分后取平均，区领导70% + 两代表一委员30%，现场60% + 平时40%");

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
    await h.say(chair, GROUP, "/settings");
    expect(h.model.lastMessage(GROUP)!.text).toContain("评委组：区领导 70（4）、两代表一委员 30（3）");

    const posted: string[] = [];
    for (const [presenter, ballots] of BALLOTS.entries()) {
      await h.say(chair, GROUP, "/open");
      const announcement = h.model.lastMessage(GROUP)!;
      for (const [i, judge] of judges.entries()) await vote(judge, ballots[i]!);
      await h.say(chair, GROUP, "/close");
      posted.push((await h.standings(GROUP))!.text!);
      const closed = h.model.message(GROUP, announcement.messageId)!.text!;
      expect(closed).toContain(`🎤 第 ${presenter + 1}/6 位`);
      expect(closed).toContain("🔒 评分已结束：共 7/7 份");
      if (presenter === 0) expect(closed).toContain("🏅 得分：85.15（7 份有效评分）");
    }
    expect(rankingLines(posted[0]!)).toEqual(AFTER_ROUND_1);
    expect(rankingLines(posted[3]!)).toEqual([
      "【乡镇组】",
      "1. 麻斜街道 — 90.80（7 份）",
      "2. 坡头镇 — 85.15（7 份）",
      "3. 南调街道 — 82.51（7 份）",
      "【部门组】",
      "1. 区发展和改革局 — 90.96（7 份） ◀ 刚结束",
    ]);

    await h.say(chair, GROUP, "/detail 1");
    const detail = h.model.lastMessage(GROUP)!.text!;
    for (const line of [
      "实施性：平均 25.14 / 30", // 176/7
      "创新性：平均 24.57 / 30", // 172/7
      "持续性：平均 16.57 / 20", // 116/7
      "推广性：平均 16.57 / 20", // 116/7
      "区领导：82.50",
      "两代表一委员：85.00",
      "有效评分 7 份（共 7 份，去掉 4 份）",
      "现场得分：83.25",
      "平时成绩：88",
      "最终得分：85.15",
    ])
      expect(detail).toContain(line);

    await h.say(chair, GROUP, "/finish");
    const final = h.model.lastMessage(GROUP)!.text!;
    expect(final).toContain("最终排名");
    expect(rankingLines(final)).toEqual([
      "【乡镇组】",
      "1. 麻斜街道 — 90.80（7 份） · 一等奖 · 红",
      "2. 坡头镇 — 85.15（7 份） · 二等奖 · 黄",
      "3. 南调街道 — 82.51（7 份） · 二等奖 · 黄",
      "【部门组】",
      "1. 区发展和改革局 — 90.96（7 份） · 一等奖 · 红",
      "2. 区农业农村局 — 85.05（7 份） · 二等奖 · 黄",
      "3. 区住房和城乡建设局 — 84.70（7 份） · 二等奖 · 黄",
    ]);
    expect(final).toContain("计分方法：去掉1个最高分和1个最低分后取平均，区领导70% + 两代表一委员30%，现场60% + 平时40%");
  });

  it("refuses a file with errors, naming each field path, and keeps the draft as it was", async () => {
    await h.say(chair, GROUP, "/newcontest 擂台赛");
    const bad = {
      title: "x",
      criteria: [{ name: "实施性", max: 30, step: 0.7 }],
      presenters: [{ name: "甲" }, { name: "乙", prior: 120 }],
    };
    await h.say(chair, GROUP, `/import ${JSON.stringify(bad)}`);
    const reply = h.model.lastMessage(GROUP)!.text!;
    expect(reply).toContain("文件有误，未导入任何内容");
    expect(reply).toContain("presenters[1].prior：太大（应 <= 100）（收到 120）");
    expect(reply).toContain("criteria[0].step");
    await h.say(chair, GROUP, "/import {\"title\": ");
    expect(h.model.lastMessage(GROUP)!.text).toContain("JSON 格式错误");
    const contest = await h.store.contests.activeForChat(GROUP);
    expect(contest?.setup).toMatchObject({ title: "擂台赛", criteria: [], presenters: [] });
  });

  it("takes small meetings' rules from chat commands", async () => {
    await h.say(chair, GROUP, "/newcontest 小会");
    await h.say(chair, GROUP, "/method trimmed 2");
    expect(h.model.lastMessage(GROUP)!.text).toBe("✅ 计分方法：去掉2个最高分和2个最低分后取平均");
    await h.say(chair, GROUP, "/panels\n区领导 70\n两代表一委员 30");
    await h.say(chair, GROUP, "/prizes\n一等奖 1\n二等奖 2");
    await h.say(chair, GROUP, "/bands\n红 90\n黄 75\n黑 0");
    await h.say(chair, GROUP, "/blend 60 40");
    const contest = await h.store.contests.activeForChat(GROUP);
    expect(contest?.setup).toMatchObject({
      aggregate: { method: "trimmed", trim: 2 },
      panels: [{ name: "区领导", weight: 70 }, { name: "两代表一委员", weight: 30 }],
      prizes: [{ name: "一等奖", count: 1 }, { name: "二等奖", count: 2 }],
      bands: [{ name: "红", min: 90 }, { name: "黄", min: 75 }, { name: "黑", min: 0 }],
      blend: { live: 60, prior: 40 },
    });
    await h.say(chair, GROUP, "/method average of sorts");
    expect(h.model.lastMessage(GROUP)!.text).toContain("未保存");

    await h.say(chair, GROUP, "/quorum 5");
    expect(h.model.lastMessage(GROUP)!.text).toBe("✅ 法定人数：5 份有效评分（不足时结束前先确认）");
    await h.say(chair, GROUP, "/outlier 15");
    expect((await h.store.contests.activeForChat(GROUP))?.setup).toMatchObject({ quorum: 5, outlier: 15 });
    await h.say(chair, GROUP, "/quorum 2.5");
    expect(h.model.lastMessage(GROUP)!.text).toContain("应为 0–1000 的整数");
    await h.say(chair, GROUP, "/quorum 0");
    expect((await h.store.contests.activeForChat(GROUP))?.setup.quorum).toBeUndefined();
  });

  it("sends a template file that imports as it is", async () => {
    await h.say(chair, GROUP, "/newcontest 模板");
    await h.say(chair, GROUP, "/template");
    const document = h.model.messages(GROUP).find((m) => m.document?.file_name?.endsWith(".json"))!;
    expect(document.document?.file_name).toBe("contest-template.json");
    h.model.sendFile(chair, GROUP, { fileName: "t.json", bytes: document.document!.bytes!, caption: "/import" });
    await h.deliver();
    expect(h.model.lastMessage(GROUP)!.text).toContain("已导入「坡头区雄鹰擂台赛」");
  });
});
