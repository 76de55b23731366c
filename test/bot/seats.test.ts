// Seating judges through the real bot against real Redis: the chair's roster with personal
// invitations, each panel's join code, the group button for current members only, join modes,
// the chair's judges view (revoke, resend, move, rename, observer, remove).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pino } from "pino";
import { buttonsOf } from "../support/bot-api-server.js";
import { createHarness, GROUP, user, type Harness } from "./harness.js";
import { chair, contestOf, outsider, press, scoresFor, vote } from "./integrity-support.js";
import { decodeSheet, guest, isPng, lastChairMessageId, lastSheet, linksSince, openLink, setUpPanels } from "./seats-support.js";
import { loadStandings } from "../../src/bot/standings.js";
import { formatHalfUp } from "../../src/domain/rational.js";

const zhangWei = guest(21, "Wei Z.");
const liNa = guest(22, "娜娜");
const wangQiang = guest(23, "强哥");
const impostor = guest(29, "张伟");

describe("roster invitations", () => {
  let h: Harness;
  const logLines: string[] = [];
  beforeEach(async () => {
    logLines.length = 0;
    const logger = pino({ level: "debug" }, { write: (line: string) => void logLines.push(line) });
    h = await createHarness({ bot: { logger } });
  });
  afterEach(() => h.close());

  const listRoster = async () => {
    const before = lastChairMessageId(h);
    const reply = await h.say(chair, GROUP, "/judges\n张伟 | 区领导\n李娜 | 两代表一委员 | 回避：区教育局\n王强 | 区领导 | 观察员");
    return { reply, tokens: linksSince(h, before) };
  };

  it("seats each judge the chair lists by a personal, single-use invitation: the roster's name and panel, the chair told of a second account", async () => {
    const contest = await setUpPanels(h);
    const { reply, tokens } = await listRoster();
    expect(reply!.text).toBe("✅ 已加入评委名单 3 人：张伟、李娜、王强。每人的专属邀请链接和二维码已私聊发给主持人。");
    // One forwardable message per judge, each with its own unguessable token (128 bits, not the contest id).
    expect(tokens).toHaveLength(3);
    expect(new Set(tokens).size).toBe(3);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(token).not.toContain(contest.id);
    }
    const invitation = h.model.messages(chair.id).find((m) => m.text?.includes(tokens[1]!))!;
    expect(invitation.text).toBe(
      `📨 「季度述职评议」评委邀请\n评委：李娜（两代表一委员）\n请点击下方链接，在 Telegram 中打开评分机器人并点“开始”，即可成为评委（此链接仅限本人使用一次）：\nhttps://t.me/test_bot?start=${tokens[1]}`,
    );
    // The printable sheet: a PNG whose QR codes are the three links, drawn here.
    const sheet = lastSheet(h)!;
    expect(sheet.document!.file_name).toBe("invitations.png");
    expect(isPng(sheet.document!.bytes!)).toBe(true);
    expect(decodeSheet(sheet.document!.bytes!, 3)).toEqual(tokens.map((t) => `https://t.me/test_bot?start=${t}`));

    // Opening the invitation binds the account: the roster's name and panel, the judge chooses nothing.
    expect((await openLink(h, zhangWei, tokens[0]!))!.text).toBe(
      "✅ 你已成为「季度述职评议」的评委：张伟（区领导）。轮到汇报人时，评分表会发到这里。",
    );
    await openLink(h, liNa, tokens[1]!);
    await openLink(h, wangQiang, tokens[2]!);
    const judges = await h.store.contests.judges(contest.id);
    expect(judges.map((j) => [j.userId, j.name, j.telegramName, j.panel, j.observer])).toEqual([
      [21, "张伟", "Wei Z.", 0, false],
      [22, "李娜", "娜娜", 1, false],
      [23, "王强", "强哥", 0, true],
    ]);
    expect(await h.store.integrity.conflicts(contest.id)).toEqual([{ judgeId: 22, presenter: 1 }]);

    // A second account (even one calling itself 张伟) is refused, and the chair is told.
    expect((await openLink(h, impostor, tokens[0]!))!.text).toBe("❌ 这个邀请已被其他账号使用，不能再次使用。如有疑问请联系主持人。");
    expect(h.model.lastMessage(chair.id)!.text).toBe("⚠️ 「张伟」的邀请已被使用，但另一个账号（张伟，ID 29）刚刚又打开了它，已拒绝。如邀请外泄，请在 /judges 中核对。");
    expect(await h.store.judges.isJudge(contest.id, impostor.id)).toBe(false);
    // The same account again is simply told it is in.
    expect((await openLink(h, zhangWei, tokens[0]!))!.text).toBe("你已经是评委了。");

    // The roster's name is the judge's name everywhere: /status, the audit log.
    await h.say(chair, GROUP, "/open");
    await h.say(chair, GROUP, "/status");
    expect(h.model.lastMessage(chair.id)!.text).toContain("张伟");
    const audit = await h.store.audit.read(contest.id);
    expect(audit.filter((e) => e.type === "judge-enrolled").map((e) => (e.data as { name: string }).name)).toEqual(["张伟", "李娜", "王强"]);
    // Tokens never appear in full in the audit log or the logs.
    const raw = JSON.stringify(await h.redis.redis.xrange(`${h.redis.prefix}:c:{${contest.id}}:audit`, "-", "+"));
    const logs = logLines.join("\n");
    for (const token of tokens) {
      expect(raw).not.toContain(token);
      expect(logs).not.toContain(token);
    }
  });

  it("refuses a revoked invitation, and the chair's new one works; the judges view shows ✅/⏳", async () => {
    const contest = await setUpPanels(h);
    const { tokens } = await listRoster();
    await openLink(h, liNa, tokens[1]!);
    expect((await h.say(chair, GROUP, "/judges"))!.text).toBe("📋 评委名单已私聊发给你。");
    const list = h.model.lastMessage(chair.id)!;
    expect(list.text).toBe(
      [
        "🧑‍⚖️ 「季度述职评议」评委名单（1 人，加入方式：开放（群内按钮、加入码））",
        "",
        "1. 张伟 · 区领导 · ⏳ 邀请未使用",
        "2. 李娜 · 两代表一委员 · ✅ 已加入",
        "3. 王强 · 区领导 · ⏳ 邀请未使用 👁 观察员",
      ].join("\n"),
    );
    await h.tap(chair, chair.id, list, "张伟");
    const card = h.model.message(chair.id, list.messageId)!;
    expect(buttonsOf(card).map((b) => b.text)).toEqual(["🔁 重发邀请", "⛔ 撤销邀请", "🔀 换组", "✏️ 改名", "👁 观察员", "🗑 移除", "⬅ 返回名单"]);
    await h.tap(chair, chair.id, card, "⛔ 撤销邀请");
    expect(h.model.messages(chair.id).at(-1)!.text).toBe("⛔ 已撤销「张伟」的邀请；旧链接不能再用。需要时点“🔁 重发邀请”生成新链接。");
    expect((await openLink(h, zhangWei, tokens[0]!))!.text).toBe("❌ 这个邀请已被主持人撤销。请向主持人索取新的邀请。");
    expect(await h.store.judges.isJudge(contest.id, zhangWei.id)).toBe(false);

    const before = lastChairMessageId(h);
    await h.tap(chair, chair.id, h.model.message(chair.id, list.messageId)!, "🔁 重发邀请");
    const [fresh] = linksSince(h, before);
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(tokens[0]);
    expect((await openLink(h, zhangWei, fresh!))!.text).toContain("你已成为「季度述职评议」的评委：张伟（区领导）");
    const audit = await h.store.audit.read(contest.id);
    expect(audit.filter((e) => e.type === "roster-changed").map((e) => (e.data as { change: string }).change)).toEqual([
      "added",
      "added",
      "added",
      "revoked",
      "invited",
    ]);
  });

  it("voids every invitation and join code once the contest ends, and answers unknown tokens", async () => {
    const contest = await setUpPanels(h);
    const { tokens } = await listRoster();
    await h.say(chair, GROUP, "/join");
    const codes = linksSince(h, 0).filter((t) => !tokens.includes(t));
    expect(codes).toHaveLength(2);
    expect((await openLink(h, outsider, "AAAAAAAAAAAAAAAAAAAAAA"))!.text).toBe("❌ 这个邀请链接无效（可能抄错了）。请向主持人索取新的邀请。");
    expect((await openLink(h, outsider, tokens[0]!.slice(0, 20)))!.text).toBe("❌ 这个邀请链接无效（可能抄错了）。请向主持人索取新的邀请。");
    await h.say(chair, GROUP, "/finish");
    expect((await h.store.contests.get(contest.id))!.status).toBe("finished");
    expect((await openLink(h, zhangWei, tokens[0]!))!.text).toBe("❌ 「季度述职评议」已结束，邀请已失效。");
    expect((await openLink(h, outsider, codes[0]!))!.text).toBe("❌ 「季度述职评议」已结束，邀请已失效。");
    expect(await h.store.contests.judges(contest.id)).toEqual([]);
  });

  it("refuses roster lines naming the wrong panel or presenter, storing nothing; takes a CSV file", async () => {
    const contest = await setUpPanels(h);
    const reply = await h.say(chair, GROUP, "/judges\n张伟 | 区领导\n李娜\n王强 | 区长\n赵六 | 区领导 | 回避：不存在局\n张伟 | 两代表一委员");
    expect(reply!.text).toBe(
      [
        "❌ 未保存，请修改后重新发送：",
        "第 2 行「李娜」：缺少评委组，请写明：区领导、两代表一委员",
        "第 3 行「王强 | 区长」：没有评委组「区长」，可选：区领导、两代表一委员",
        "第 4 行「赵六 | 区领导 | 回避：不存在局」：没有汇报人「不存在局」（回避只能写 /presenters 中的名字）",
        "第 5 行「张伟 | 两代表一委员」：「张伟」与第 1 行重名",
      ].join("\n"),
    );
    expect(await h.store.seats.roster(contest.id)).toEqual([]);
    h.model.sendFile(chair, GROUP, {
      fileName: "judges.csv",
      bytes: Buffer.from("\uFEFF姓名,评委组,观察员,回避,用户ID\n张伟,区领导,,区交通运输局,\n李娜,两代表一委员,是,,4242\n", "utf8"),
      caption: "/judges",
    });
    await h.deliver();
    expect(h.model.lastMessage(GROUP)!.text).toContain("✅ 已加入评委名单 2 人：张伟、李娜。");
    const roster = await h.store.seats.roster(contest.id);
    expect(roster.map((e) => [e.name, e.panel, e.observer, e.conflicts, e.userId])).toEqual([
      ["张伟", 0, false, ["区交通运输局"], undefined],
      ["李娜", 1, true, [], 4242],
    ]);
    // Listed again: refused by name, nothing doubled.
    expect((await h.say(chair, GROUP, "/judges\n张伟 | 区领导"))!.text).toContain("「张伟」已在评委名单中");
    expect(await h.store.seats.roster(contest.id)).toHaveLength(2);
  });

  it("invites a contest file's judges; an entry with a Telegram user id seats that account, never one with the same name", async () => {
    h.model.setAdmins(GROUP, [], chair.id);
    h.model.startUser(chair);
    await h.say(chair, chair.id, "/start");
    await h.say(chair, GROUP, "/newcontest 评议");
    const file = {
      title: "季度述职评议",
      criteria: [{ name: "总分", max: 100 }],
      presenters: [{ name: "区教育局" }, { name: "区卫健局" }],
      panels: [{ name: "区领导", weight: 70 }, { name: "两代表一委员", weight: 30 }],
      judges: [
        { name: "张伟", panel: "区领导" },
        { name: "李娜", panel: "两代表一委员", userId: liNa.id, conflicts: ["区卫健局"] },
      ],
      join: "approve",
    };
    const before = lastChairMessageId(h);
    await h.say(chair, GROUP, `/import\n${JSON.stringify(file)}`);
    expect(h.model.lastMessage(GROUP)!.text).toContain("\n\n📨 评议文件中的 2 位评委已加入名单，专属邀请已私聊发给主持人。");
    expect(linksSince(h, before)).toHaveLength(2);
    const contest = await contestOf(h);
    expect(contest.setup.join).toBe("approve");
    await h.say(chair, GROUP, "/join");
    const join = h.model.lastMessage(GROUP)!;
    // Someone whose Telegram name is 张伟 gets no seat of 张伟's: approve mode, they wait.
    h.model.startUser(impostor);
    await h.tap(impostor, GROUP, join, /两代表一委员/);
    expect(await h.store.judges.isJudge(contest.id, impostor.id)).toBe(false);
    // 李娜's account, named by user id, takes her entry without approval: name, panel, conflicts.
    h.model.startUser(liNa);
    await h.tap(liNa, GROUP, join, /区领导/);
    const judge = (await h.store.contests.judges(contest.id)).find((j) => j.userId === liNa.id)!;
    expect([judge.name, judge.panel, judge.telegramName]).toEqual(["李娜", 1, "娜娜"]);
    expect(await h.store.integrity.conflicts(contest.id)).toEqual([{ judgeId: liNa.id, presenter: 1 }]);
  });
});

