// What the chair puts on the scoreboard: the speaking timer (/timer) and the join view (/screen
// join|board, the console's button). Checked through the bot (simulated Bot API) against the
// scoreboard's state as the page gets it, with a real Redis.
import { Resvg } from "@resvg/resvg-js";
import jsQRModule from "jsqr";
import { PNG } from "pngjs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadScreenState } from "../../src/http/screen-state.js";
import { buttonsOf } from "../support/bot-api-server.js";
import { createHarness, GROUP, type Harness } from "./harness.js";
import { chair, contestOf, outsider, scoresFor, vote, zhang } from "./integrity-support.js";
import { guest, openLink, SEAT_LINK, setUpPanels } from "./seats-support.js";

type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR: Decode = (jsQRModule as unknown as { default?: Decode }).default ?? (jsQRModule as unknown as Decode);

/** The text of a QR code given as a data: URL of an SVG image (rasterised, then read back). */
const decodeQr = (dataUrl: string): string => {
  const match = /^data:image\/svg\+xml;base64,(.+)$/.exec(dataUrl);
  if (!match) throw new Error(`not an SVG data URL: ${dataUrl.slice(0, 40)}`);
  const png = PNG.sync.read(new Resvg(Buffer.from(match[1]!, "base64").toString("utf8"), { fitTo: { mode: "width", value: 400 } }).render().asPng());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? "";
};

const START = Date.UTC(2026, 10, 30, 9, 0, 0);

