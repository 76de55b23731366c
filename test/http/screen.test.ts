// The scoreboard routes over real HTTP and real Redis: page, state, event stream.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AddressInfo } from "node:net";
import { Hono } from "hono";
import { serve, type ServerType } from "@hono/node-server";
import { Redis } from "ioredis";
import { pino } from "pino";
import { createStore, type Store } from "../../src/store/store.js";
import { createScreenRoutes, type ScreenRoutes } from "../../src/http/screen.js";
import type { ScreenState } from "../../src/http/screen-state.js";
import type { Contest } from "../../src/domain/contest.js";
import { testRedis, closeQuietly, type TestRedis } from "../support/redis.js";
import { judge, sampleContest } from "../store/fixtures.js";
import { DRAW_METHOD, type DrawRecord } from "../../src/domain/draw.js";

// Ids long enough that no timestamp (serverNow) or nonce in the page can contain one by chance.
const JUDGES = [judge(77000501, "评委甲"), judge(77000502, "评委乙"), judge(77000503, "评委丙")];

/** A contest with two groups and prizes, three judges enrolled. */
const meetingContest = (id: string): Contest => {
  const base = sampleContest(id);
  return {
    ...base,
    setup: {
      ...base.setup,
      title: "坡头区 <雄鹰> 擂台赛",
      criteria: [
        { name: "实施性", max: 60, step: 1 },
        { name: "创新性", max: 40, step: 1 },
      ],
      presenters: [
        { name: "坡头镇", group: "乡镇组" },
        { name: "区交通运输局", group: "部门组" },
        { name: "麻斜街道", group: "乡镇组" },
      ],
      prizes: [
        { name: "一等奖", count: 1 },
        { name: "二等奖", count: 1 },
      ],
      bands: [{ name: "优秀", min: 80 }],
    },
  };
};

/** Reads server-sent events from a streaming fetch response. */
const eventReader = (response: Response) => {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const next = async (): Promise<{ event: string; data: string }> => {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name: string) =>
          block
            .split("\n")
            .filter((l) => l.startsWith(`${name}:`))
            .map((l) => l.slice(name.length + 1).trimStart())
            .join("\n");
        return { event: field("event") || "message", data: field("data") };
      }
      const { value, done } = await reader.read();
      if (done) throw new Error("event stream ended");
      buffer += decoder.decode(value, { stream: true });
    }
  };
  /** The next event named `name`, skipping others (pings, hello). */
  const nextOf = async (name: string) => {
    for (;;) {
      const e = await next();
      if (e.event === name) return e;
    }
  };
  const nextState = async (where: (s: ScreenState) => boolean = () => true): Promise<ScreenState> => {
    for (;;) {
      const state = JSON.parse((await nextOf("state")).data) as ScreenState;
      if (where(state)) return state;
    }
  };
  return { next, nextOf, nextState, cancel: () => reader.cancel().catch(() => undefined) };
};