describe("join codes and the group button", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  it("gives each panel its own join code: whoever opens the 区领导 code joins 区领导, and nobody else chooses", async () => {
    const contest = await setUpPanels(h);
    const before = lastChairMessageId(h);
    await h.say(chair, GROUP, "/join");
    const codes = linksSince(h, before);
    expect(codes).toHaveLength(2);
    const message = h.model.messages(chair.id).find((m) => m.text?.includes(codes[0]!))!;
    expect(message.text).toContain("🔑 「季度述职评议」（区领导）加入码");
    expect(message.text).toContain("🔑 「季度述职评议」（两代表一委员）加入码");
    const sheet = lastSheet(h)!;
    expect(sheet.document!.file_name).toBe("join-codes.png");
    expect(decodeSheet(sheet.document!.bytes!, 2)).toEqual(codes.map((c) => `https://t.me/test_bot?start=${c}`));
    // The same codes on every /join, and for the scoreboard.
    await h.say(chair, GROUP, "/join");
    expect((await h.store.seats.panelJoinLinks(contest.id, "test_bot")).map((l) => l.token)).toEqual(codes);

    // People in the room need not be in the group.
    const guestA = guest(31, "来宾甲");
    const guestB = guest(32, "来宾乙");
    h.model.setMemberStatus(GROUP, guestA.id, "left");
    expect((await openLink(h, guestA, codes[0]!))!.text).toContain("你已成为「季度述职评议」的评委：来宾甲（区领导）");
    await openLink(h, guestB, codes[1]!);
    const judges = await h.store.contests.judges(contest.id);
    expect(judges.map((j) => [j.name, j.panel])).toEqual([
      ["来宾甲", 0],
      ["来宾乙", 1],
    ]);
    // In roster mode a code seats nobody.
    await h.say(chair, GROUP, "/joinmode roster");
    expect((await openLink(h, guest(33, "来宾丙"), codes[0]!))!.text).toBe("🔒 本次评议只接受个人邀请：请使用主持人发给你的专属邀请链接加入。");
    expect(await h.store.judges.count(contest.id)).toBe(2);
  });

  it("enrols by the group button only current members: refused when left or kicked, at the tap and when the deep link completes", async () => {
    const contest = await setUpPanels(h);
    await h.say(chair, GROUP, "/join");
    const join = h.model.lastMessage(GROUP)!;
    const member = user(41, "成员");
    const left = user(42, "已退群");
    const kicked = user(43, "被移出");
    const restricted = user(44, "受限成员");
    for (const u of [member, left, kicked, restricted]) h.model.startUser(u);
    h.model.setMemberStatus(GROUP, left.id, "left");
    h.model.setMemberStatus(GROUP, kicked.id, "kicked");
    h.model.setMemberStatus(GROUP, restricted.id, "restricted");
    for (const u of [member, left, kicked, restricted]) await h.tap(u, GROUP, join, /区领导/);
    expect(h.lastCallbackAnswer()).toMatchObject({ text: "已加入 ✅" });
    expect((await h.store.contests.judges(contest.id)).map((j) => j.userId)).toEqual([member.id, restricted.id]);
    await h.tap(left, GROUP, join, /区领导/);
    expect(h.lastCallbackAnswer()).toMatchObject({ text: "只有本群成员才能通过群内按钮加入评委。", show_alert: true });

    // A member who never started the bot gets the deep link; having left the group since, /start refuses.
    const late = user(45, "后来者");
    await h.tap(late, GROUP, join, /两代表一委员/);
    const url = String(h.lastCallbackAnswer()?.url);
    const payload = /start=(j_[a-z0-9]+_1)$/.exec(url)![1]!;
    h.model.setMemberStatus(GROUP, late.id, "left");
    expect((await openLink(h, late, payload))!.text).toBe("只有本群成员才能通过群内按钮加入评委。");
    expect(await h.store.judges.isJudge(contest.id, late.id)).toBe(false);
    h.model.setMemberStatus(GROUP, late.id, "member");
    expect((await openLink(h, late, payload))!.text).toContain("你已成为「季度述职评议」的评委：后来者（两代表一委员）");
  });

  it("approve mode: a new judge waits for the chair's ✅ in private and gets no ballot before; ✖ refuses", async () => {
    const contest = await setUpPanels(h);
    expect((await h.say(chair, GROUP, "/joinmode approve"))!.text).toBe("✅ 加入方式已改为：审批（主持人同意后才能评分）");
    await h.say(chair, GROUP, "/join");
    const join = h.model.lastMessage(GROUP)!;
    const [a, b, c] = [user(51, "甲"), user(52, "乙"), user(53, "丙")];
    for (const u of [a, b, c]) {
      h.model.startUser(u);
      await h.tap(u, GROUP, join, /区领导/);
    }
    expect(h.model.lastMessage(a.id)!.text).toBe("⏳ 已提交加入「季度述职评议」（区领导）的申请，请等待主持人同意。同意后评分表会发到这里。");
    const requests = h.model.messages(chair.id).filter((m) => m.text?.startsWith("🙋"));
    expect(requests.map((m) => m.text)).toEqual([
      "🙋 甲（ID 51）申请加入「季度述职评议」评委（区领导）。",
      "🙋 乙（ID 52）申请加入「季度述职评议」评委（区领导）。",
      "🙋 丙（ID 53）申请加入「季度述职评议」评委（区领导）。",
    ]);
    expect(await h.store.contests.judges(contest.id)).toEqual([]);
    // Only a chair decides: a forged press from someone else changes nothing.
    const answer = await press(h, b, chair.id, requests[0]!.messageId, `ap|${contest.id}|${a.id}|1`);
    expect(answer?.text).toContain("只有本次评议的主持人可以使用");
    await h.tap(chair, chair.id, requests[0]!, "✅ 同意");
    await h.tap(chair, chair.id, requests[1]!, "✖ 拒绝");
    expect(h.model.message(chair.id, requests[0]!.messageId)!.text).toBe("✅ 已同意 甲 加入评委（区领导）。");
    expect(h.model.lastMessage(a.id)!.text).toBe("✅ 主持人已同意，你已成为「季度述职评议」的评委（区领导）。轮到汇报人时，评分表会发到这里。");
    expect(h.model.lastMessage(b.id)!.text).toBe("主持人没有同意你加入「季度述职评议」的评委。");
    // A round opens: the approved judge gets a ballot; the refused one and the waiting one do not.
    await h.say(chair, GROUP, "/open");
    expect(h.model.lastMessage(GROUP)!.text).toContain("已提交：0/1");
    expect(h.model.lastMessage(a.id)!.text).toContain("区交通运输局");
    expect(h.model.lastMessage(c.id)!.text).toContain("请等待主持人同意");
    expect(await h.store.seats.decide(contest.id, b.id, true, { by: chair.id, at: Date.now() })).toEqual({ code: "NOT_JUDGE" });
    expect((await h.store.contests.judges(contest.id)).map((j) => j.userId)).toEqual([a.id]);
  });
});

