// The parsed contest is kept per contest version: the ballot scripts leave the contest's text out
// of a reply when the caller already has the current version, and never let a replica use a copy
// older than what Redis holds (another replica's change is seen on the very next tap).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createContestCache } from "../../src/store/contest-cache.js";
import { contestKeys } from "../../src/store/keys.js";
import { createStore, type Store } from "../../src/store/store.js";
import { commandsSent, testRedis, type TestRedis } from "../support/redis.js";
import { judge, sampleContest } from "./fixtures.js";
import { DRAW_METHOD, type DrawRecord } from "../../src/domain/draw.js";

describe("contests cached per version (real Redis)", () => {
  let r: TestRedis;
  /** Two replicas: each its own store and cache, one Redis. */
  let a: Store;
  let b: Store;
  const contest = sampleContest("cache12345");

  beforeEach(async () => {
    r = testRedis();
    a = createStore(r.redis, r.prefix);
    b = createStore(r.redis, r.prefix);
    await a.contests.create(contest);
    await a.judges.enrol(contest.id, judge(11));
    await a.rounds.open(contest.id, 0);
  });
  afterEach(() => r.cleanup());

  it("sends the contest's text only to a caller without the current version", async () => {
    const keys = contestKeys(r.prefix, contest.id);
    const args = [keys.meta, keys.rounds, keys.judges, keys.drafts(0), keys.ballots(0), keys.audit, keys.conflicts, keys.updateClaim("-"), 0, 11, "", "", 0] as const;
    const fresh = await a.redis.ballotState(...args, "");
    expect(typeof fresh[1]).toBe("string");
    expect(fresh[8]).toBe("1");
    const known = await a.redis.ballotState(...args, "1");
    expect(known[1]).toBeNull();
    expect(known[8]).toBe("1");
    // After a change of the setup, the old version gets the text again, with the new version.
    await a.contests.save({ ...(await a.contests.get(contest.id))!, setup: { ...contest.setup, title: "改过的标题" } });
    const changed = await a.redis.ballotState(...args, "1");
    expect(JSON.parse(String(changed[1])).setup.title).toBe("改过的标题");
    expect(changed[8]).toBe("2");
  });

  it("shows a replica the contest another replica changed, on its next tap", async () => {
    const first = await a.ballots.tap(contest.id, 0, 11, 0, 20);
    expect(first.code === "OK" && first.state.contest.setup.criteria[0]!.max).toBe(30);
    // Replica b lowers the first criterion's maximum and renames it.
    const setup = { ...contest.setup, criteria: [{ name: "落实度", max: 15, step: 1 }, contest.setup.criteria[1]!] };
    await b.contests.save({ ...(await b.contests.get(contest.id))!, setup });
    // Replica a, which has version 1 cached, sees version 2 at once: the new maximum refuses 20.
    expect((await a.ballots.tap(contest.id, 0, 11, 0, 20)).code).toBe("BAD_SCORE");
    const next = await a.ballots.tap(contest.id, 0, 11, 0, 15);
    expect(next.code).toBe("OK");
    if (next.code !== "OK") return;
    expect(next.state.contest.setup.criteria[0]).toMatchObject({ name: "落实度", max: 15 });
    expect((await a.contests.get(contest.id))!.setup.criteria[0]!.name).toBe("落实度");
    await a.ballots.tap(contest.id, 0, 11, 1, 5);
    // With the current version cached, a submit is one call (no second read of the contest).
    const { result: submitted, sent } = await commandsSent(r.redis, () => a.ballots.submit(contest.id, 0, 11, 1000));
    expect(sent).toEqual(["evalsha"]);
    expect(submitted.code === "OK" && submitted.state.contest.setup.criteria[0]!.name).toBe("落实度");
  });

  it("follows the status (kept apart from the definition) at the same version", async () => {
    const open = await a.ballots.state(contest.id, 0, 11);
    expect(open?.contest.status).toBe("running");
    await r.redis.hset(contestKeys(r.prefix, contest.id).meta, "status", "cancelled");
    const ended = await a.ballots.state(contest.id, 0, 11);
    expect(ended?.contest.status).toBe("cancelled");
    expect(ended?.contest.setup).toBe(open?.contest.setup);
  });

  it("reads a contest stored before versions were kept (no version: its text every time)", async () => {
    await r.redis.hdel(contestKeys(r.prefix, contest.id).meta, "cver");
    const before = await a.ballots.state(contest.id, 0, 11);
    expect(before?.contest.setup.title).toBe("测试评议");
    // Rewritten by a process that does not count versions: seen all the same.
    const { status: _status, ...stored } = { ...contest, setup: { ...contest.setup, title: "旧版本写的" } };
    await r.redis.hset(contestKeys(r.prefix, contest.id).meta, "contest", JSON.stringify(stored));
    expect((await a.ballots.state(contest.id, 0, 11))?.contest.setup.title).toBe("旧版本写的");
  });

  it("reads the contest again when the copy of the reported version was dropped meanwhile", async () => {
    const cache = createContestCache(1);
    const small = createStore(r.redis, r.prefix, { contestCache: cache });
    await small.ballots.state(contest.id, 0, 11);
    expect(cache.known(contest.id)).toBe("1");
    // Another contest takes the only place while a call that named version 1 is on its way.
    const other = sampleContest("other12345", -1002);
    await small.contests.create(other);
    const known = cache.known.bind(cache);
    cache.known = (id) => (id === contest.id ? "1" : known(id));
    await small.contests.get(other.id);
    const state = await small.ballots.state(contest.id, 0, 11);
    expect(state?.contest.setup.title).toBe("测试评议");
  });

  it("carries the draw's presenting order: a draw is a new version, sent with the contest's text in the same reply", async () => {
    const before = await a.ballots.state(contest.id, 0, 11);
    expect(before?.contest.presentingOrder).toBeUndefined();
    expect((await a.contests.get(contest.id))?.presentingOrder).toBeUndefined();
    // Replica b draws the two units not yet scored (unit 1 is being scored and keeps its place).
    const read = await b.draws.read(contest.id);
    const record: DrawRecord = { seed: "0123456789abcdef", at: 1, scope: "all", method: DRAW_METHOD, order: [0, 2, 1], drawn: [1, 2], names: ["甲单位", "乙单位", "丙单位"] };
    expect((await b.draws.commit(contest.id, read, record, { by: 1, at: 1 })).code).toBe("OK");
    // Replica a's next tap learns the new version and its order from the ballot script alone.
    const { result: after, sent: sentAfter } = await commandsSent(r.redis, () => a.ballots.state(contest.id, 0, 11));
    expect(sentAfter).toEqual(["evalsha"]);
    expect(after?.contest.presentingOrder).toEqual([0, 2, 1]);
    expect(Object.isFrozen(after?.contest)).toBe(true);
    expect(after?.contest).not.toBe(before?.contest);
    expect((await a.contests.get(contest.id))?.presentingOrder).toEqual([0, 2, 1]);
    expect((await createStore(r.redis, r.prefix).contests.get(contest.id))?.presentingOrder).toEqual([0, 2, 1]);
    // The order is never saved with the definition; a changed list of presenters voids it.
    await a.contests.save({ ...after!.contest, setup: { ...contest.setup, presenters: [{ name: "甲单位" }, { name: "乙单位" }, { name: "丁单位" }] } });
    expect(await r.redis.hget(contestKeys(r.prefix, contest.id).meta, "contest")).not.toContain("presentingOrder");
    expect((await a.ballots.state(contest.id, 0, 11))?.contest.presentingOrder).toBeUndefined();
  });
});
