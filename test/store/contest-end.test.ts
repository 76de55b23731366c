// Ending a contest (finished or cancelled) closes its open round in the same atomic step, and both
// ballot scripts refuse a contest that is not running, whatever its rounds say.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStore, type Store } from "../../src/store/store.js";
import { contestKeys } from "../../src/store/keys.js";
import { testRedis, type TestRedis } from "../support/redis.js";
import { judge, sampleContest } from "./fixtures.js";

describe("ending a contest with a round open (real Redis)", () => {
  let r: TestRedis;
  let store: Store;
  const contest = sampleContest("end0000001");
  const chair = { by: 1, at: 1_700_000_100_000 };

  beforeEach(async () => {
    r = testRedis();
    store = createStore(r.redis, r.prefix);
    await store.contests.create(contest);
    await store.judges.enrol(contest.id, judge(11));
    await store.rounds.open(contest.id, 0, false, chair);
    await store.ballots.tap(contest.id, 0, 11, 0, 20);
  });
  afterEach(() => r.cleanup());

  for (const status of ["cancelled", "finished"] as const) {
    it(`closes the open round when the contest is ${status}, with both events in the audit log`, async () => {
      const ended = await store.contests.end(contest, status, chair);
      expect(ended).toEqual({ closedRound: 0 });
      expect((await store.contests.rounds(contest.id)).get(0)).toBe("closed");
      expect(await store.contests.currentRound(contest.id)).toBeUndefined();
      expect((await store.contests.get(contest.id))?.status).toBe(status);
      const types = (await store.audit.read(contest.id)).map((e) => e.type).slice(-2);
      expect(types).toEqual(["round-closed", status === "cancelled" ? "contest-cancelled" : "contest-finished"]);
      expect((await store.ballots.tap(contest.id, 0, 11, 1, 5)).code).toBe("CONTEST_ENDED");
      expect((await store.ballots.submit(contest.id, 0, 11, 2)).code).toBe("CONTEST_ENDED");
    });
  }

  it("refuses taps and submits of a contest that is not running even while its round still reads open", async () => {
    // A contest ended by an older version of the bot (or by hand) left its round open.
    await r.redis.hset(contestKeys(r.prefix, contest.id).meta, "status", "cancelled");
    expect((await store.contests.rounds(contest.id)).get(0)).toBe("open");
    const auditBefore = await store.audit.length(contest.id);
    const tap = await store.ballots.tap(contest.id, 0, 11, 1, 5);
    expect(tap.code).toBe("CONTEST_ENDED");
    expect((await store.ballots.submit(contest.id, 0, 11, 2)).code).toBe("CONTEST_ENDED");
    expect((await store.ballots.state(contest.id, 0, 11))?.draft.scores).toEqual({ "0": 20 });
    expect(await store.ballots.forPresenter(contest.id, 0)).toEqual([]);
    expect(await store.audit.length(contest.id)).toBe(auditBefore);
  });

  it("ends a contest without an open round as before", async () => {
    await store.rounds.close(contest.id, 0, chair);
    expect(await store.contests.end(contest, "finished", chair)).toEqual({ closedRound: undefined });
    expect((await store.contests.get(contest.id))?.status).toBe("finished");
  });
});