describe("the chair's judges view", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  /** Seats 张伟 and 王强 in 区领导 and 李娜 in 两代表一委员 by invitation. */
  const seatThree = async () => {
    const contest = await setUpPanels(h);
    const before = lastChairMessageId(h);
    await h.say(chair, GROUP, "/judges\n张伟 | 区领导\n王强 | 区领导\n李娜 | 两代表一委员");
    const tokens = linksSince(h, before);
    await openLink(h, zhangWei, tokens[0]!);
    await openLink(h, wangQiang, tokens[1]!);
    await openLink(h, liNa, tokens[2]!);
    return contest;
  };

  const openCard = async (name: string) => {
    await h.say(chair, GROUP, "/judges");
    const list = h.model.lastMessage(chair.id)!;
    await h.tap(chair, chair.id, list, name);
    return h.model.message(chair.id, list.messageId)!;
  };

  const liveOf = async (presenter: number) => {
    const { results } = await loadStandings(h.store, (await contestOf(h))!);
    return formatHalfUp(results.find((r) => r.presenter === presenter)!.live!, 2);
  };

  it("moves a judge to another panel for the rounds not yet closed only; closed rounds keep their panel weights", async () => {
    await seatThree();
    // Round 1: 区领导 (90, 80) → 85, 两代表一委员 60 → live = 0.7·85 + 0.3·60 = 77.50.
    await h.say(chair, GROUP, "/open");
    await vote(h, zhangWei, scoresFor(90));
    await vote(h, wangQiang, scoresFor(80));
    await vote(h, liNa, scoresFor(60));
    await h.closeRound(chair, GROUP);
    expect(await liveOf(0)).toBe("77.50");

    // 王强 moves to 两代表一委员 from the judges view.
    const card = await openCard("王强");
    await h.tap(chair, chair.id, card, "🔀 换组");
    await h.tap(chair, chair.id, h.model.message(chair.id, card.messageId)!, "两代表一委员");
    expect(h.model.messages(chair.id).at(-1)!.text).toBe(
      "🔀 已把「王强」从区领导换到两代表一委员。\n已结束的 1 轮仍按原评委组（区领导）计分，不改写历史；从尚未结束的轮次起按两代表一委员计分。",
    );
    // Round 2, the same totals: 区领导 90, 两代表一委员 (80, 60) → 70 → live = 63 + 21 = 84.00.
    await h.say(chair, GROUP, "/open");
    await vote(h, zhangWei, scoresFor(90));
    await vote(h, wangQiang, scoresFor(80));
    await vote(h, liNa, scoresFor(60));
    await h.closeRound(chair, GROUP);
    expect(await liveOf(1)).toBe("84.00");
    expect(await liveOf(0)).toBe("77.50");
    const audit = await h.store.audit.read((await contestOf(h)).id);
    expect(audit.find((e) => e.type === "judge-updated")).toMatchObject({
      by: chair.id,
      data: { name: "王强", panel: 1, change: "moved", previousPanel: 0 },
    });
  });

  it("renames a judge everywhere, marks an observer, and tells a removed judge in private", async () => {
    const contest = await seatThree();
    let card = await openCard("张伟");
    await h.tap(chair, chair.id, card, "✏️ 改名");
    expect(h.model.lastMessage(chair.id)!.text).toBe("✏️ 请发送「张伟」的新名字（1–80 个字）。");
    await h.say(chair, chair.id, "张伟（局长）");
    expect(h.model.messages(chair.id).at(-2)!.text).toBe("✏️ 已把「张伟」改名为「张伟（局长）」。");
    const renamed = (await h.store.contests.judges(contest.id)).find((j) => j.userId === zhangWei.id)!;
    expect([renamed.name, renamed.telegramName]).toEqual(["张伟（局长）", "Wei Z."]);
    expect((await h.store.seats.roster(contest.id))[0]!.name).toBe("张伟（局长）");
    await h.say(chair, GROUP, "/status");
    expect(h.model.lastMessage(chair.id)!.text).toContain("张伟（局长）");

    card = await openCard("王强");
    await h.tap(chair, chair.id, card, "👁 观察员");
    expect((await h.store.contests.judges(contest.id)).find((j) => j.userId === wangQiang.id)!.observer).toBe(true);

    card = await openCard("李娜");
    await h.tap(chair, chair.id, card, "🗑 移除");
    await h.tap(chair, chair.id, h.model.message(chair.id, card.messageId)!, "✅ 确定移除");
    expect(h.model.lastMessage(liNa.id)!.text).toBe("你已被主持人从「季度述职评议」的评委中移除，之后不会再收到评分表。已结束各轮的评分不受影响。");
    expect(await h.store.judges.isJudge(contest.id, liNa.id)).toBe(false);
    expect((await h.store.seats.roster(contest.id)).map((e) => e.name)).toEqual(["张伟（局长）", "王强"]);
    const changes = (await h.store.audit.read(contest.id)).filter((e) => e.type === "judge-updated").map((e) => (e.data as { change?: string }).change);
    expect(changes).toEqual(["renamed", "observer"]);

    // Every button of the view is checked against the chairs on the server.
    await h.say(chair, GROUP, "/open");
    const ballot = h.model.findMessageWithButton(zhangWei.id, (b) => "callback_data" in b && /^[vgsk]\|/.test(b.callback_data))!;
    const answer = await press(h, zhangWei, zhangWei.id, ballot.messageId, `jv|${contest.id}|u${wangQiang.id}|d|1`);
    expect(answer?.text).toContain("只有本次评议的主持人可以使用");
    expect(await h.store.judges.isJudge(contest.id, wangQiang.id)).toBe(true);
  });
});
