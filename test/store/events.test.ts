// Every store function that changes what a scoreboard shows publishes a "contest changed" event.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { createStore, type Store } from "../../src/store/store.js";
import { eventsChannel } from "../../src/store/keys.js";
import { subscribeContestEvents, type ContestEvent, type ContestEventSubscription } from "../../src/store/events.js";
import { testRedis, type TestRedis } from "../support/redis.js";
import { judge, sampleContest } from "./fixtures.js";

describe("contest change events (real Redis pub/sub)", () => {
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

  /** Resolves once `count` events have arrived (pub/sub delivery is asynchronous). */
  const events = (count: number) =>
    new Promise<ContestEvent[]>((resolve) => {
      const check = () => (seen.length >= count ? resolve(seen.slice(0, count)) : undefined);
      waiters.push(check);
      check();
    });

  it("publishes on join, setup, open, submit, close and end, and nothing for refused changes", async () => {
    const contest = sampleContest("eeeeee0001");
    await store.contests.create(contest);
    await store.judges.enrol(contest.id, judge(7));
    await store.contests.save({ ...contest, setup: { ...contest.setup, title: "改名" } });
    await store.rounds.open(contest.id, 0);
    await store.rounds.open(contest.id, 1); // refused: another round is open
    await store.ballots.tap(contest.id, 0, 7, 0, 20); // a draft is not news
    await store.ballots.tap(contest.id, 0, 7, 1, 5);
    await store.ballots.submit(contest.id, 0, 7, 1);
    await store.ballots.submit(contest.id, 0, 99, 1); // refused: not a judge
    await store.rounds.close(contest.id, 0);
    await store.rounds.close(contest.id, 0); // refused: not open
    await store.contests.end(contest, "finished");
    const kinds = (await events(6)).map((e) => [e.contestId, e.kind]);
    expect(kinds).toEqual([
      ["eeeeee0001", "judges"],
      ["eeeeee0001", "setup"],
      ["eeeeee0001", "round-opened"],
      ["eeeeee0001", "ballot"],
      ["eeeeee0001", "round-closed"],
      ["eeeeee0001", "ended"],
    ]);
    // A marker published last arrives after anything a refused change might have sent.
    await r.redis.publish(eventsChannel(r.prefix), JSON.stringify({ contestId: "marker", kind: "setup" }));
    expect((await events(7)).at(-1)?.contestId).toBe("marker");
  });

  it("ignores malformed messages on the channel", async () => {
    await r.redis.publish(eventsChannel(r.prefix), "not json");
    await r.redis.publish(eventsChannel(r.prefix), JSON.stringify({ contestId: "x", kind: "unknown" }));
    await r.redis.publish(eventsChannel(r.prefix), JSON.stringify({ contestId: "x", kind: "ballot" }));
    expect(await events(1)).toEqual([{ contestId: "x", kind: "ballot" }]);
  });
});