describe("scoreboard routes (real HTTP, real Redis)", () => {
  let r: TestRedis;
  let store: Store;
  let routes: ScreenRoutes;
  let server: ServerType;
  let base: string;
  /** A second connection and store: the change is handled by "another replica". */
  let otherRedis: Redis;
  let other: Store;
  const readers: Array<{ cancel: () => Promise<unknown> }> = [];

  beforeEach(async () => {
    r = testRedis();
    store = createStore(r.redis, r.prefix);
    otherRedis = new Redis(r.url);
    other = createStore(otherRedis, r.prefix);
    // Frequent keep-alives, so that a test can see one.
    routes = createScreenRoutes({ store, logger: pino({ level: "silent" }), heartbeatMs: 100 });
    const app = new Hono();
    app.route("/screen", routes.app);
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/screen`;
  });

  afterEach(async () => {
    for (const reader of readers.splice(0)) await reader.cancel();
    await routes.close();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      if ("closeAllConnections" in server) server.closeAllConnections();
    });
    await closeQuietly(otherRedis);
    await r.cleanup();
  });

  const startContest = async (id: string) => {
    const contest = meetingContest(id);
    await store.contests.create(contest);
    for (const j of JUDGES) await store.judges.enrol(id, j);
    return { contest, token: await store.screens.ensure(id) };
  };

  /** Scores one ballot: points per criterion, then submit. */
  const vote = async (s: Store, contestId: string, presenter: number, judgeId: number, points: number[]) => {
    for (const [criterion, value] of points.entries()) await s.ballots.tap(contestId, presenter, judgeId, criterion, value);
    expect((await s.ballots.submit(contestId, presenter, judgeId, Date.now())).code).toBe("OK");
  };

  const state = async (token: string): Promise<ScreenState> => {
    const response = await fetch(`${base}/${token}/state.json`);
    expect(response.status).toBe(200);
    return (await response.json()) as ScreenState;
  };

  it("answers a wrong or revoked link with 404 on the page, the state and the stream", async () => {
    const { contest, token } = await startContest("aaaa000001");
    const wrong = "x".repeat(24);
    for (const path of [wrong, `${wrong}/state.json`, `${wrong}/events`, "..%2F..%2Fetc"]) {
      expect((await fetch(`${base}/${path}`)).status).toBe(404);
    }
    const page = await fetch(`${base}/${wrong}`);
    expect(await page.text()).toContain("此大屏链接不存在或已被撤销");
    expect((await fetch(`${base}/${token}`)).status).toBe(200);
    await store.screens.revoke(contest.id);
    for (const path of [token, `${token}/state.json`, `${token}/events`]) expect((await fetch(`${base}/${path}`)).status).toBe(404);
  });

  it("serves the page in the contest's language with the title escaped and a strict CSP", async () => {
    const { token } = await startContest("aaaa000002");
    const response = await fetch(`${base}/${token}`);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(response.headers.get("content-security-policy")).toContain("script-src 'nonce-");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await response.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("<title>坡头区 &lt;雄鹰&gt; 擂台赛</title>");
    expect(html).not.toContain("<雄鹰>");
    expect(html).toContain("正在评分");
  });

  it("shows the live counter but no scores while a round is open, and the standings once it closes", async () => {
    const { contest, token } = await startContest("aaaa000003");
    expect(await state(token)).toMatchObject({
      title: "坡头区 <雄鹰> 擂台赛",
      status: "draft",
      current: null,
      next: { n: 1, name: "坡头镇", group: "乡镇组" },
      groups: [],
    });
    await store.rounds.open(contest.id, 0);
    await vote(store, contest.id, 0, 77000501, [50, 35]);
    const open = await state(token);
    expect(open.current).toEqual({ n: 1, name: "坡头镇", group: "乡镇组", submitted: 1, judges: 3 });
    expect(open.groups).toEqual([]);
    await vote(store, contest.id, 0, 77000502, [40, 30]);
    await store.rounds.close(contest.id, 0);
    const closed = await state(token);
    expect(closed.current).toBeNull();
    expect(closed.next).toMatchObject({ n: 2, name: "区交通运输局" });
    expect(closed.groups).toEqual([{ name: "乡镇组", rows: [{ n: 1, name: "坡头镇", rank: 1, score: "77.50", ballots: 2 }] }]);
  });

  it("gives the drawn place beside the unit's number, and the page the texts that show both", async () => {
    const { contest, token } = await startContest("aaaa000020");
    const plain = await (await fetch(`${base}/${token}`)).text();
    expect(plain).toContain('"progress":"第 {n}/{total} 位"');
    expect(plain).toContain('"progressMoved":"第 {n}/{total} 位（{unit}号）"');
    expect(plain).toContain('"clockSpeaker":"第 {n} 位 · {name}"');
    expect(plain).toContain('"clockSpeakerMoved":"第 {n} 位（{unit}号） · {name}"');
    // Without a draw: no place in the state (the page shows the unit's number as before).
    expect((await state(token)).next).toEqual({ n: 1, name: "坡头镇", group: "乡镇组" });

    const read = await store.draws.read(contest.id);
    const names = contest.setup.presenters.map((p) => p.name);
    const record: DrawRecord = { seed: "0123456789abcdef", at: 1, scope: "all", method: DRAW_METHOD, order: [2, 0, 1], drawn: [0, 1, 2], names };
    expect((await store.draws.commit(contest.id, read, record, { by: 1, at: 1 })).code).toBe("OK");
    expect((await state(token)).next).toEqual({ n: 3, place: 1, name: "麻斜街道", group: "乡镇组" });
    await store.rounds.open(contest.id, 2);
    expect((await state(token)).current).toEqual({ n: 3, place: 1, name: "麻斜街道", group: "乡镇组", submitted: 0, judges: 3 });
    const now = Date.now();
    await store.screenControls.startTimer(contest.id, { presenter: 0, startedAt: now, endsAt: now + 60_000 }, { by: 1, at: now });
    expect((await state(token)).clocks?.speaking).toMatchObject({ n: 1, place: 2, name: "坡头镇" });
    // The next one, unit 1, presents second.
    expect((await state(token)).next).toEqual({ n: 1, place: 2, name: "坡头镇", group: "乡镇组" });
  });

  it("never lets a judge's name or id out", async () => {
    const { contest, token } = await startContest("aaaa000004");
    await store.rounds.open(contest.id, 0);
    await vote(store, contest.id, 0, 77000501, [50, 35]);
    await store.rounds.close(contest.id, 0);
    await store.rounds.open(contest.id, 1);
    await vote(store, contest.id, 1, 77000503, [45, 25]);
    const json = await (await fetch(`${base}/${token}/state.json`)).text();
    const html = await (await fetch(`${base}/${token}`)).text();
    for (const j of JUDGES) {
      for (const text of [json, html]) {
        expect(text).not.toContain(j.name);
        expect(text).not.toContain(String(j.userId));
      }
    }
  });

  it("announces prizes and bands only when the contest finishes", async () => {
    const { contest, token } = await startContest("aaaa000005");
    for (const [presenter, points] of [[0, [55, 35]], [1, [40, 30]], [2, [50, 30]]] as const) {
      await store.rounds.open(contest.id, presenter);
      for (const j of JUDGES) await vote(store, contest.id, presenter, j.userId, [...points]);
      await store.rounds.close(contest.id, presenter);
    }
    const running = await state(token);
    expect(running.groups.flatMap((g) => g.rows).some((row) => row.prize || row.band)).toBe(false);
    await store.contests.end({ ...contest, status: "running" }, "finished");
    const final = await state(token);
    expect(final.status).toBe("finished");
    expect(final.next).toBeNull();
    expect(final.groups).toEqual([
      {
        name: "乡镇组",
        rows: [
          { n: 1, name: "坡头镇", rank: 1, score: "90.00", ballots: 3, prize: "一等奖", prizeLevel: 0, band: "优秀" },
          { n: 3, name: "麻斜街道", rank: 2, score: "80.00", ballots: 3, prize: "二等奖", prizeLevel: 1, band: "优秀" },
        ],
      },
      { name: "部门组", rows: [{ n: 2, name: "区交通运输局", rank: 1, score: "70.00", ballots: 3, prize: "一等奖", prizeLevel: 0 }] },
    ]);
  });

  it("streams the full state on connect and after every change made through another connection", async () => {
    const { contest, token } = await startContest("aaaa000006");
    const response = await fetch(`${base}/${token}/events`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const events = eventReader(response);
    readers.push(events);
    expect((await events.nextState()).status).toBe("draft");
    await other.rounds.open(contest.id, 0);
    expect((await events.nextState((s) => s.current !== null)).current).toMatchObject({ n: 1, submitted: 0, judges: 3 });
    await vote(other, contest.id, 0, 77000502, [30, 30]);
    expect((await events.nextState((s) => s.current?.submitted === 1)).current?.judges).toBe(3);
    await other.rounds.close(contest.id, 0);
    const closed = await events.nextState((s) => s.groups.length > 0);
    expect(closed.groups[0]?.rows[0]).toMatchObject({ name: "坡头镇", score: "60.00", ballots: 1 });
    // Keep-alives let the page notice a connection that died silently.
    expect((await events.nextOf("ping")).data).toBe("{}");
  });

  it("starts again from the full state when a dropped stream reconnects", async () => {
    const { contest, token } = await startContest("aaaa000007");
    const first = eventReader(await fetch(`${base}/${token}/events`));
    await first.nextState();
    await first.cancel();
    // Changes while the screen is away…
    await other.rounds.open(contest.id, 0);
    await vote(other, contest.id, 0, 77000501, [30, 30]);
    await other.rounds.close(contest.id, 0);
    // …are all there in the first event after reconnecting.
    const again = eventReader(await fetch(`${base}/${token}/events`));
    readers.push(again);
    expect((await again.nextState()).groups[0]?.rows[0]).toMatchObject({ name: "坡头镇", score: "60.00" });
  });

  it("tells an open screen when its link is revoked, and keeps another contest's screen", async () => {
    const { contest, token } = await startContest("aaaa000008");
    const b = meetingContest("aaaa000009");
    await store.contests.create({ ...b, chatId: -2002 });
    const otherToken = await store.screens.ensure(b.id);
    const revoked = eventReader(await fetch(`${base}/${token}/events`));
    const kept = eventReader(await fetch(`${base}/${otherToken}/events`));
    readers.push(revoked, kept);
    await revoked.nextState();
    await kept.nextState();
    await other.screens.revoke(contest.id);
    expect((await revoked.nextOf("gone")).event).toBe("gone");
    await other.rounds.open(b.id, 0);
    expect((await kept.nextState((s) => s.current !== null)).current?.n).toBe(1);
  });
});
