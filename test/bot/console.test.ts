// The chair's private console: sent after /newcontest, to a new co-chair and on /console; its
// buttons do exactly what the group commands do; irreversible steps ask first; the chairs hear
// when every ballot is in; a chair the bot cannot write to is told in the group, once.
import { afterEach, describe, expect, it } from "vitest";
import { buttonsOf, type StoredMessage, type TestUser } from "../support/bot-api-server.js";
import { createHarness, GROUP, user, type Harness } from "./harness.js";
import { chair, contestOf, groupMessage, li, outsider, press, replyWith, scoresFor, setUpMeeting, vote, wang, zhang } from "./integrity-support.js";

const deputy = user(2, "副主持");

/** The console message `who` has now (the one the bot keeps editing). */
const consoleOf = async (h: Harness, who: TestUser = chair): Promise<StoredMessage> => {
  const id = await h.store.consoles.get((await h.store.contests.latestForChat(GROUP))!.id, who.id);
  expect(id).toBeDefined();
  return h.model.message(who.id, id!)!;
};

/** `who` taps a button of their console; returns the callback's answer. */
const tapConsole = async (h: Harness, label: string | RegExp, who: TestUser = chair) => {
  await h.tap(who, who.id, await consoleOf(h, who), label);
  return h.lastCallbackAnswer() as { text?: string; show_alert?: boolean } | undefined;
};

const labels = (message: StoredMessage): string[] => buttonsOf(message).map((b) => b.text);

const MAIN_BUTTONS = ["▶ 下一位", "⏹ 结束并公布", "🔔 提醒未交", "↩ 重新开放", "📋 评委", "📺 大屏链接", "📱 大屏：扫码加入", "🏁 结束评议"];

