// Observers vote but are not counted; the chair sees their totals in /status.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, GROUP, type Harness } from "./harness.js";
import { chair, contestOf, groupMessage, outsider, replyWith, scoresFor, setUpMeeting, vote, wang, zhang, li, statusOf, refusedQuietly } from "./integrity-support.js";

describe("observers", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  it("lets an observer score, shows their total to the chair, and leaves it out of counter and ranking", async () => {
    await setUpMeeting(h);
    const on = await replyWith(h, chair, groupMessage(h, wang, "我来旁听"), "/observer");
    expect(on.text).toBe("👁 「王五」现为观察员：可以评分，但评分不计入结果。");

    await h.say(chair, GROUP, "/open");
    const counter = h.model.lastMessage(GROUP)!;
    expect(counter.text).toContain("已提交：0/2");
    expect(h.model.lastMessage(wang.id)!.text).toContain("评分项 1/4：实施性");
    await vote(h, wang, scoresFor(72));
    expect(h.model.message(GROUP, counter.messageId)!.text).toContain("已提交：0/2");

    const status = (await statusOf(h)).text!;
    expect(status).toContain("已提交 0/2");
    expect(status).toContain("👁 观察员（不计入）：王五 72.00");

    await vote(h, zhang, scoresFor(90));
    await vote(h, li, scoresFor(80));
    await h.say(chair, GROUP, "/close");
    expect(h.model.lastMessage(GROUP)!.text).toContain("1. 区交通运输局 — 85.00（2 份） ◀ 刚结束");
  });

  it("switches back by name, lists observers, and refuses members who are not chairs", async () => {
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/observer 王五");
    expect((await h.say(chair, GROUP, "/observer"))!.text).toContain("👁 观察员：王五");
    expect((await h.say(chair, GROUP, "/observer 王五"))!.text).toBe("「王五」不再是观察员，评分计入结果。");
    expect((await h.say(chair, GROUP, "/observer"))!.text).toContain("👁 观察员：无");
    expect(await refusedQuietly(h, outsider, "/observer 王五")).toBeUndefined();
    const contest = await contestOf(h);
    expect((await h.store.contests.judges(contest.id)).every((j) => !j.observer)).toBe(true);
    const audit = await h.store.audit.read(contest.id);
    expect(audit.filter((e) => e.type === "judge-updated").map((e) => (e.data as { observer: boolean }).observer)).toEqual([true, false]);
  });
});
