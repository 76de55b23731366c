import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStore, type Store } from "../../src/store/store.js";
import { contestKeys } from "../../src/store/keys.js";
import { testRedis, type TestRedis } from "../support/redis.js";
import { judge, sampleContest } from "./fixtures.js";

describe("contest storage (real Redis)", () => {
  let r: TestRedis;
  let store: Store;
  beforeEach(() => {
    r = testRedis();
    store = createStore(r.redis, r.prefix);
  });
  afterEach(() => r.cleanup());

  it("allows one active contest per chat and frees the chat when it ends", async () => {
    const first = sampleContest("aaaaaa0001");
    expect((await store.contests.create(first)).ok).toBe(true);
    const second = await store.contests.create(sampleContest("aaaaaa0002"));
    expect(second).toMatchObject({ ok: false, existing: { id: "aaaaaa0001" } });
    await store.contests.end(first, "finished");
    expect(await store.contests.activeForChat(first.chatId)).toBeUndefined();
    expect((await store.contests.create(sampleContest("aaaaaa0003"))).ok).toBe(true);
    expect((await store.contests.get("aaaaaa0001"))?.status).toBe("finished");
  });

  it("keeps every key of a contest under its hash tag and the prefix", async () => {
    const contest = sampleContest("bbbbbb0001");
    await store.contests.create(contest);
    await store.judges.enrol(contest.id, judge(5));
    await store.rounds.open(contest.id, 0);
    await store.ballots.tap(contest.id, 0, 5, 0, 3);
    const keys = await r.redis.keys(`${r.prefix}:c:*`);
    expect(keys.length).toBeGreaterThanOrEqual(4);
    for (const key of keys) expect(key.startsWith(`${r.prefix}:c:{bbbbbb0001}:`)).toBe(true);
    expect(keys).toContain(contestKeys(r.prefix, contest.id).drafts(0));
  });

  it("opens one round at a time and refuses to reopen a closed round without /reopen", async () => {
    const contest = sampleContest("cccccc0001");
    await store.contests.create(contest);
    expect(await store.rounds.open(contest.id, 0)).toEqual({ code: "OK" });
    expect(await store.rounds.open(contest.id, 1)).toEqual({ code: "OTHER_OPEN", other: 0 });
    expect(await store.rounds.open(contest.id, 0)).toEqual({ code: "ALREADY_OPEN" });
    expect(await store.rounds.close(contest.id, 0)).toBe(true);
    expect(await store.rounds.close(contest.id, 0)).toBe(false);
    expect(await store.rounds.open(contest.id, 0)).toEqual({ code: "ALREADY_CLOSED" });
    expect(await store.rounds.open(contest.id, 0, true)).toEqual({ code: "OK" });
    expect(await store.contests.currentRound(contest.id)).toBe(0);
  });

  it("enrols a judge once, and refuses new judges when locked or ended", async () => {
    const contest = sampleContest("dddddd0001");
    await store.contests.create(contest);
    expect(await store.judges.enrol(contest.id, judge(1))).toEqual({ code: "OK", judges: 1 });
    expect(await store.judges.enrol(contest.id, judge(1))).toEqual({ code: "UPDATED", judges: 1 });
    await store.contests.save({ ...contest, locked: true });
    expect(await store.judges.enrol(contest.id, judge(2))).toEqual({ code: "LOCKED", judges: 1 });
    await store.contests.end(contest, "cancelled");
    expect((await store.judges.enrol(contest.id, judge(3))).code).toBe("CONTEST_ENDED");
  });
});
