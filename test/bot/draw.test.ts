// /draw (抽签): the chair draws the presenting order of the units not yet scored; the group gets one
// message with the seed and the rule, which this test follows to recompute the order with
// node:crypto; the draw is audited; /open, the console's ▶ and the scoreboard follow the order.
import { createHash } from "node:crypto";
import { pino } from "pino";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { createBot } from "../../src/bot/create-bot.js";
import { createStore } from "../../src/store/store.js";
import { readScript } from "../../src/store/scripts.js";
import { loadScreenState } from "../../src/http/screen-state.js";
import { readXlsx } from "../../src/xlsx.js";
import { XLSX_LIMITS } from "../../src/bot/features/contest-file.js";
import { parseCsv } from "../domain/csv.js";
import { captureTransformer, type StoredMessage } from "../support/bot-api-server.js";
import { testRedisUrl } from "../support/redis.js";
import { createHarness, GROUP, type Harness } from "./harness.js";
import { chair, contestOf, li, outsider, refusedQuietly, scoresFor, setUpMeeting, vote, wang, zhang } from "./integrity-support.js";

const sha = (text: string) => createHash("sha256").update(Buffer.from(text, "utf8")).digest("hex");
const byRule = (seed: string, names: string[]) => [...names].sort((a, b) => sha(`${seed}:${a}`).localeCompare(sha(`${seed}:${b}`)));

/** The seed and the order as the group's message states them: [position, name, unit number, kept]. */
const readMessage = (text: string) => {
  const seed = /种子：([0-9a-f]+)/.exec(text)?.[1];
  const lines = [...text.matchAll(/^(\d+)\. (.+?)（(\d+)号）(· 已评分，位置不变)?$/gm)].map((m) => ({
    pos: Number(m[1]),
    name: m[2]!,
    n: Number(m[3]),
    kept: Boolean(m[4]),
  }));
  return { seed: seed!, lines };
};

const SIX = ["区交通运输局", "区教育局", "区卫健局", "区财政局", "区民政局", "区文旅局"];

/** A seed that draws SIX (all in one group) in the order of these unit numbers: every unit moves. */
const MOVED_SEED = "0123456789abcdef0123456789abcdef";
const MOVED_ORDER = [3, 6, 4, 5, 1, 2];
/** A seed that draws SIX in their setup order. */
const SAME_SEED = "000000000000000000000000000000e8";

/** "第 place/6 位" as shown, with the unit's number beside it when the draw moved it. */
const placed = (place: number, n: number) => (place === n ? `第 ${place}/6 位` : `第 ${place}/6 位（${n}号）`);

