// /screen: the chair gets the scoreboard link in private and can revoke it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, GROUP, user, type Harness } from "./harness.js";
import { refusedQuietly } from "./integrity-support.js";

const chair = user(1, "主持人");
const outsider = user(99, "路人");

describe("/screen", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
    h.model.setAdmins(GROUP, [], chair.id);
    await h.say(chair, GROUP, "/newcontest 季度述职评议");
  });
  afterEach(() => h.close());

  const linkIn = (text: string | undefined) => /http:\/\/localhost:8080\/screen\/([A-Za-z0-9_-]+)/.exec(text ?? "")?.[1];

  it("sends the chair a private link bound to the contest, and says so in the group", async () => {
    await h.say(chair, chair.id, "/start");
    await h.say(chair, GROUP, "/screen");
    expect(h.model.lastMessage(GROUP)!.text).toContain("大屏链接已私聊发给你");
    const token = linkIn(h.model.lastMessage(chair.id)!.text);
    expect(token).toBeDefined();
    expect(h.model.messages(GROUP).some((m) => m.text?.includes(token!))).toBe(false);
    const contest = await h.store.contests.activeForChat(GROUP);
    expect(await h.store.screens.resolve(token!)).toBe(contest!.id);
    // Asking again gives the same link (the projector keeps working).
    await h.say(chair, GROUP, "/screen");
    expect(linkIn(h.model.lastMessage(chair.id)!.text)).toBe(token);
  });

  it("revokes the link, after which a new one is made", async () => {
    await h.say(chair, chair.id, "/start");
    await h.say(chair, GROUP, "/screen");
    const first = linkIn(h.model.lastMessage(chair.id)!.text)!;
    await h.say(chair, GROUP, "/screen revoke");
    expect(h.model.lastMessage(GROUP)!.text).toContain("大屏链接已失效");
    expect(await h.store.screens.resolve(first)).toBeUndefined();
    await h.say(chair, GROUP, "/screen revoke");
    expect(h.model.lastMessage(GROUP)!.text).toContain("没有可撤销的大屏链接");
    await h.say(chair, GROUP, "/screen");
    const second = linkIn(h.model.lastMessage(chair.id)!.text)!;
    expect(second).not.toBe(first);
  });

  it("asks a chair the bot cannot write to yet to start it first", async () => {
    await h.say(chair, GROUP, "/screen");
    expect(h.model.lastMessage(GROUP)!.text).toContain("@test_bot");
    expect(h.model.lastMessage(chair.id)).toBeUndefined();
  });

  it("refuses other members and explains unknown arguments", async () => {
    expect(await refusedQuietly(h, outsider, "/screen")).toBeUndefined();
    expect(await refusedQuietly(h, outsider, "/screen revoke")).toBeUndefined();
    await h.say(chair, GROUP, "/screen please");
    expect(h.model.lastMessage(GROUP)!.text).toContain("/screen revoke");
  });

  it("gives the link after the end (the final table), none SCREEN_LINK_DAYS later: it says the link has expired", async () => {
    let clock = Date.UTC(2026, 10, 30, 9);
    const timed = await createHarness({ now: () => clock, bot: { config: { DEFAULT_LOCALE: "zh-CN", COUNTER_EDIT_INTERVAL_S: 0, TELEGRAM_API_ROOT: "http://127.0.0.1:1", SCREEN_LINK_DAYS: 3 } } });
    try {
      timed.model.setAdmins(GROUP, [], chair.id);
      await timed.say(chair, chair.id, "/start");
      await timed.say(chair, GROUP, "/newcontest 季度述职评议");
      const contest = (await timed.store.contests.activeForChat(GROUP))!;
      await timed.store.contests.end({ ...contest, status: "running" }, "finished", { by: chair.id, at: clock });
      clock += 2 * 86_400_000;
      await timed.say(chair, GROUP, "/screen");
      expect(timed.model.lastMessage(GROUP)?.text, JSON.stringify(timed.model.messages(chair.id).map((m) => m.text))).toContain("大屏链接已私聊发给你");
      expect(linkIn(timed.model.lastMessage(chair.id)!.text)).toBeDefined();
      clock += 86_400_000;
      const before = timed.model.messages(chair.id).length;
      await timed.say(chair, GROUP, "/screen");
      expect(timed.model.lastMessage(GROUP)!.text).toContain("大屏链接已过期");
      expect(timed.model.lastMessage(GROUP)!.text).toContain("3 天");
      expect(timed.model.messages(chair.id)).toHaveLength(before);
      // Revoking still works after the end.
      await timed.say(chair, GROUP, "/screen revoke");
      expect(timed.model.lastMessage(GROUP)!.text).toContain("大屏链接已失效");
    } finally {
      await timed.close();
    }
  });
});
