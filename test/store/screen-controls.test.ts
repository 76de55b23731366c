// The scoreboard's controls in Redis: the speaking timer and the view, each change announced by a
// contest event (so every replica's pages refresh) and audited; a round's deadline is announced
// too, since the round itself was announced before its deadline was stored.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { createStore, type Store } from "../../src/store/store.js";
import { eventsChannel } from "../../src/store/keys.js";
import { subscribeContestEvents, type ContestEvent, type ContestEventSubscription } from "../../src/store/events.js";
import { testRedis, type TestRedis } from "../support/redis.js";
import { sampleContest } from "./fixtures.js";

describe("scoreboard controls (real Redis)", () => {
  let r: TestRedis;
  let store: Store;
  let subscription: ContestEventSubscription;
  let seen: ContestEvent[];
  let waiters: Array<() => void>;

  beforeEach(async () => {
    r = testRedis();
    store = createStore(r.redis, r.prefix);
    seen = [];
    waiters = [];
    subscription = await subscribeContestEvents(new Redis(r.url), r.prefix, (event) => {
      seen.push(event);
      for (const wake of waiters) wake();
    });
  });
  afterEach(async () => {
    await subscription.close();
    await r.cleanup();
  });

  /** Every event up to a marker published last (pub/sub delivers in order). */
  const eventsSoFar = async (): Promise<Array<[string, string]>> => {
    await r.redis.publish(eventsChannel(r.prefix), JSON.stringify({ contestId: "marker", kind: "setup" }));
    await new Promise<void>((resolve) => {
      const check = () => (seen.some((e) => e.contestId === "marker") ? resolve() : undefined);
      waiters.push(check);
      check();
    });
    const until = seen.findIndex((e) => e.contestId === "marker");
    const got = seen.slice(0, until).map((e): [string, string] => [e.contestId, e.kind]);
    seen = seen.slice(until + 1);
    return got;
  };

  it("keeps the speaking timer with a TTL, announces and audits starting and stopping it", async () => {
    const contest = sampleContest("ffffff0001");
    await store.contests.create(contest);
    const at = Date.now();
    await store.screenControls.startTimer(contest.id, { presenter: 1, startedAt: at, endsAt: at + 300_000 }, { by: 5, at });
    expect(await store.screenControls.timer(contest.id)).toEqual({ presenter: 1, startedAt: at, endsAt: at + 300_000 });
    const ttl = await r.redis.pttl(`${r.prefix}:c:{${contest.id}}:speaking-timer`);
    expect(ttl).toBeGreaterThan(300_000);
    expect(ttl).toBeLessThanOrEqual(300_000 + 3 * 60_000);
    expect(await store.screenControls.stopTimer(contest.id, { by: 5, at })).toBe(true);
    expect(await store.screenControls.stopTimer(contest.id, { by: 5, at })).toBe(false); // nothing to stop: no event
    expect(await store.screenControls.timer(contest.id)).toBeUndefined();
    expect(await eventsSoFar()).toEqual([
      [contest.id, "timer"],
      [contest.id, "timer"],
    ]);
    const audit = (await store.audit.read(contest.id)).filter((e) => e.type === "speaking-timer");
    expect(audit.map((e) => [e.by, e.data])).toEqual([
      [5, { action: "started", presenter: 1, seconds: 300 }],
      [5, { action: "stopped", presenter: 1, seconds: 0 }],
    ]);
  });

  it("switches the view once per change, announced and audited", async () => {
    const contest = sampleContest("ffffff0002");
    await store.contests.create(contest);
    expect(await store.screenControls.view(contest.id)).toBe("board");
    const actor = { by: 5, at: Date.now() };
    expect(await store.screenControls.setView(contest.id, "board", actor)).toBe(false);
    expect(await store.screenControls.setView(contest.id, "join", actor)).toBe(true);
    expect(await store.screenControls.setView(contest.id, "join", actor)).toBe(false);
    expect(await store.screenControls.view(contest.id)).toBe("join");
    expect(await store.screenControls.setView(contest.id, "board", actor)).toBe(true);
    expect(await eventsSoFar()).toEqual([
      [contest.id, "screen-view"],
      [contest.id, "screen-view"],
    ]);
    expect((await store.audit.read(contest.id)).filter((e) => e.type === "screen-view").map((e) => e.data)).toEqual([{ view: "join" }, { view: "board" }]);
  });

  it("announces a round's deadline once it is stored", async () => {
    const contest = sampleContest("ffffff0003");
    await store.contests.create(contest);
    await store.rounds.open(contest.id, 0);
    await store.timers.schedule(contest.id, 0, Date.now() + 60_000);
    expect(await eventsSoFar()).toEqual([
      [contest.id, "round-opened"],
      [contest.id, "timer"],
    ]);
  });
});
