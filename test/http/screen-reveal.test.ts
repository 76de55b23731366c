// The scoreboard's reveal card (亮分) and its end (final view, link expiry), over real HTTP and
// real Redis with an injected clock: the card's numbers are the posted ranking's and /detail's,
// it names no judge, follows the release policy, survives a reload, comes again after a reopen,
// and a link stops working SCREEN_LINK_DAYS after its contest ended.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AddressInfo } from "node:net";
import { Hono } from "hono";
import { serve, type ServerType } from "@hono/node-server";
import { pino } from "pino";
import { createStore, type Store } from "../../src/store/store.js";
import { createScreenRoutes, type ScreenRoutes } from "../../src/http/screen.js";
import type { ScreenState } from "../../src/http/screen-state.js";
import type { Contest, RevealPolicy } from "../../src/domain/contest.js";
import { createI18n, type Translate } from "../../src/bot/i18n.js";
import { loadStandings } from "../../src/bot/standings.js";
import { rankingText } from "../../src/bot/views/results.js";
import { detailText } from "../../src/bot/views/detail.js";
import { formulaText } from "../../src/bot/views/formula.js";
import { loadConfig } from "../../src/config.js";
import { contestKeys } from "../../src/store/keys.js";
import { testRedis, closeQuietly, type TestRedis } from "../support/redis.js";
import { judge, sampleContest } from "../store/fixtures.js";

const DAY = 86_400_000;
/** When round 1 closes, on the injected clock. */
const T0 = 1_800_000_000_000;

/**
 * Seven judges: four in 区领导, three in 两代表一委员. Telegram-sized ids, so that no timestamp in
 * the state can contain one by chance. They join in the order listed, which is also the order of
 * their totals from lowest to highest in each panel: a card in joining order would be ascending.
 */
const JUDGES = [
  { ...judge(7_311_000_401, "李明"), panel: 0, points: [21, 21, 14, 14] }, // 70
  { ...judge(7_311_000_402, "王芳"), panel: 0, points: [24, 24, 16, 16] }, // 80
  { ...judge(7_311_000_403, "张伟"), panel: 0, points: [26, 25, 17, 17] }, // 85
  { ...judge(7_311_000_404, "刘洋"), panel: 0, points: [27, 27, 18, 18] }, // 90
  { ...judge(7_311_000_405, "陈静"), panel: 1, points: [18, 18, 12, 12] }, // 60
  { ...judge(7_311_000_406, "杨磊"), panel: 1, points: [23, 22, 15, 15] }, // 75
  { ...judge(7_311_000_407, "赵敏"), panel: 1, points: [29, 28, 19, 19] }, // 95
].map((j, i) => ({ ...j, joinedAt: 1_700_000_000_000 + i, telegramName: `tg_user_${j.userId}` }));

/** The sample contest's rules: panels 70/30, trimmed mean dropping one at each end, live 60% + prior 40%. */
const meeting = (id: string, reveal: RevealPolicy = "live"): Contest => {
  // One chat per contest: a chat has one contest in progress at a time.
  const base = sampleContest(id, -1_000_000 - Number.parseInt(id.slice(-4), 16));
  return {
    ...base,
    setup: {
      ...base.setup,
      title: "坡头区雄鹰擂台赛",
      criteria: [
        { name: "实施性", max: 30, step: 1 },
        { name: "创新性", max: 30, step: 1 },
        { name: "持续性", max: 20, step: 1 },
        { name: "推广性", max: 20, step: 1 },
      ],
      presenters: [
        { name: "坡头镇", group: "乡镇组", prior: 88 },
        { name: "麻斜街道", group: "乡镇组", prior: 92 },
        { name: "区发展和改革局", group: "部门组", prior: 90 },
      ],
      panels: [
        { name: "区领导", weight: 70 },
        { name: "两代表一委员", weight: 30 },
      ],
      aggregate: { method: "trimmed", trim: 1 },
      blend: { live: 60, prior: 40 },
      prizes: [
        { name: "一等奖", count: 1 },
        { name: "二等奖", count: 1 },
      ],
      bands: [
        { name: "红", min: 90 },
        { name: "黄", min: 75 },
      ],
      reveal,
    },
  };
};