describe("/draw", () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const harness = async () => {
    const h = await createHarness();
    cleanups.push(() => h.close());
    return h;
  };
  const draw = async (h: Harness, text = "/draw"): Promise<StoredMessage> => {
    const before = h.model.messages(GROUP).length;
    await h.say(chair, GROUP, text);
    const posted = h.model.messages(GROUP).slice(before);
    expect(posted).toHaveLength(1);
    return posted[0]!;
  };
  const consoleText = async (h: Harness) => {
    const id = await h.store.consoles.get((await contestOf(h)).id, chair.id);
    return h.model.message(chair.id, id!)!.text!;
  };

  it("posts one message with seed and rule that reproduce the order; audits it; /open, the console and the scoreboard follow it", async () => {
    const h = await harness();
    await setUpMeeting(h);
    await h.say(chair, GROUP, `/presenters\n${SIX.join("\n")}`);
    const message = await draw(h);
    expect(message.text).toContain("🎲 「季度述职评议」出场顺序抽签结果");
    expect(message.text).toContain('SHA-256("种子:单位名称")');
    const { seed, lines } = readMessage(message.text!);
    expect(seed).toMatch(/^[0-9a-f]{32}$/);
    expect(message.text).toContain(`echo -n "${seed}:单位名称" | sha256sum`);
    // Anyone can redo it: sort the names by sha256(seed:name).
    expect(lines.map((l) => l.name)).toEqual(byRule(seed, SIX));
    expect(lines.map((l) => l.pos)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const line of lines) expect(line.n).toBe(SIX.indexOf(line.name) + 1);

    const contest = await contestOf(h);
    const audit = (await h.store.audit.read(contest.id)).filter((e) => e.type === "order-drawn");
    expect(audit).toHaveLength(1);
    const order = lines.map((l) => l.n - 1);
    expect(audit[0]).toMatchObject({ by: chair.id, data: { seed, scope: "group", order, drawn: [0, 1, 2, 3, 4, 5] } });

    // The scoreboard's "next" follows the drawn order.
    const screen = await loadScreenState(h.store, contest.id);
    expect(screen!.next).toMatchObject({ n: lines[0]!.n, name: lines[0]!.name });
    expect(screen!.draw!.rows.map((r) => r.name)).toEqual(lines.map((l) => l.name));
    expect(screen!.draw!.seed).toBe(seed);
    expect(JSON.stringify(screen)).not.toMatch(/张三|李四|王五/);
    // The scoreboard shows the draw for a few seconds only.
    expect((await loadScreenState(h.store, contest.id, () => audit[0]!.at + 16_000))!.draw).toBeUndefined();

    // /open without a number opens the first in the drawn order; /open n still means unit n of the list.
    await h.say(chair, GROUP, "/open");
    expect(h.model.lastMessage(GROUP)!.text).toContain(`🎤 ${placed(1, lines[0]!.n)}：${lines[0]!.name}`);
    await vote(h, zhang, scoresFor(80));
    await h.closeRound(chair, GROUP);
    // The console's "next" line and its ▶ follow the drawn order.
    expect(await consoleText(h)).toContain(`下一位：${placed(2, lines[1]!.n)} ${lines[1]!.name}`);
    const id = await h.store.consoles.get(contest.id, chair.id);
    await h.tap(chair, chair.id, id!, "▶ 下一位");
    expect(await h.store.contests.currentRound(contest.id)).toBe(lines[1]!.n - 1);
    await h.closeRound(chair, GROUP);
    const unit = lines[5]!.n;
    await h.say(chair, GROUP, `/open ${unit}`);
    expect(await h.store.contests.currentRound(contest.id)).toBe(unit - 1);
  });

  it("keeps the place of scored and open units; a second draw moves only the units still not scored", async () => {
    const h = await harness();
    await setUpMeeting(h);
    await h.say(chair, GROUP, `/presenters\n${SIX.join("\n")}`);
    const first = readMessage((await draw(h)).text!);
    // The first unit in the drawn order is scored, the second is being scored.
    await h.say(chair, GROUP, "/open");
    await vote(h, zhang, scoresFor(80));
    await h.closeRound(chair, GROUP);
    await h.say(chair, GROUP, "/open");
    const contest = await contestOf(h);
    expect(await h.store.contests.currentRound(contest.id)).toBe(first.lines[1]!.n - 1);

    const second = readMessage((await draw(h)).text!);
    expect(second.seed).not.toBe(first.seed);
    expect(second.lines.slice(0, 2)).toEqual(first.lines.slice(0, 2).map((l) => ({ ...l, kept: true })));
    const rest = first.lines.slice(2).map((l) => l.name);
    expect(second.lines.slice(2).map((l) => l.name)).toEqual(byRule(second.seed, rest));
    expect(second.lines.slice(2).every((l) => !l.kept)).toBe(true);
    const audit = (await h.store.audit.read(contest.id)).filter((e) => e.type === "order-drawn");
    expect(audit.map((e) => e.type === "order-drawn" && e.data.drawn.length)).toEqual([6, 4]);
  });

  it("lists the scores in presenting order where the scoreboard shows them unranked (reveal scores)", async () => {
    const h = await harness();
    await setUpMeeting(h);
    await h.say(chair, GROUP, `/presenters\n${SIX.join("\n")}`);
    await h.say(chair, GROUP, "/reveal scores");
    const { lines } = readMessage((await draw(h)).text!);
    for (const total of [60, 90, 75]) {
      await h.say(chair, GROUP, "/open");
      await vote(h, zhang, scoresFor(total));
      await vote(h, li, scoresFor(total));
      await vote(h, wang, scoresFor(total));
      await h.closeRound(chair, GROUP);
    }
    const screen = (await loadScreenState(h.store, (await contestOf(h)).id))!;
    expect(screen.groups.flatMap((g) => g.rows.map((r) => [r.name, r.rank, r.score]))).toEqual([
      [lines[0]!.name, null, "60.00"],
      [lines[1]!.name, null, "90.00"],
      [lines[2]!.name, null, "75.00"],
    ]);
  });

  it("the export lists the ballots and each judge's sheet in the drawn order, with the units' numbers", async () => {
    const h = await harness();
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/draw");
    const { lines } = readMessage(h.model.lastMessage(GROUP)!.text!);
    for (const total of [60, 90]) {
      await h.say(chair, GROUP, "/open");
      await vote(h, zhang, scoresFor(total));
      await h.closeRound(chair, GROUP);
    }
    await h.say(chair, GROUP, "/export");
    const files = h.model.messages(chair.id).filter((m) => m.document);
    const ballots = files.find((m) => m.document!.file_name!.includes("评分明细") && m.document!.file_name!.endsWith(".csv"))!;
    const rows = parseCsv(ballots.document!.bytes!.toString("utf8").slice(1)).slice(1);
    expect(rows.map((r) => [r[0], r[1]])).toEqual(lines.slice(0, 2).map((l) => [String(l.n), l.name]));
    const xlsx = readXlsx(files.find((m) => m.document!.file_name!.endsWith(".xlsx"))!.document!.bytes!, XLSX_LIMITS);
    if (!xlsx.ok) throw new Error(xlsx.error.code);
    const sheet = xlsx.sheets.find((s) => s.name === "张三")!;
    const named = sheet.rows.map((r) => Array.from(r.cells, (c) => c?.value)).filter((cells) => lines.some((l) => l.name === cells[1]));
    expect(named.map((cells) => [cells[0], cells[1]])).toEqual(lines.map((l) => [l.n, l.name]));
  });

  it("draws within each group (groups keep their places) and overall with /draw all", async () => {
    const h = await harness();
    await setUpMeeting(h);
    const units = [["甲镇", "镇街"], ["乙镇", "镇街"], ["丙镇", "镇街"], ["一局", "部门"], ["二局", "部门"], ["三局", "部门"]];
    await h.say(chair, GROUP, `/presenters\n${units.map(([n, g]) => `${n} | ${g}`).join("\n")}`);
    const message = await draw(h);
    expect(message.text).toContain("在每个分组内");
    expect(message.text).toContain("【镇街】");
    expect(message.text).toContain("【部门】");
    const grouped = readMessage(message.text!);
    expect(grouped.lines.slice(0, 3).map((l) => l.name)).toEqual(byRule(grouped.seed, ["甲镇", "乙镇", "丙镇"]));
    expect(grouped.lines.slice(3).map((l) => l.name)).toEqual(byRule(grouped.seed, ["一局", "二局", "三局"]));

    const all = readMessage((await draw(h, "/draw all")).text!);
    expect(all.lines.map((l) => l.name)).toEqual(byRule(all.seed, units.map(([n]) => n!)));
    const contest = await contestOf(h);
    const audit = (await h.store.audit.read(contest.id)).filter((e) => e.type === "order-drawn");
    expect(audit.map((e) => e.type === "order-drawn" && e.data.scope)).toEqual(["group", "all"]);
  });

  it("refuses other members quietly, explains bad input, and says when there is nothing to draw", async () => {
    const h = await harness();
    await setUpMeeting(h);
    h.model.startUser(outsider);
    expect(await refusedQuietly(h, outsider, "/draw")).toContain("/draw 只有「季度述职评议」的主持人可以使用");
    expect(await refusedQuietly(h, outsider, "/draw all")).toBeDefined();
    const contest = await contestOf(h);
    expect((await h.store.draws.read(contest.id)).stored).toBe("");
    expect((await h.store.audit.read(contest.id)).some((e) => e.type === "order-drawn")).toBe(false);

    await h.say(chair, GROUP, "/draw foo");
    expect(h.model.lastMessage(GROUP)!.text).toContain("用法：/draw");
    expect((await h.store.draws.read(contest.id)).stored).toBe("");

    // Every unit but one scored or open: nothing left to draw.
    for (const _ of [0, 1]) {
      await h.say(chair, GROUP, "/open");
      await vote(h, zhang, scoresFor(70));
      await h.closeRound(chair, GROUP);
    }
    await h.say(chair, GROUP, "/draw");
    expect(h.model.lastMessage(GROUP)!.text).toContain("没有可抽签的单位");
  });

  it("speaks the group's language", async () => {
    const h = await harness();
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/lang en");
    const text = (await draw(h, "/draw all")).text!;
    expect(text).toContain('"季度述职评议": presenting order drawn');
    const seed = /Seed: ([0-9a-f]+)/.exec(text)![1]!;
    const names = [...text.matchAll(/^\d+\. (.+) \(#\d+\)$/gm)].map((m) => m[1]!);
    expect(names).toEqual(byRule(seed, ["区交通运输局", "区教育局", "区卫健局"]));
    await h.say(chair, GROUP, "/draw what");
    expect(h.model.lastMessage(GROUP)!.text).toContain("Usage: /draw");
  });
});

// Two replicas on one Redis: one holds a Lua step of its own on the wire (a gate on its Redis
// connection, the way console-race.test.ts gates Telegram) while the other acts, so the race is
// certain, not a matter of luck.
describe("/draw racing /open (two replicas)", () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  type Held = { seen: Promise<void>; release: () => void; reply: Promise<unknown> };
  /** A replica whose Redis commands running `script` are held once, when armed. */
  const gatedReplica = async (h: Harness, script: string) => {
    const client = new Redis(testRedisUrl(), { lazyConnect: false });
    cleanups.push(() => client.quit());
    const shaOf = createHash("sha1").update(readScript(script)).digest("hex");
    let armed: ((held: Held) => void) | undefined;
    const send = client.sendCommand.bind(client);
    client.sendCommand = ((command: { name: string; args: unknown[]; promise: Promise<unknown> }, stream?: unknown) => {
      const ours = (command.name === "evalsha" && command.args[0] === shaOf) || (command.name === "eval" && command.args[0] === readScript(script));
      if (!armed || !ours) return send(command as never, stream as never);
      const tell = armed;
      armed = undefined;
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      void released.then(() => send(command as never, stream as never));
      tell({ seen: Promise.resolve(), release, reply: command.promise });
      return command.promise;
    }) as typeof client.sendCommand;
    const store = createStore(client, h.redis.prefix);
    const replica = createBot({
      token: h.model.token,
      config: { DEFAULT_LOCALE: "zh-CN", COUNTER_EDIT_INTERVAL_S: 0, TELEGRAM_API_ROOT: "http://127.0.0.1:1" },
      store,
      logger: pino({ level: "silent" }),
      botInfo: h.model.botInfo,
      transformers: [captureTransformer(h.model)],
      sendIntervalMs: 0,
      timerPollMs: 0,
    });
    cleanups.push(() => replica.stop());
    /** The chair's `text`, handled by this replica; resolves once its script is held. */
    const handleHeld = async (text: string) => {
      const held = new Promise<Held>((resolve) => (armed = resolve));
      h.model.send(chair, GROUP, text);
      const updates = h.model.takeUpdates();
      expect(updates).toHaveLength(1);
      const handled = replica.bot.handleUpdate(updates[0]!);
      return { held: await held, handled };
    };
    return { handleHeld };
  };

  // A known draw (SIX in the order 3, 6, 4, 5, 1, 2), so that the first drawn is never unit 1.
  const harness = async () => {
    const h = await createHarness({ bot: { drawSeed: () => MOVED_SEED } });
    cleanups.push(() => h.close());
    await setUpMeeting(h);
    await h.say(chair, GROUP, `/presenters\n${SIX.join("\n")}`);
    return h;
  };

  it("an /open that lands between the draw's reading and its writing keeps its place: the draw is refused", async () => {
    const h = await harness();
    const contest = await contestOf(h);
    const a = await gatedReplica(h, "draw-order.lua");
    const { held, handled } = await a.handleHeld("/draw");
    // The draw has read the state and drawn; its write waits on the wire. Meanwhile /open:
    await h.say(chair, GROUP, "/open");
    expect(await h.store.contests.currentRound(contest.id)).toBe(0);
    held.release();
    expect(await held.reply).toEqual(["ALREADY_OPEN", "0"]);
    await handled;
    expect(h.model.lastMessage(GROUP)!.text).toBe("⚠️ 抽签时「区交通运输局」刚开始评分，顺序未改变。请再发送一次 /draw。");
    expect((await h.store.draws.read(contest.id)).stored).toBe("");
    expect((await h.store.audit.read(contest.id)).some((e) => e.type === "order-drawn")).toBe(false);
    // A draw now keeps the open unit first and draws the other five.
    await h.say(chair, GROUP, "/draw");
    const { lines, seed } = readMessage(h.model.lastMessage(GROUP)!.text!);
    expect(lines[0]).toEqual({ pos: 1, name: "区交通运输局", n: 1, kept: true });
    expect(lines.slice(1).map((l) => l.name)).toEqual(byRule(seed, SIX.slice(1)));
  });

  it("an /open that chose the next presenter before a draw landed opens the drawn next instead", async () => {
    const h = await harness();
    const contest = await contestOf(h);
    const a = await gatedReplica(h, "open-round.lua");
    const { held, handled } = await a.handleHeld("/open");
    // /open has chosen unit 1 (the list's first) and waits on the wire; the draw lands meanwhile.
    await h.say(chair, GROUP, "/draw");
    const { lines } = readMessage(h.model.lastMessage(GROUP)!.text!);
    expect(lines.map((l) => l.n)).toEqual(MOVED_ORDER);
    held.release();
    expect(await held.reply).toEqual(["STALE"]);
    await handled;
    // It chose again, by the drawn order; the draw stands.
    expect(await h.store.contests.currentRound(contest.id)).toBe(lines[0]!.n - 1);
    expect(h.model.lastMessage(GROUP)!.text).toContain(`🎤 ${placed(1, lines[0]!.n)}：${lines[0]!.name}`);
    const stored = (await h.store.draws.read(contest.id)).record!;
    expect(stored.order).toEqual(lines.map((l) => l.n - 1));
    const opened = (await h.store.audit.read(contest.id)).filter((e) => e.type === "round-opened");
    expect(opened.map((e) => e.type === "round-opened" && e.data.presenter)).toEqual([lines[0]!.n - 1]);
  });
});

// Where the meeting sees a place ("第 n/N 位"), it is the place in the presenting order; after a
// draw that moved the unit, with its setup number (what /open n means) beside it.
describe("places after /draw", () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const harness = async (seed: string) => {
    const h = await createHarness({ bot: { drawSeed: () => seed } });
    cleanups.push(() => h.close());
    await setUpMeeting(h);
    await h.say(chair, GROUP, `/presenters\n${SIX.join("\n")}`);
    return h;
  };
  const consoleText = async (h: Harness) => {
    const id = await h.store.consoles.get((await contestOf(h)).id, chair.id);
    return h.model.message(chair.id, id!)!.text!;
  };

  it("shows the drawn place and the unit's number in the announcement, its closed heading, the console, the ballot and the scoreboard", async () => {
    const h = await harness(MOVED_SEED);
    await h.say(chair, GROUP, "/draw");
    expect(readMessage(h.model.lastMessage(GROUP)!.text!).lines.map((l) => l.n)).toEqual(MOVED_ORDER);
    const contest = await contestOf(h);
    expect((await loadScreenState(h.store, contest.id))!.next).toEqual({ n: 3, place: 1, name: "区卫健局", group: null });

    await h.say(chair, GROUP, "/open");
    const announcement = h.model.lastMessage(GROUP)!;
    expect(announcement.text).toBe("🎤 第 1/6 位（3号）：区卫健局\n请评委在私聊中评分。\n\n📥 已提交：0/3");
    expect(await consoleText(h)).toContain("🎤 第 1/6 位（3号）：区卫健局\n");
    expect(h.model.lastMessage(zhang.id)!.text).toContain("📝 季度述职评议\n第 1/6 位（3号）：区卫健局\n");
    // A tap's screen (built from the contest the ballot script answers with) says the same.
    await h.tap(zhang, zhang.id, h.model.lastMessage(zhang.id)!, "30");
    expect(h.model.lastMessage(zhang.id)!.text).toContain("📝 季度述职评议\n第 1/6 位（3号）：区卫健局\n");
    expect((await loadScreenState(h.store, contest.id))!.current).toMatchObject({ n: 3, place: 1, name: "区卫健局" });
    await vote(h, li, scoresFor(80));
    await h.closeRound(chair, GROUP);
    expect(h.model.message(GROUP, announcement.messageId)!.text).toMatch(/^🎤 第 1\/6 位（3号）：区卫健局\n\n🔒 评分已结束/);
    expect(await consoleText(h)).toContain("⏸ 当前没有进行中的评分。下一位：第 2/6 位（6号） 区文旅局");
    const screen = (await loadScreenState(h.store, contest.id))!;
    expect(screen.revealCard).toMatchObject({ n: 3, place: 1, name: "区卫健局" });
    expect(screen.next).toEqual({ n: 6, place: 2, name: "区文旅局", group: null });

    // /open n still means unit n of the setup list: unit 4 presents third.
    await h.say(chair, GROUP, "/open 4");
    expect(await h.store.contests.currentRound(contest.id)).toBe(3);
    expect(h.model.lastMessage(GROUP)!.text).toContain("🎤 第 3/6 位（4号）：区财政局\n");
    expect(h.model.lastMessage(wang.id)!.text).toContain("第 3/6 位（4号）：区财政局");
    await h.closeRound(chair, GROUP);

    // In English, the same structure.
    await h.say(chair, GROUP, "/lang en");
    await h.say(chair, GROUP, "/open");
    expect(h.model.lastMessage(GROUP)!.text).toContain("🎤 Presenter 2/6 (unit #6): 区文旅局\n");
    expect(await consoleText(h)).toContain("🎤 Presenter 2/6 (unit #6): 区文旅局");
  });

  it("leaves the texts as they were without a draw, and after a draw that kept the setup order", async () => {
    for (const seed of [undefined, SAME_SEED]) {
      const h = await harness(seed ?? MOVED_SEED);
      if (seed) {
        await h.say(chair, GROUP, "/draw");
        expect(readMessage(h.model.lastMessage(GROUP)!.text!).lines.map((l) => l.n)).toEqual([1, 2, 3, 4, 5, 6]);
      }
      const contest = await contestOf(h);
      await h.say(chair, GROUP, "/open");
      const announcement = h.model.lastMessage(GROUP)!;
      expect(announcement.text).toBe("🎤 第 1/6 位：区交通运输局\n请评委在私聊中评分。\n\n📥 已提交：0/3");
      expect(await consoleText(h)).toContain("🎤 第 1/6 位：区交通运输局\n");
      expect(h.model.lastMessage(zhang.id)!.text).toContain("📝 季度述职评议\n第 1/6 位：区交通运输局\n");
      expect((await loadScreenState(h.store, contest.id))!.current).toEqual({ n: 1, name: "区交通运输局", group: null, submitted: 0, judges: 3 });
      await vote(h, zhang, scoresFor(80));
      await h.closeRound(chair, GROUP);
      expect(h.model.message(GROUP, announcement.messageId)!.text).toMatch(/^🎤 第 1\/6 位：区交通运输局\n\n🔒/);
      expect(await consoleText(h)).toContain("下一位：第 2/6 位 区教育局");
    }
  });
});
