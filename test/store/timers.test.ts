import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStore, type Store } from "../../src/store/store.js";
import { parseTimerMember, timerMember } from "../../src/store/timers.js";
import { testRedis, type TestRedis } from "../support/redis.js";
import { sampleContest } from "./fixtures.js";

describe("round timers (real Redis)", () => {
  let r: TestRedis;
  let store: Store;
  const contest = sampleContest("tim123def0");

  beforeEach(async () => {
    r = testRedis();
    store = createStore(r.redis, r.prefix);
    await store.contests.create(contest);
  });
  afterEach(() => r.cleanup());

  it("packs a timer into a member and back, refusing anything else", () => {
    const timer = { contestId: contest.id, presenter: 2, kind: "close" as const, deadline: 1_700_000_300_000 };
    expect(parseTimerMember(timerMember(timer))).toEqual(timer);
    for (const bad of ["", "x|1|close|5", `${contest.id}|1|boom|5`, `${contest.id}|-1|close|5`]) expect(parseTimerMember(bad)).toBeUndefined();
  });

  it("makes the warning and the close due at their times, oldest first", async () => {
    await store.timers.schedule(contest.id, 0, 10_000, 4_000);
    expect(await store.timers.due(3_999)).toEqual([]);
    expect((await store.timers.due(4_000)).map((t) => t.kind)).toEqual(["warn"]);
    expect((await store.timers.due(10_000)).map((t) => t.kind)).toEqual(["warn", "close"]);
    expect(await store.timers.deadline(contest.id, 0)).toBe(10_000);
  });

  it("drops a round's timers when it is cancelled, and treats a replaced deadline as stale", async () => {
    await store.timers.schedule(contest.id, 0, 10_000, 4_000);
    const [warn] = await store.timers.due(4_000);
    expect(await store.timers.isCurrent(warn!)).toBe(true);
    await store.timers.schedule(contest.id, 0, 20_000);
    expect(await store.timers.isCurrent(warn!)).toBe(false);
    expect((await store.timers.due(30_000)).map((t) => [t.kind, t.deadline])).toEqual([["close", 20_000]]);
    await store.timers.cancel(contest.id, 0);
    expect(await store.timers.due(30_000)).toEqual([]);
    expect(await store.timers.deadline(contest.id, 0)).toBeUndefined();
  });
});
