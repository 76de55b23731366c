// The release policy (reveal: live | scores | end | chair) decides what the group, /ranking,
// /detail, the scoreboard and the public export show, always through domain/release.ts; /reveal
// sets it (chair only, until /finish), the settings and the formula line state it.
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RevealPolicy } from "../../src/domain/contest.js";
import { loadScreenState } from "../../src/http/screen-state.js";
import { buttonsOf } from "../support/bot-api-server.js";
import { createHarness, GROUP, type Harness } from "./harness.js";
import { chair, contestOf, li, outsider, scoresFor, setUpMeeting, vote, wang, zhang } from "./integrity-support.js";

/** Round 1: 86, 92, 72 → 83.33; round 2: 90, 80, 85 → 85.00. */
const ROUNDS = [[86, 92, 72], [90, 80, 85]];

describe("release policy", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  /** Sets up the meeting under `reveal`, runs the first `rounds` rounds; returns their announcements. */
  const meeting = async (reveal: RevealPolicy, rounds = 2) => {
    await setUpMeeting(h, undefined, { reveal });
    h.model.startUser(chair);
    const announcements = [];
    for (const totals of ROUNDS.slice(0, rounds)) {
      await h.say(chair, GROUP, "/open");
      announcements.push(h.model.lastMessage(GROUP)!);
      for (const [i, judge] of [zhang, li, wang].entries()) await vote(h, judge, scoresFor(totals[i]!));
      await h.closeRound(chair, GROUP);
    }
    return announcements.map((a) => h.model.message(GROUP, a.messageId)!);
  };

  const groupTexts = () => h.model.messages(GROUP).map((m) => m.text ?? "");
  const screen = async () => (await loadScreenState(h.store, (await h.store.contests.latestForChat(GROUP))!.id))!;

  it("live (the default): each score and the ranking after every close, everywhere", async () => {
    const [first] = await meeting("live");
    expect(first!.text).toContain("🏅 得分：83.33（3 份有效评分）");
    expect((await h.standings(GROUP))!.text).toContain("1. 区教育局 — 85.00（3 份） ◀ 刚结束");
    expect((await h.say(outsider, GROUP, "/detail 1"))!.text).toContain("最终得分：83.33");
    const state = await screen();
    expect(state.reveal).toBe("live");
    expect(state.heldUntil).toBeNull();
    expect(state.groups[0]!.rows.map((r) => [r.rank, r.name, r.score])).toEqual([[1, "区教育局", "85.00"], [2, "区交通运输局", "83.33"]]);
  });

  it("scores: each unit's own score at its close, the ranking only at /finish", async () => {
    const [first, second] = await meeting("scores");
    expect(first!.text).toContain("🏅 得分：83.33（3 份有效评分）");
    expect(second!.text).toContain("🏅 得分：85.00（3 份有效评分）");
    // No ranking in the group while the contest runs.
    expect(await h.standings(GROUP)).toBeUndefined();
    expect(groupTexts().some((t) => t.includes("排名") && t.includes("1."))).toBe(false);
    expect((await h.say(outsider, GROUP, "/ranking"))!.text).toBe("📊 「季度述职评议」的排名将在评议结束（/finish）时公布。");
    expect((await h.say(outsider, GROUP, "/detail 1"))!.text).toBe("评分明细将在结果公布后提供。");
    expect((await h.say(chair, GROUP, "/export public"))!.text).toContain("结果尚未公布，不能导出公开排名");
    // The scoreboard shows the scores in presenting order, without ranks.
    const state = await screen();
    expect(state.heldUntil).toBe("finish");
    expect(state.groups[0]!.rows.map((r) => [r.n, r.rank, r.score])).toEqual([[1, null, "83.33"], [2, null, "85.00"]]);

    await h.say(chair, GROUP, "/finish");
    const final = (await h.standings(GROUP))!;
    expect(final.text).toContain("🏆 「季度述职评议」最终排名");
    expect(final.text).toContain("1. 区教育局 — 85.00（3 份）");
    expect(final.text).toContain("每位亮分、排名最后公布");
    expect((await h.say(outsider, GROUP, "/detail 1"))!.text).toContain("最终得分：83.33");
    expect((await screen()).groups[0]!.rows.map((r) => r.rank)).toEqual([1, 2]);
    await h.say(chair, GROUP, "/export public");
    expect(h.model.lastMessage(GROUP)!.document?.file_name).toBe("季度述职评议-排名.csv");
  });

  it("end: nothing about results until /finish", async () => {
    const [first] = await meeting("end");
    expect(first!.text).toContain("🔒 评分已结束：共 3/3 份");
    expect(first!.text).toContain("📣 结果将在评议结束时公布。");
    expect(first!.text).not.toContain("83.33");
    expect(groupTexts().some((t) => t.includes("83.33") || t.includes("85.00"))).toBe(false);
    expect(await h.standings(GROUP)).toBeUndefined();
    expect((await screen()).groups).toEqual([]);
    expect((await screen()).closed).toBe(2);
    // The chair may look: /ranking in the group sends them the standings in private, nothing in the group.
    const before = h.model.messages(GROUP).length;
    await h.say(chair, GROUP, "/ranking");
    expect(h.model.messages(GROUP)).toHaveLength(before);
    expect(h.model.lastMessage(chair.id)!.text).toContain("🔐 仅你可见");
    expect(h.model.lastMessage(chair.id)!.text).toContain("1. 区教育局 — 85.00（3 份）");

    await h.say(chair, GROUP, "/finish");
    expect((await h.standings(GROUP))!.text).toContain("1. 区教育局 — 85.00（3 份）");
    expect((await screen()).groups[0]!.rows).toHaveLength(2);
  });

  it("chair: results only to the chair; after /finish the chair publishes them with the button", async () => {
    const [first] = await meeting("chair");
    expect(first!.text).toContain("📣 结果由主持人公布。");
    expect(groupTexts().some((t) => t.includes("83.33"))).toBe(false);
    expect((await h.say(outsider, GROUP, "/ranking"))!.text).toBe("📊 「季度述职评议」的结果由主持人公布。");
    expect((await screen()).heldUntil).toBe("chair");

    await h.say(chair, GROUP, "/finish");
    // The group hears that scoring ended; the chair gets the final standings with a publish button.
    expect((await h.standings(GROUP))!.text).toBe("🏁 评议已结束，感谢各位评委！结果由主持人公布。");
    expect(groupTexts().some((t) => t.includes("85.00"))).toBe(false);
    const privately = h.model.lastMessage(chair.id)!;
    expect(privately.text).toContain("🏆 「季度述职评议」最终排名");
    expect(privately.text).toContain("1. 区教育局 — 85.00（3 份）");
    expect(buttonsOf(privately).map((b) => b.text)).toEqual(["📢 在群里公布结果"]);
    expect((await screen()).groups).toEqual([]);
    expect((await h.say(outsider, GROUP, "/detail 1"))!.text).toBe("评分明细将在结果公布后提供。");

    // Nobody but a chair may publish, by command or by button.
    const groupBefore = h.model.messages(GROUP).length;
    await h.say(outsider, GROUP, "/ranking public");
    expect(h.model.messages(GROUP)).toHaveLength(groupBefore);

    await h.tap(chair, chair.id, privately, "📢 在群里公布结果");
    expect(h.lastCallbackAnswer()).toMatchObject({ text: "✅ 已在群里公布。" });
    const published = (await h.standings(GROUP))!;
    expect(published.text).toContain("🏆 「季度述职评议」最终排名");
    expect(published.text).toContain("1. 区教育局 — 85.00（3 份）");
    expect(published.text).toContain("结果由主持人公布");
    expect((await screen()).groups[0]!.rows.map((r) => r.rank)).toEqual([1, 2]);
    expect((await h.say(outsider, GROUP, "/detail 2"))!.text).toContain("最终得分：85.00");
    // Recorded in the audit log with who published.
    const latest = (await h.store.contests.latestForChat(GROUP))!;
    expect(latest.published).toBe(true);
    const saved = (await h.store.audit.read(latest.id)).filter((e) => e.type === "setup-saved").at(-1)!;
    expect(saved.by).toBe(chair.id);
  });

  it("chair: /ranking public publishes too, only after /finish", async () => {
    await meeting("chair", 1);
    expect((await h.say(chair, GROUP, "/ranking public"))!.text).toBe("只有在 /finish 之后才能公布最终结果。");
    await h.say(chair, GROUP, "/finish");
    await h.say(chair, GROUP, "/ranking public");
    expect((await h.standings(GROUP))!.text).toContain("1. 区交通运输局 — 83.33（3 份）");
    // Once public, /ranking re-posts it for anyone.
    await h.say(outsider, GROUP, "/ranking");
    expect(h.model.lastMessage(GROUP)!.text).toContain("1. 区交通运输局 — 83.33（3 份）");
  });

  it("/reveal: chair only, validated, stated in /settings and the formula line, audited, closed after /finish", async () => {
    await setUpMeeting(h);
    // A member who is not a chair is refused in private (never in the group), and nothing changes.
    h.model.startUser(outsider);
    const groupBefore = h.model.messages(GROUP).length;
    await h.say(outsider, GROUP, "/reveal end");
    expect(h.model.messages(GROUP)).toHaveLength(groupBefore);
    expect(h.model.lastMessage(outsider.id)!.text).toContain("/reveal");
    expect((await contestOf(h)).setup.reveal).toBe("live");
    expect((await h.say(chair, GROUP, "/reveal"))!.text).toContain("当前公布方式：实时公布（每位汇报人评完即公布得分和排名）");
    expect((await h.say(chair, GROUP, "/reveal sometimes"))!.text).toBe(
      "没有“sometimes”这种公布方式。可选：live、scores、end、chair（或：实时、亮分、结束、主持人）。",
    );
    expect((await h.say(chair, GROUP, "/reveal 亮分"))!.text).toBe("✅ 公布方式：亮分（每位评完公布其得分，排名在评议结束时公布）");
    expect((await contestOf(h)).setup.reveal).toBe("scores");
    expect((await h.say(chair, GROUP, "/settings"))!.text).toContain("计分方法：取评委总分的平均分，每位亮分、排名最后公布");
    const audit = (await h.store.audit.read((await contestOf(h)).id)).filter((e) => e.type === "setup-saved").at(-1)!;
    expect(audit).toMatchObject({ by: chair.id, data: { contest: { setup: { reveal: "scores" } } } });

    // Changed during the meeting: the standings message already in the group follows.
    await h.say(chair, GROUP, "/reveal live");
    await h.say(chair, GROUP, "/open");
    for (const [i, judge] of [zhang, li, wang].entries()) await vote(h, judge, scoresFor(ROUNDS[0]![i]!));
    const standings = (await h.closeRound(chair, GROUP))!;
    expect(standings.text).toContain("1. 区交通运输局 — 83.33（3 份）");
    await h.say(chair, GROUP, "/reveal end");
    expect(h.model.message(GROUP, standings.messageId)!.text).toBe("📊 「季度述职评议」的排名将在评议结束（/finish）时公布。");

    await h.say(chair, GROUP, "/finish");
    expect((await h.say(chair, GROUP, "/reveal live"))!.text).toBe(
      "评议已结束，公布方式不能再更改（为：结束后公布（评议结束前不公布任何结果））。",
    );
    expect((await h.store.contests.latestForChat(GROUP))!.setup.reveal).toBe("end");
  });

  it("takes the policy from the contest file, and names a bad value", async () => {
    h.model.setAdmins(GROUP, [], chair.id);
    await h.say(chair, GROUP, "/newcontest 擂台赛");
    const sample = JSON.parse(readFileSync("samples/contest.sample.json", "utf8")) as Record<string, unknown>;
    h.model.sendFile(chair, GROUP, { fileName: "c.json", bytes: Buffer.from(JSON.stringify({ ...sample, reveal: "sometimes" })), caption: "/import" });
    await h.deliver();
    expect(h.model.lastMessage(GROUP)!.text).toContain("reveal");
    expect((await contestOf(h)).setup.reveal).toBe("live");
    h.model.sendFile(chair, GROUP, { fileName: "c.json", bytes: Buffer.from(JSON.stringify({ ...sample, reveal: "end" })), caption: "/import" });
    await h.deliver();
    expect(h.model.lastMessage(GROUP)!.text).toContain("结果在评议结束时公布");
    expect((await contestOf(h)).setup.reveal).toBe("end");
  });
});