const i18n = createI18n("zh-CN");
const zh: Translate = (key, vars) => i18n.t("zh-CN", key, vars);

describe("scoreboard reveal card and final view (real HTTP, real Redis, injected clock)", () => {
  let r: TestRedis;
  let store: Store;
  let routes: ScreenRoutes;
  let server: ServerType;
  let base: string;
  let clock = T0;

  const serveWith = async (options: { revealSeconds?: number; linkDays?: number } = {}) => {
    routes = createScreenRoutes({ store, logger: pino({ level: "silent" }), heartbeatMs: 100, now: () => clock, ...options });
    const app = new Hono();
    app.route("/screen", routes.app);
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/screen`;
  };

  beforeEach(async () => {
    clock = T0;
    r = testRedis();
    store = createStore(r.redis, r.prefix);
    await serveWith();
  });

  afterEach(async () => {
    await routes.close();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      if ("closeAllConnections" in server) server.closeAllConnections();
    });
    await r.cleanup();
  });

  const start = async (id: string, reveal: RevealPolicy = "live") => {
    const contest = meeting(id, reveal);
    expect((await store.contests.create(contest)).ok).toBe(true);
    for (const { points: _points, ...j } of JUDGES) await store.judges.enrol(id, j);
    return { contest, token: await store.screens.ensure(id) };
  };

  /** Every judge scores presenter `p` (their points shifted by `shift`), and the round closes at `at`. */
  const scoreRound = async (contest: Contest, p: number, at: number, shift = 0) => {
    expect((await store.rounds.open(contest.id, p)).code).toBe("OK");
    for (const j of JUDGES) {
      const scores = j.points.map((v) => Math.max(0, v + shift));
      expect((await store.ballots.submit(contest.id, p, j.userId, at - 1000, false, 0, scores)).code).toBe("OK");
    }
    expect(await store.rounds.close(contest.id, p, { by: 1, at })).toBe(true);
  };

  const fetchState = async (token: string): Promise<ScreenState> => {
    const response = await fetch(`${base}/${token}/state.json`);
    expect(response.status).toBe(200);
    return (await response.json()) as ScreenState;
  };

  it("reveals the closed unit with the very numbers of the posted ranking and /detail, best first, the trimmed ones struck", async () => {
    const { contest, token } = await start("rvl0000001");
    await scoreRound(contest, 0, T0);
    clock = T0 + 3000;
    const state = await fetchState(token);
    const card = state.revealCard!;
    expect(card).toMatchObject({ ageMs: 3000, durationMs: 12_000, n: 1, name: "坡头镇", group: "乡镇组", ballots: 7, kind: "detail" });
    // Worked by hand: 区领导 70 80 85 90 → (80 + 85) / 2 = 82.50; 两代表一委员 60 75 95 → 75.00;
    // live 0.7 × 82.50 + 0.3 × 75 = 80.25; final 0.6 × 80.25 + 0.4 × 88 = 83.35.
    expect(card.panels).toEqual([
      {
        name: "区领导",
        percent: 70,
        score: "82.50",
        marks: [
          { total: "90.00", dropped: true },
          { total: "85.00", dropped: false },
          { total: "80.00", dropped: false },
          { total: "70.00", dropped: true },
        ],
      },
      {
        name: "两代表一委员",
        percent: 30,
        score: "75.00",
        marks: [
          { total: "95.00", dropped: true },
          { total: "75.00", dropped: false },
          { total: "60.00", dropped: true },
        ],
      },
    ]);
    expect(card.blend).toEqual({ live: "80.25", livePercent: 60, prior: "88", priorPercent: 40 });
    expect(card).toMatchObject({ final: "83.35", rank: 1, trim: 1, median: false });

    // The same numbers as the group is told: the ranking message and /detail 1.
    const fresh = (await store.contests.get(contest.id))!;
    const loaded = await loadStandings(store, fresh);
    const ranking = rankingText(zh, { contest: fresh, standings: loaded.standings, justClosed: 0 });
    expect(ranking).toContain(`1. 坡头镇 — ${card.final}（7 份）`);
    const detail = detailText(zh, { contest: fresh, result: loaded.results[0]!, ballots: 7, comments: [] });
    for (const panel of card.panels!) expect(detail).toContain(`${panel.name}：${panel.score}`);
    expect(detail).toContain(`现场得分：${card.blend!.live}`);
    expect(detail).toContain(`平时成绩：${card.blend!.prior}`);
    expect(detail).toContain(`最终得分：${card.final}`);
    expect(state.groups[0]?.rows[0]).toMatchObject({ n: 1, score: card.final, rank: card.rank });
  });

  it("never lets a judge's name, username or id into the state or the page", async () => {
    const { contest, token } = await start("rvl0000002");
    await scoreRound(contest, 0, T0);
    clock = T0 + 1000;
    const json = await (await fetch(`${base}/${token}/state.json`)).text();
    const html = await (await fetch(`${base}/${token}`)).text();
    expect(json).toContain('"revealCard"');
    expect(html).toContain('"revealCard"');
    for (const j of JUDGES) {
      for (const text of [json, html]) {
        expect(text).not.toContain(j.name);
        expect(text).not.toContain(j.telegramName);
        expect(text).not.toContain(String(j.userId));
      }
    }
    // Nothing but the totals, the panels and the maths: no field that could carry a judge.
    expect(Object.keys(JSON.parse(json).revealCard.panels[0].marks[0]).sort()).toEqual(["dropped", "total"]);
  });

  it("is there for the whole window (a reload resumes it), then gives way to the standings", async () => {
    const { contest, token } = await start("rvl0000003");
    await scoreRound(contest, 0, T0);
    clock = T0 + 11_999;
    expect((await fetchState(token)).revealCard?.ageMs).toBe(11_999);
    // A reloaded page gets the card in its first state.
    const html = await (await fetch(`${base}/${token}`)).text();
    expect(html).toContain('"ageMs":11999');
    clock = T0 + 12_000;
    const after = await fetchState(token);
    expect(after.revealCard).toBeUndefined();
    expect(after.groups[0]?.rows[0]).toMatchObject({ n: 1, score: "83.35" });
  });

  it("reveals a reopened round again when it closes again, and nothing while it is open", async () => {
    const { contest, token } = await start("rvl0000004");
    await scoreRound(contest, 0, T0);
    clock = T0 + 2000;
    expect((await fetchState(token)).revealCard?.final).toBe("83.35");
    expect((await store.rounds.open(contest.id, 0, true)).code).toBe("OK");
    expect((await fetchState(token)).revealCard).toBeUndefined();
    // 刘洋 (90) lowers his marks to 76: 区领导 70 76 80 85 → (76 + 80) / 2 = 78.00.
    expect((await store.ballots.submit(contest.id, 0, JUDGES[3]!.userId, clock, false, 0, [23, 23, 15, 15])).code).toBe("OK");
    clock = T0 + 60_000;
    expect(await store.rounds.close(contest.id, 0, { by: 1, at: clock })).toBe(true);
    clock += 500;
    const again = (await fetchState(token)).revealCard!;
    expect(again.ageMs).toBe(500);
    expect(again.panels?.[0]).toMatchObject({ score: "78.00", marks: [{ total: "85.00", dropped: true }, { total: "80.00" }, { total: "76.00" }, { total: "70.00", dropped: true }] });
    const fresh = (await store.contests.get(contest.id))!;
    const ranking = rankingText(zh, { contest: fresh, standings: (await loadStandings(store, fresh)).standings });
    expect(ranking).toContain(`1. 坡头镇 — ${again.final}（7 份）`);
  });

  it("shows under `scores` the unit's score alone, and under `end` and `chair` a sealed card without it", async () => {
    const scores = await start("rvl0000005", "scores");
    await scoreRound(scores.contest, 0, T0);
    clock = T0 + 1000;
    const scored = (await fetchState(scores.token)).revealCard!;
    expect(scored).toEqual({
      ageMs: 1000,
      durationMs: 12_000,
      n: 1,
      name: "坡头镇",
      group: "乡镇组",
      ballots: 7,
      kind: "score",
      final: "83.35",
      rank: null,
      heldUntil: "finish",
    });
    for (const policy of ["end", "chair"] as const) {
      const { contest, token } = await start(`rvl000000${policy === "end" ? 6 : 7}`, policy);
      await scoreRound(contest, 0, T0);
      const state = await fetchState(token);
      expect(state.revealCard).toEqual({
        ageMs: 1000,
        durationMs: 12_000,
        n: 1,
        name: "坡头镇",
        group: "乡镇组",
        ballots: 7,
        kind: "sealed",
        final: null,
        rank: null,
        heldUntil: policy === "end" ? "finish" : "chair",
      });
      expect(JSON.stringify(state)).not.toContain("83.35");
    }
  });

  it("reveals the round that /finish closes, then shows the final standings with prizes, bands and the formula line", async () => {
    const { contest, token } = await start("rvl0000008");
    await scoreRound(contest, 0, T0);
    await scoreRound(contest, 1, T0 + 60_000, 1);
    expect((await store.rounds.open(contest.id, 2)).code).toBe("OK");
    for (const j of JUDGES) await store.ballots.submit(contest.id, 2, j.userId, T0, false, 0, j.points.map((v) => Math.max(0, v - 3)));
    const finishAt = T0 + 120_000;
    const running = (await store.contests.get(contest.id))!;
    expect((await store.contests.end(running, "finished", { by: 1, at: finishAt })).closedRound).toBe(2);
    clock = finishAt + 4000;
    const state = await fetchState(token);
    expect(state.status).toBe("finished");
    expect(state.revealCard).toMatchObject({ n: 3, name: "区发展和改革局", kind: "detail", ageMs: 4000 });
    const finished = (await store.contests.get(contest.id))!;
    expect(state.finale).toEqual({ formula: formulaText(zh, finished.setup) });
    expect(state.finale?.formula).toBe(
      "计分方法：去掉1个最高分和1个最低分后取平均，区领导70% + 两代表一委员30%，现场60% + 平时40%，结果实时公布",
    );
    const ranking = rankingText(zh, { contest: finished, standings: (await loadStandings(store, finished)).standings, final: true });
    for (const row of state.groups.flatMap((g) => g.rows)) {
      expect(ranking).toContain(`${row.rank}. ${row.name} — ${row.score}（7 份）${row.prize || row.band ? ` · ${[row.prize, row.band].filter(Boolean).join(" · ")}` : ""}`);
    }
    expect(state.groups.flatMap((g) => g.rows).map((row) => [row.name, row.prize, row.band])).toEqual([
      ["麻斜街道", "一等奖", "黄"],
      ["坡头镇", "二等奖", "黄"],
      ["区发展和改革局", "一等奖", "黄"],
    ]);
    // The page carries the line too, in the contest's language.
    expect(await (await fetch(`${base}/${token}`)).text()).toContain("计分方法：去掉1个最高分和1个最低分后取平均");
    clock = finishAt + 12_000;
    expect((await fetchState(token)).revealCard).toBeUndefined();
  });

  it("keeps a link working until SCREEN_LINK_DAYS after the end, then answers 404 and tells an open stream it is gone", async () => {
    const { contest, token } = await start("rvl0000009");
    await scoreRound(contest, 0, T0);
    const endedAt = T0 + 3_600_000;
    await store.contests.end((await store.contests.get(contest.id))!, "finished", { by: 1, at: endedAt });
    expect(await store.moments.endedAt(contest.id)).toBe(endedAt);
    clock = endedAt + 7 * DAY - 1;
    for (const path of [token, `${token}/state.json`]) expect((await fetch(`${base}/${path}`)).status).toBe(200);
    const stream = await fetch(`${base}/${token}/events`);
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    let seen = "";
    const readUntil = async (text: string) => {
      const decoder = new TextDecoder();
      while (!seen.includes(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        seen += decoder.decode(value, { stream: true });
      }
      return seen.includes(text);
    };
    expect(await readUntil("event: ping")).toBe(true);
    clock = endedAt + 7 * DAY;
    // The next keep-alive (every 100 ms here) finds the link expired, and says so.
    expect(await readUntil('event: gone\ndata: {"reason":"expired"}')).toBe(true);
    await reader.cancel().catch(() => undefined);
    for (const path of [token, `${token}/state.json`, `${token}/events`]) expect((await fetch(`${base}/${path}`)).status).toBe(404);
    expect(await (await fetch(`${base}/${token}/state.json`)).json()).toEqual({ error: "expired" });
    const page = await (await fetch(`${base}/${token}`)).text();
    expect(page).toContain("此大屏链接已过期");
    expect(page).toContain("This scoreboard link has expired");
    // A revoked link is not called expired.
    await store.screens.revoke(contest.id);
    expect(await (await fetch(`${base}/${token}/state.json`)).json()).toEqual({ error: "not_found" });
    expect(await (await fetch(`${base}/${token}`)).text()).toContain("此大屏链接不存在或已被撤销");
  });

  it("counts the days from a cancellation too, as configured, and from the audit log for a contest ended before ended-at was kept", async () => {
    await routes.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await serveWith({ linkDays: 2 });
    const { contest, token } = await start("rvl0000010");
    const cancelledAt = T0 + 5000;
    await store.contests.end(contest, "cancelled", { by: 1, at: cancelledAt });
    // As a contest ended by an older version: no "ended-at" field, only its audit entry.
    await r.redis.hdel(contestKeys(r.prefix, contest.id).meta, "ended-at");
    expect(await store.moments.endedAt(contest.id)).toBe(cancelledAt);
    clock = cancelledAt + 2 * DAY - 1;
    expect((await fetch(`${base}/${token}/state.json`)).status).toBe(200);
    clock = cancelledAt + 2 * DAY;
    expect((await fetch(`${base}/${token}/state.json`)).status).toBe(404);
    // A contest still running never expires.
    const running = await start("rvl0000011");
    clock = T0 + 365 * DAY;
    expect((await fetch(`${base}/${running.token}/state.json`)).status).toBe(200);
    expect(await store.moments.endedAt(running.contest.id)).toBeUndefined();
  });

  it("shows no card with SCREEN_REVEAL_S=0, and reads both settings with their defaults", async () => {
    await routes.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await serveWith({ revealSeconds: 0 });
    const { contest, token } = await start("rvl0000012");
    await scoreRound(contest, 0, T0);
    expect((await fetchState(token)).revealCard).toBeUndefined();
    const TOKEN = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    expect(loadConfig({ BOT_TOKEN: TOKEN })).toMatchObject({ SCREEN_REVEAL_S: 12, SCREEN_LINK_DAYS: 7 });
    expect(loadConfig({ BOT_TOKEN: TOKEN, SCREEN_REVEAL_S: "30", SCREEN_LINK_DAYS: "30" })).toMatchObject({ SCREEN_REVEAL_S: 30, SCREEN_LINK_DAYS: 30 });
    expect(() => loadConfig({ BOT_TOKEN: TOKEN, SCREEN_REVEAL_S: "-1" })).toThrow(/SCREEN_REVEAL_S/);
    expect(() => loadConfig({ BOT_TOKEN: TOKEN, SCREEN_LINK_DAYS: "0" })).toThrow(/SCREEN_LINK_DAYS/);
  });
});
