// Co-chairs: the chair (the administrator who created the contest) shares the chair's rights.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, GROUP, user, type Harness } from "./harness.js";
import { chair, contestOf, groupMessage, outsider, replyWith, setUpMeeting, refusedQuietly } from "./integrity-support.js";

const deputy = user(2, "副主持");

describe("co-chairs", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  it("makes the member whose message the chair replies to a co-chair, with the chair's rights", async () => {
    await setUpMeeting(h);
    // Not a chair yet: no refusal in the group, and none in private (the bot may not write to them).
    expect(await refusedQuietly(h, deputy, "/open")).toBeUndefined();

    const hello = groupMessage(h, deputy, "我来协助主持");
    const added = await replyWith(h, chair, hello, "/cochair");
    // The co-chair never opened the bot's private chat: the reply says how to get the console.
    expect(added.text).toBe(
      "✅ 已将「副主持」设为联席主持人，与主持人拥有相同权限。\n🎛 主持人控制台只在私聊中发送：请先打开与我的私聊并点“开始”，再在群里发送 /console。",
    );
    expect((await contestOf(h)).cochairs).toEqual([deputy.id]);

    await h.say(deputy, GROUP, "/open");
    const announcement = h.model.lastMessage(GROUP)!;
    expect(announcement.text).toContain("第 1/3 位：区交通运输局");
    await h.say(deputy, GROUP, "/close");
    expect(h.model.message(GROUP, announcement.messageId)!.text).toContain("🔒 评分已结束：共 0/3 份");
  });

  it("lists the chairs when /cochair is sent without a reply", async () => {
    await setUpMeeting(h);
    await replyWith(h, chair, groupMessage(h, deputy), "/cochair");
    const list = (await h.say(chair, GROUP, "/cochair"))!.text!;
    expect(list).toContain("👥 主持人：主持人");
    expect(list).toContain("联席主持人：副主持");
    expect(list).toContain("用法：回复某位成员的消息并发送 /cochair");
  });

  it("takes the rights away with /cochair remove in reply, but never from the creating chair", async () => {
    await setUpMeeting(h);
    const hello = groupMessage(h, deputy);
    await replyWith(h, chair, hello, "/cochair");
    expect((await replyWith(h, chair, hello, "/cochair")).text).toBe("「副主持」已经是主持人。");
    expect((await replyWith(h, chair, hello, "/cochair remove")).text).toBe("已取消「副主持」的联席主持人身份。");
    expect(await refusedQuietly(h, deputy, "/status")).toBeUndefined();

    // A co-chair may manage co-chairs too, but the chair who created the contest stays.
    await replyWith(h, chair, hello, "/cochair");
    const chairMessage = groupMessage(h, chair, "大家好");
    expect((await replyWith(h, deputy, chairMessage, "/cochair remove")).text).toBe("「主持人」是创建评议的主持人，不能取消。");
  });

  it("answers members who are not chairs, and wrong arguments, politely", async () => {
    await setUpMeeting(h);
    const hello = groupMessage(h, deputy);
    h.model.startUser(outsider);
    const groupBefore = h.model.messages(GROUP).length;
    await replyWith(h, outsider, hello, "/cochair");
    expect(h.model.messages(GROUP).length).toBe(groupBefore);
    expect(h.model.lastMessage(outsider.id)!.text).toBe("🙏 /cochair 只有「季度述职评议」的主持人可以使用。");
    expect((await replyWith(h, chair, hello, "/cochair 马上")).text).toContain("用法：回复某位成员的消息并发送 /cochair");
    expect((await h.say(chair, GROUP, "/cochair remove"))!.text).toContain("用法：");
    expect((await contestOf(h)).cochairs).toEqual([]);
  });

  it("lists the new chair commands in /help for chairs only", async () => {
    await setUpMeeting(h);
    const help = (await h.say(chair, GROUP, "/help"))!.text!;
    for (const command of ["/cochair", "/removejudge", "/lockjudges", "/conflict", "/observer", "/remind", "/reopen 序号", "/open 序号 分钟"])
      expect(help).toContain(command);
    expect((await h.say(outsider, GROUP, "/help"))!.text).not.toContain("/cochair");
  });
});