describe("the chair's console", () => {
  const harnesses: Harness[] = [];
  const harness = async (options: Parameters<typeof createHarness>[0] = {}) => {
    const h = await createHarness(options);
    harnesses.push(h);
    return h;
  };
  afterEach(async () => {
    for (const h of harnesses.splice(0)) await h.close();
  });

  it("comes to the chair after /newcontest, to a co-chair when added, and again (one each) on /console", async () => {
    const h = await harness();
    await setUpMeeting(h);
    const first = await consoleOf(h);
    expect(first.text).toBe(
      [
        "🎛 主持人控制台 ·「季度述职评议」",
        "📝 准备中：评分项 4 项 · 汇报人 3 位 · 评委 3 人",
        "📊 已结束 0/3 位 · 评委 3 人",
        "🔓 结果公布：每位结束即公布得分和排名",
      ].join("\n"),
    );
    expect(labels(first)).toEqual(MAIN_BUTTONS);

    h.model.startUser(deputy);
    const added = await replyWith(h, chair, groupMessage(h, deputy), "/cochair");
    expect(added.text).toBe("✅ 已将「副主持」设为联席主持人，与主持人拥有相同权限。");
    expect((await consoleOf(h, deputy)).text).toContain("🎛 主持人控制台 ·「季度述职评议」");

    const groupBefore = h.model.messages(GROUP).length;
    await h.say(deputy, GROUP, "/console");
    expect(h.model.messages(GROUP).length).toBe(groupBefore);
    for (const who of [chair, deputy]) {
      const live = h.model.messages(who.id).filter((m) => !m.deleted && m.text?.startsWith("🎛 主持人控制台"));
      expect(live.map((m) => m.messageId)).toEqual([(await consoleOf(h, who)).messageId]);
    }
    expect(h.model.message(chair.id, first.messageId)!.deleted).toBe(true);

    // /console in private brings it back too.
    await h.say(chair, chair.id, "/console");
    expect((await consoleOf(h)).messageId).toBe(h.model.lastMessage(chair.id)!.messageId);
  });

  it("shows a cancelled contest at once, without buttons", async () => {
    const h = await harness();
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/cancel");
    await h.tap(chair, GROUP, h.model.lastMessage(GROUP)!, /确定取消/);
    const shown = await consoleOf(h);
    expect(shown.text).toBe("🎛 主持人控制台 ·「季度述职评议」\n评议已取消。");
    expect(labels(shown)).toEqual([]);
  });

  it("shows the round, who is missing, the time left and the policy, and follows every ballot", async () => {
    let now = Date.parse("2026-11-30T02:00:00Z");
    const h = await harness({ now: () => now });
    await setUpMeeting(h, undefined, { reveal: "scores", presenters: [{ name: "区交通运输局", group: "牵头单位" }, { name: "区教育局" }] });
    await h.say(chair, GROUP, "/open 1 5");
    now += 60_000;
    await vote(h, zhang, scoresFor(90));
    // The deadline is shown in the process's time zone (TZ); only its hour depends on it.
    expect((await consoleOf(h)).text!.replace(/限时：\d\d:/, "限时：HH:")).toBe(
      [
        "🎛 主持人控制台 ·「季度述职评议」",
        "🎤 第 1/2 位：区交通运输局（牵头单位）",
        "📥 已提交 1/3 · 未交：李四、王五",
        "⏱ 限时：HH:05 截止，约剩 4 分钟",
        "📊 已结束 0/2 位 · 评委 3 人",
        "🔓 结果公布：每位结束公布其得分，排名在结束评议时公布",
      ].join("\n"),
    );
    await vote(h, li, scoresFor(80));
    expect((await consoleOf(h)).text).toContain("📥 已提交 2/3 · 未交：王五");
  });

  it("tells every chair with a new message when the last expected ballot arrives, once", async () => {
    const h = await harness();
    await setUpMeeting(h);
    h.model.startUser(deputy);
    await replyWith(h, chair, groupMessage(h, deputy), "/cochair");
    await h.say(chair, GROUP, "/open");
    await vote(h, zhang, scoresFor(90));
    await vote(h, li, scoresFor(80));
    const before = { chair: h.model.messages(chair.id).length, deputy: h.model.messages(deputy.id).length };
    await vote(h, wang, scoresFor(70));
    const notice = "✅ 第 1 位「区交通运输局」：全部 3 份评分已收到，可以结束本轮。";
    expect(h.model.messages(chair.id).slice(before.chair).map((m) => m.text)).toEqual([notice]);
    expect(h.model.messages(deputy.id).slice(before.deputy).map((m) => m.text)).toEqual([notice]);
    expect((await consoleOf(h)).text).toContain("📥 已提交 3/3 · 全部收齐");
    // A judge changing their ballot does not say it again.
    await h.tap(wang, wang.id, h.model.lastMessage(wang.id)!, "✏️ 实施性");
    await h.tap(wang, wang.id, h.model.lastMessage(wang.id)!, "25");
    await h.tap(wang, wang.id, h.model.lastMessage(wang.id)!, /^✅/);
    expect(h.model.messages(chair.id).filter((m) => m.text === notice)).toHaveLength(1);
  });

  it("asks for a confirmation tap before closing, reopening and finishing", async () => {
    const h = await harness();
    await setUpMeeting(h);
    const contest = await contestOf(h);
    await tapConsole(h, "▶ 下一位");
    expect(await h.store.contests.currentRound(contest.id)).toBe(0);
    for (const judge of [zhang, li, wang]) await vote(h, judge, scoresFor(80));

    await tapConsole(h, "⏹ 结束并公布");
    const asking = await consoleOf(h);
    expect(asking.text).toContain("❓ 确认结束第 1 位「区交通运输局」的评分并公布？");
    expect(labels(asking)).toEqual(["✅ 确认结束", "✖ 取消"]);
    await tapConsole(h, "✖ 取消");
    expect(labels(await consoleOf(h))).toEqual(MAIN_BUTTONS);
    expect(await h.store.contests.currentRound(contest.id)).toBe(0);
    await tapConsole(h, "⏹ 结束并公布");
    await tapConsole(h, "✅ 确认结束");
    expect(await h.store.contests.currentRound(contest.id)).toBeUndefined();
    expect((await h.standings(GROUP))!.text).toContain("1. 区交通运输局 — 80.00（3 份） ◀ 刚结束");
    expect(h.model.messages(GROUP).find((m) => m.text?.startsWith("🎤 第 1/3 位"))!.text).toContain("🔒 评分已结束：共 3/3 份");
    expect((await consoleOf(h)).text).toContain("⏸ 当前没有进行中的评分。下一位：第 2/3 位 区教育局");

    await tapConsole(h, "↩ 重新开放");
    expect(labels(await consoleOf(h))).toEqual(["↩ 1. 区交通运输局", "✖ 取消"]);
    await tapConsole(h, "↩ 1. 区交通运输局");
    expect(await h.store.contests.currentRound(contest.id)).toBe(0);

    // A confirmation is for the round the chair saw: once that round is closed (here by /close in
    // the group) and the next one open, the old ✅ does not close the new round.
    await tapConsole(h, "⏹ 结束并公布");
    const stale = await consoleOf(h);
    await h.closeRound(chair, GROUP);
    await h.say(chair, GROUP, "/open");
    expect(await h.store.contests.currentRound(contest.id)).toBe(1);
    expect(await press(h, chair, chair.id, stale.messageId, `c|${contest.id}|C|0`)).toMatchObject({ text: "当前没有进行中的评分。用 /open 开始。" });
    expect(await h.store.contests.currentRound(contest.id)).toBe(1);
    await h.closeRound(chair, GROUP);

    await tapConsole(h, "🏁 结束评议");
    expect((await consoleOf(h)).text).toContain("❓ 确认结束整个评议并公布最终排名？");
    expect((await h.store.contests.get(contest.id))!.status).toBe("running");
    await tapConsole(h, "✅ 确认结束评议");
    expect((await h.store.contests.get(contest.id))!.status).toBe("finished");
    expect(h.model.lastMessage(GROUP)!.text).toContain("最终排名");
    const finished = await consoleOf(h);
    expect(finished.text).toContain("🏁 评议已结束。");
    expect(labels(finished)).toEqual([]);
  });

  it("asks the chair in private before closing below the quorum, from the console as from /close", async () => {
    const h = await harness();
    await setUpMeeting(h, undefined, { quorum: 3 });
    await tapConsole(h, "▶ 下一位");
    await vote(h, zhang, scoresFor(90));
    const groupBefore = h.model.messages(GROUP).length;
    await tapConsole(h, "⏹ 结束并公布");
    expect(await tapConsole(h, "✅ 确认结束")).toMatchObject({ text: "⏸ 第 1 位「区交通运输局」：等待主持人确认。", show_alert: true });
    const hold = h.model.messages(chair.id).filter((m) => m.text?.includes("仍要结束本轮评分吗")).at(-1)!;
    expect(hold.text).toContain("有效评分 1 份，少于法定人数 3 份。");
    expect(h.model.messages(GROUP).length).toBe(groupBefore);
    const contest = await contestOf(h);
    expect(await h.store.contests.currentRound(contest.id)).toBe(0);
    await h.tap(chair, chair.id, hold, "✅ 结束评分");
    expect(await h.store.contests.currentRound(contest.id)).toBeUndefined();
    expect((await h.standings(GROUP))!.text).toContain("1. 区交通运输局 — 90.00（1 份） ◀ 刚结束");
    expect(h.model.messages(GROUP).find((m) => m.text?.startsWith("🎤 第 1/3 位"))!.text).toContain("🔒 评分已结束：共 1/3 份");
    expect((await consoleOf(h)).text).toContain("⏸ 当前没有进行中的评分。下一位：第 2/3 位 区教育局");
  });

  it("does with each button what the group command does", async () => {
    // The same meeting twice: once run by commands in the group, once by the console's buttons.
    const byCommand = await harness();
    const byButton = await harness();
    const alerts: string[] = [];
    const step = async (command: string, taps: string[]) => {
      await byCommand.say(chair, GROUP, command);
      for (const label of taps) {
        const answer = await tapConsole(byButton, label);
        if (answer?.text) alerts.push(answer.text);
      }
    };
    const everyone = async (fn: (h: Harness) => Promise<void>) => {
      await fn(byCommand);
      await fn(byButton);
    };
    await everyone((h) => setUpMeeting(h).then(() => undefined));
    const start = { command: byCommand.model.messages(GROUP).length, button: byButton.model.messages(GROUP).length };

    await step("/open", ["▶ 下一位"]);
    await everyone(async (h) => {
      await vote(h, zhang, scoresFor(90));
      await vote(h, li, scoresFor(84));
    });
    await step("/remind", ["🔔 提醒未交"]);
    for (const h of [byCommand, byButton]) expect(h.model.lastMessage(wang.id)!.text).toContain("⏰ 提醒：你还没有提交第 1 位「区交通运输局」的评分");
    await everyone((h) => vote(h, wang, scoresFor(70)));
    await step("/close", ["⏹ 结束并公布", "✅ 确认结束"]);
    await step("/reopen 1", ["↩ 重新开放", "↩ 1. 区交通运输局"]);
    await step("/close", ["⏹ 结束并公布", "✅ 确认结束"]);
    await step("/open", ["▶ 下一位"]);
    await everyone(async (h) => {
      for (const judge of [zhang, li, wang]) await vote(h, judge, scoresFor(88));
    });
    await step("/close", ["⏹ 结束并公布", "✅ 确认结束"]);
    await step("/finish", ["🏁 结束评议", "✅ 确认结束评议"]);

    // A round's digest hashes receipts, which include the contest's id: the only difference.
    const texts = (h: Harness, from: number) =>
      h.model
        .messages(GROUP)
        .slice(from)
        .map((m) => m.text?.replace(/[0-9a-f]{64}/g, "<digest>"));
    const commandTexts = texts(byCommand, start.command);
    const remindReply = "⏰ 第 1 位「区交通运输局」：已私聊提醒 1 位评委。";
    // The answers to whoever acted: in the group for a command, as an alert over the console.
    expect(alerts).toEqual([remindReply]);
    expect(texts(byButton, start.button)).toEqual(commandTexts.filter((t) => t !== remindReply));
    expect(commandTexts).toContain(remindReply);
    expect(commandTexts.at(-1)).toContain("最终排名");
    for (const h of [byCommand, byButton]) expect((await h.store.contests.latestForChat(GROUP))!.status).toBe("finished");
  });

  it("shows the judges list and the scoreboard link in private", async () => {
    const h = await harness();
    await setUpMeeting(h);
    const groupBefore = h.model.messages(GROUP).length;
    await tapConsole(h, "📋 评委");
    const list = h.model.lastMessage(chair.id)!;
    // The roster's judges view (features/judges.ts): each judge opens a card with its buttons.
    expect(list.text).toBe(
      "🧑‍⚖️ 「季度述职评议」评委名单（3 人，加入方式：开放（群内按钮、加入码））\n\n1. 张三 · ✅ 已加入（按钮/加入码）\n2. 李四 · ✅ 已加入（按钮/加入码）\n3. 王五 · ✅ 已加入（按钮/加入码）",
    );
    expect(labels(list)).toEqual(["张三", "李四", "王五"]);
    await h.tap(chair, chair.id, list, "李四");
    await h.tap(chair, chair.id, h.model.message(chair.id, list.messageId)!, "🗑 移除");
    await h.tap(chair, chair.id, h.model.message(chair.id, list.messageId)!, "✅ 确定移除");
    expect(h.model.lastMessage(chair.id)!.text).toBe("🗑 已把「李四」移出评委名单。");
    expect((await consoleOf(h)).text).toContain("评委 2 人");

    await tapConsole(h, "📺 大屏链接");
    expect(h.model.lastMessage(chair.id)!.text).toMatch(/📺 「季度述职评议」现场大屏（投影用）：\s*http:\/\/\S+\/screen\/\S+/);
    expect(h.model.messages(GROUP).length).toBe(groupBefore);
  });

  it("lets nobody but a chair use its buttons, and refuses them only where they pressed", async () => {
    const h = await harness();
    await setUpMeeting(h);
    const contest = await contestOf(h);
    const groupBefore = h.model.messages(GROUP).length;
    await h.say(chair, GROUP, "/open");
    const afterOpen = h.model.messages(GROUP).length;
    // A judge forging console data on their own ballot message: refused in an alert only they see.
    for (const step of ["C", "F", "r", "n"]) {
      expect(await press(h, zhang, zhang.id, h.model.lastMessage(zhang.id)!.messageId, `c|${contest.id}|${step}|0`)).toMatchObject({
        text: "🙏 抱歉，此命令只有本次评议的主持人可以使用。",
        show_alert: true,
      });
    }
    // Console data pressed on a message of the group (a console lives only in private).
    const join = h.model.findMessageWithButton(GROUP, /加入评委/)!;
    expect(await press(h, outsider, GROUP, join.messageId, `c|${contest.id}|C|0`)).toMatchObject({ text: "这个按钮已失效。" });
    expect(await press(h, chair, GROUP, join.messageId, `c|${contest.id}|F|0`)).toMatchObject({ text: "这个按钮已失效。" });
    // Malformed data.
    for (const data of [`c|${contest.id}|Z|0`, `c|${contest.id}|C`, "c|ZZ|C|0", `c|${contest.id}|C|99999`]) {
      expect(await press(h, chair, chair.id, (await consoleOf(h)).messageId, data)).toMatchObject({ text: "这个按钮已失效。" });
    }
    expect(await h.store.contests.currentRound(contest.id)).toBe(0);
    expect((await h.store.contests.get(contest.id))!.status).toBe("running");
    expect(h.model.messages(GROUP).length).toBe(afterOpen);
    expect(afterOpen).toBe(groupBefore + 1);
  });

  it("asks a chair the bot cannot write to, in the group and once, to open the private chat", async () => {
    const h = await harness();
    h.model.setAdmins(GROUP, [], chair.id);
    const created = (await h.say(chair, GROUP, "/newcontest 季度述职评议"))!;
    expect(created.text).toContain("🎛 主持人控制台只在私聊中发送：请先打开与我的私聊并点“开始”，再在群里发送 /console。");
    await h.say(chair, GROUP, "/criteria\n实施性 30\n创新性 30\n持续性 20\n推广性 20");
    await h.say(chair, GROUP, "/presenters\n区交通运输局\n区教育局");
    await h.say(chair, GROUP, "/join");
    const join = h.model.lastMessage(GROUP)!;
    for (const judge of [zhang, li]) {
      h.model.startUser(judge);
      await h.tap(judge, GROUP, join, /加入评委/);
    }
    const hints = () => h.model.messages(GROUP).filter((m) => m.text?.includes("主持人控制台和评分详情只在私聊中发送"));
    for (let round = 0; round < 2; round++) {
      await h.say(chair, GROUP, "/open");
      await vote(h, zhang, scoresFor(90));
      await vote(h, li, scoresFor(80)); // all in: the chairs would be told, but the chair cannot be written to
      await h.say(chair, GROUP, "/close");
    }
    // Said at /newcontest already: the messages the bot sends on its own add no hint.
    expect(hints()).toHaveLength(0);
    // Asked for explicitly, it is said again, with the button that opens the private chat.
    await h.say(chair, GROUP, "/console");
    const hint = hints().at(-1)!;
    expect(hint.text).toContain("🎛 主持人：主持人控制台和评分详情只在私聊中发送");
    const url = (hint.replyMarkup as { inline_keyboard: { url?: string }[][] }).inline_keyboard[0]![0]!.url!;
    const contest = await contestOf(h);
    expect(url).toBe(`https://t.me/test_bot?start=console-${contest.id}`);
    // The chair follows it: /start console-<id> in private brings the console.
    h.model.startUser(chair);
    await h.say(chair, chair.id, `/start console-${contest.id}`);
    expect((await consoleOf(h)).text).toContain("📊 已结束 2/2 位");
    // Someone else following the same link gets no console.
    h.model.startUser(outsider);
    expect((await h.say(outsider, outsider.id, `/start console-${contest.id}`))!.text).toContain("没有你主持的进行中的评议");
  });

  it("answers /status in private only, and asks a chair it cannot write to to open the private chat", async () => {
    const h = await harness();
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/open");
    await vote(h, zhang, scoresFor(90));
    const groupBefore = h.model.messages(GROUP).length;
    await h.say(chair, GROUP, "/status");
    expect(h.model.messages(GROUP).length).toBe(groupBefore);
    const status = h.model.lastMessage(chair.id)!;
    expect(status.text).toContain("当前：第 1 位「区交通运输局」，已提交 1/3");
    expect(status.text).toContain("⏳ 未提交：李四、王五");
    expect(labels(status)).toEqual(["🗑 张三", "🗑 李四", "🗑 王五"]);

    h.model.blockUser(chair);
    await h.say(chair, GROUP, "/status");
    const hint = h.model.lastMessage(GROUP)!;
    expect(hint.text).toContain("主持人控制台和评分详情只在私聊中发送");
    expect(hint.text).not.toContain("李四");
  });

  it("sends the notes of a round closed by its time limit to the chairs only", async () => {
    let now = Date.parse("2026-11-30T02:00:00Z");
    const h = await harness({ now: () => now });
    await setUpMeeting(h, undefined, { quorum: 3 });
    await h.say(chair, GROUP, "/open 1 2");
    await vote(h, zhang, scoresFor(90));
    const groupBefore = h.model.messages(GROUP).length;
    now += 2 * 60_000;
    await h.timers.tick();
    const group = h.model.messages(GROUP).slice(groupBefore).map((m) => m.text ?? "");
    expect(group.some((text) => text.includes("1. 区交通运输局 — 90.00（1 份） ◀ 刚结束"))).toBe(true);
    expect(h.model.messages(GROUP).find((m) => m.text?.startsWith("🎤 第 1/3 位"))!.text).toContain("🔒 评分已结束：共 1/3 份");
    expect(group.some((text) => text.includes("法定人数"))).toBe(false);
    expect(h.model.messages(chair.id).some((m) => m.text?.includes("有效评分 1 份，少于法定人数 3 份。"))).toBe(true);
  });
});