describe("the scoreboard's speaking timer and join view", () => {
  let h: Harness;
  let clock = START;
  beforeEach(async () => {
    clock = START;
    h = await createHarness({ now: () => clock });
  });
  afterEach(() => h.close());

  const state = async () => (await loadScreenState(h.store, (await contestOf(h)).id, () => clock, { botUsername: () => h.model.botInfo.username }))!;
  const sentToGroup = () => h.model.callsTo("sendMessage").filter((c) => Number(c.params.chat_id) === GROUP && c.response?.ok).length;
  const lastToChair = () => h.model.lastMessage(chair.id)?.text ?? "";

  it("/timer starts a speaking timer for the presenter up next, in private, audited, and /timer stop ends it", async () => {
    await setUpPanels(h);
    const before = sentToGroup();
    await h.say(chair, GROUP, "/timer 5");
    expect(sentToGroup()).toBe(before); // the group stays quiet
    expect(lastToChair()).toContain("发言计时 5 分钟");
    expect(lastToChair()).toContain("第 1 位「区交通运输局」");
    expect((await state()).clocks).toEqual({
      round: null,
      speaking: { n: 1, name: "区交通运输局", startedAt: START, endsAt: START + 5 * 60_000, until: START + 7 * 60_000 },
    });
    // It is kept in Redis with a TTL (any replica's page shows it; it is forgotten after it ran out).
    const ttl = await h.store.redis.pttl(`${h.store.prefix}:c:{${(await contestOf(h)).id}}:speaking-timer`);
    expect(ttl).toBeGreaterThan(5 * 60_000);

    // Two and a half minutes, 30 seconds later: a new timer replaces the old one.
    clock += 30_000;
    await h.say(chair, GROUP, "/timer 2.5");
    expect((await state()).clocks?.speaking?.endsAt).toBe(START + 30_000 + 150_000);
    // Past its end it still shows ("time is up") for two minutes, then the state drops it.
    clock += 150_000 + 119_000;
    expect((await state()).clocks?.speaking).not.toBeNull();
    clock += 2_000;
    expect((await state()).clocks).toBeUndefined();

    await h.say(chair, GROUP, "/timer 3");
    await h.say(chair, GROUP, "/timer stop");
    expect(lastToChair()).toContain("发言计时已停止");
    expect((await state()).clocks).toBeUndefined();
    await h.say(chair, GROUP, "/timer stop");
    expect(lastToChair()).toBe("现在没有发言计时。");
    expect(sentToGroup()).toBe(before);

    const audit = (await h.store.audit.read((await contestOf(h)).id)).filter((e) => e.type === "speaking-timer");
    expect(audit.map((e) => [e.by, e.data])).toEqual([
      [chair.id, { action: "started", presenter: 0, seconds: 300 }],
      [chair.id, { action: "started", presenter: 0, seconds: 150 }],
      [chair.id, { action: "started", presenter: 0, seconds: 180 }],
      [chair.id, { action: "stopped", presenter: 0, seconds: 0 }],
    ]);
  });

  it("refuses a bad /timer with its usage and stores nothing; a member who is not the chair gets no timer", async () => {
    await setUpPanels(h);
    for (const bad of ["/timer", "/timer 0", "/timer 500", "/timer abc", "/timer 61", "/timer 1.25", "/timer -3", "/timer 5 6"]) {
      await h.say(chair, GROUP, bad);
      expect(lastToChair(), bad).toContain("用法：/timer 分钟（0.5–60");
    }
    await h.say(outsider, GROUP, "/timer 5");
    expect((await state()).clocks).toBeUndefined();
    expect((await h.store.audit.read((await contestOf(h)).id)).filter((e) => e.type === "speaking-timer")).toEqual([]);
  });

  it("times the open round's presenter, shows the round's deadline, and never touches ballots or the round", async () => {
    await setUpPanels(h);
    await h.say(chair, GROUP, "/join");
    const join = h.model.lastMessage(GROUP)!;
    h.model.startUser(zhang);
    await h.tap(zhang, GROUP, join, /区领导/);
    await h.say(chair, GROUP, "/open 2 3");
    await h.say(chair, GROUP, "/timer 4");
    const s = await state();
    expect(s.clocks).toEqual({
      round: { n: 2, deadline: START + 3 * 60_000 },
      speaking: { n: 2, name: "区教育局", startedAt: START, endsAt: START + 4 * 60_000, until: START + 6 * 60_000 },
    });
    // The round's own time limit is unchanged, and the judge scores as before.
    const id = (await contestOf(h)).id;
    expect(await h.store.timers.deadline(id, 1)).toBe(START + 3 * 60_000);
    await vote(h, zhang, scoresFor(80));
    expect((await state()).current).toMatchObject({ n: 2, submitted: 1, judges: 1 });
    await h.say(chair, GROUP, "/timer stop");
    expect((await h.store.contests.rounds(id)).get(1)).toBe("open");
    expect((await state()).clocks).toEqual({ round: { n: 2, deadline: START + 3 * 60_000 }, speaking: null });
  });

  it("/timer after a draw names the next unit in the drawn order", async () => {
    await setUpPanels(h);
    await h.say(chair, GROUP, "/draw all");
    const contest = await contestOf(h);
    const { order } = await h.store.draws.order(contest);
    await h.say(chair, GROUP, "/timer 5");
    expect((await state()).clocks?.speaking).toMatchObject({ n: order[0]! + 1, name: contest.setup.presenters[order[0]!]!.name });
    expect((await state()).next?.n).toBe(order[0]! + 1);
  });

  it("/screen join shows each panel's join QR code with the judges joined, live; /screen board the board again", async () => {
    await setUpPanels(h);
    const before = sentToGroup();
    expect((await state()).join).toBeUndefined();
    await h.say(chair, GROUP, "/screen join");
    expect(sentToGroup()).toBe(before);
    expect(lastToChair()).toContain("大屏已显示扫码加入（2 个二维码）");

    const join = (await state()).join!;
    expect(join.joined).toBe(0);
    expect(join.panels.map((p) => [p.name, p.joined])).toEqual([
      ["区领导", 0],
      ["两代表一委员", 0],
    ]);
    // The QR codes hold the panels' join links, which are the ones the store hands out.
    const links = await h.store.seats.panelJoinLinks((await contestOf(h)).id, h.model.botInfo.username);
    expect(join.panels.map((p) => decodeQr(p.qr))).toEqual(links.map((l) => l.url));
    expect(join.panels.map((p) => p.url)).toEqual(links.map((l) => l.url));

    // Judges scan the second panel's code: the count follows.
    const token = SEAT_LINK.exec(join.panels[1]!.url)![1]!;
    await openLink(h, guest(201, "陈静"), token);
    await openLink(h, guest(202, "杨磊"), token);
    const after = (await state()).join!;
    expect(after.joined).toBe(2);
    expect(after.panels.map((p) => p.joined)).toEqual([0, 2]);
    // Counts only: no judge's name reaches the scoreboard.
    const shown = JSON.stringify(await state(), (key, value: unknown) => (key === "qr" ? "" : value));
    expect(shown).not.toMatch(/陈静|杨磊|\b20[12]\b|userId/);

    await h.say(chair, GROUP, "/screen board");
    expect(lastToChair()).toContain("大屏已切回排名");
    expect((await state()).join).toBeUndefined();
    const audit = (await h.store.audit.read((await contestOf(h)).id)).filter((e) => e.type === "screen-view");
    expect(audit.map((e) => [e.by, e.data])).toEqual([
      [chair.id, { view: "join" }],
      [chair.id, { view: "board" }],
    ]);
    expect(sentToGroup()).toBe(before);

    await h.say(chair, GROUP, "/screen sideways");
    expect(h.model.lastMessage(GROUP)?.text).toContain("/screen join");
  });

  it("the console's button switches the scoreboard to the join codes and back", async () => {
    await setUpPanels(h);
    await h.say(chair, GROUP, "/console");
    const consoleMessage = () => h.model.messages(chair.id).filter((m) => buttonsOf(m).some((b) => /大屏链接/.test(b.text))).at(-1)!;
    expect(buttonsOf(consoleMessage()).map((b) => b.text)).toContain("📱 大屏：扫码加入");
    await h.tap(chair, chair.id, consoleMessage(), "📱 大屏：扫码加入");
    expect((await state()).join?.panels).toHaveLength(2);
    expect(buttonsOf(consoleMessage()).map((b) => b.text)).toContain("📊 大屏：切回排名");
    await h.tap(chair, chair.id, consoleMessage(), "📊 大屏：切回排名");
    expect((await state()).join).toBeUndefined();
    expect(buttonsOf(consoleMessage()).map((b) => b.text)).toContain("📱 大屏：扫码加入");
    // Switched from the group, the console follows too.
    await h.say(chair, GROUP, "/screen join");
    expect(buttonsOf(consoleMessage()).map((b) => b.text)).toContain("📊 大屏：切回排名");
    await h.say(chair, GROUP, "/screen board");
    expect(buttonsOf(consoleMessage()).map((b) => b.text)).toContain("📱 大屏：扫码加入");
  });

  it("a round opening brings the board back; join codes shown during the round stay until the next one opens", async () => {
    const contest = await setUpPanels(h);
    await h.say(chair, GROUP, "/join");
    const join = h.model.findMessageWithButton(GROUP, /区领导/)!;
    h.model.startUser(zhang);
    await h.tap(zhang, GROUP, join, /区领导/);
    await h.say(chair, GROUP, "/console");
    const consoleMessage = () => h.model.messages(chair.id).filter((m) => buttonsOf(m).some((b) => /大屏链接/.test(b.text))).at(-1)!;
    const screenButton = () => buttonsOf(consoleMessage()).map((b) => b.text).find((text) => text.startsWith("📱") || text.startsWith("📊"));

    // Before the meeting the hall sees the join codes; /open puts the board back on every page.
    await h.say(chair, GROUP, "/screen join");
    expect((await state()).join).toBeDefined();
    await h.say(chair, GROUP, "/open");
    expect((await state()).current).toMatchObject({ n: 1 });
    expect((await state()).join).toBeUndefined();
    expect(await h.store.screenControls.view(contest.id)).toBe("board");
    expect(screenButton()).toBe("📱 大屏：扫码加入"); // the console offers the join codes again

    // Latecomers: the chair shows the codes during the round; they stay while the round runs.
    clock += 60_000;
    await h.tap(chair, chair.id, consoleMessage(), "📱 大屏：扫码加入");
    await vote(h, zhang, scoresFor(80));
    await h.say(chair, GROUP, "/timer 3");
    expect((await state()).join?.panels).toHaveLength(2);
    expect(screenButton()).toBe("📊 大屏：切回排名");
    await h.say(chair, GROUP, "/close");
    expect((await state()).join).toBeDefined();

    // The console's ▶ 下一位 opens the next round: the board again.
    clock += 60_000;
    await h.tap(chair, chair.id, consoleMessage(), /下一位/);
    expect((await state()).current).toMatchObject({ n: 2 });
    expect((await state()).join).toBeUndefined();
    expect(screenButton()).toBe("📱 大屏：扫码加入");
    // A round opening with the board already up records nothing.
    await h.say(chair, GROUP, "/close");
    await h.say(chair, GROUP, "/open");
    expect((await state()).join).toBeUndefined();

    const audit = (await h.store.audit.read(contest.id)).filter((e) => e.type === "screen-view");
    expect(audit.map((e) => [e.by, e.at - START, e.data])).toEqual([
      [chair.id, 0, { view: "join" }],
      [chair.id, 0, { view: "board", reason: "round-opened" }],
      [chair.id, 60_000, { view: "join" }],
      [chair.id, 120_000, { view: "board", reason: "round-opened" }],
    ]);
  });

  it("shows no join codes in join mode roster", async () => {
    await setUpPanels(h);
    await h.say(chair, GROUP, "/joinmode roster");
    await h.say(chair, GROUP, "/screen join");
    expect(lastToChair()).toContain("个人邀请");
    expect((await state()).join).toBeUndefined();
  });
});
