// submit-ballot.lua with every score at once (the Mini App's one submit): checked like taps,
// made the draft, all or nothing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStore, type Store } from "../../src/store/store.js";
import { contestKeys } from "../../src/store/keys.js";
import { testRedis, type TestRedis } from "../support/redis.js";
import { judge, sampleContest } from "./fixtures.js";

describe("submitting a whole ballot at once (real Redis)", () => {
  let r: TestRedis;
  let store: Store;
  const contest = sampleContest("sc0re5abc1");

  beforeEach(async () => {
    r = testRedis();
    store = createStore(r.redis, r.prefix);
    await store.contests.create(contest);
    await store.judges.enrol(contest.id, judge(11));
    await store.rounds.open(contest.id, 0);
  });
  afterEach(() => r.cleanup());

  const audit = () => r.redis.xlen(contestKeys(r.prefix, contest.id).audit);

  it("stores the scores as the draft and the ballot in one step", async () => {
    const result = await store.ballots.submit(contest.id, 0, 11, 1000, false, 0, [25, 7.5]);
    expect(result.code).toBe("OK");
    const state = await store.ballots.state(contest.id, 0, 11);
    expect(state?.draft.scores).toEqual({ "0": 25, "1": 7.5 });
    expect(state?.ballot).toMatchObject({ scores: [25, 7.5], version: 1, submittedAt: 1000 });
  });

  it("replaces a draft made with the buttons, and a later tap changes the same draft", async () => {
    await store.ballots.tap(contest.id, 0, 11, 0, 10);
    expect((await store.ballots.submit(contest.id, 0, 11, 1000, false, 0, [20, 5])).code).toBe("OK");
    await store.ballots.tap(contest.id, 0, 11, 1, 6);
    expect((await store.ballots.state(contest.id, 0, 11))?.draft.scores).toEqual({ "0": 20, "1": 6 });
  });

  it.each([
    ["a value over the max", [31, 5]],
    ["a value off the step", [20, 5.25]],
    ["a negative value", [-1, 5]],
    ["too few scores", [20]],
    ["too many scores", [20, 5, 1]],
  ])("refuses %s with BAD_SCORE and writes nothing", async (_, scores) => {
    await store.ballots.tap(contest.id, 0, 11, 0, 10);
    const before = await audit();
    expect((await store.ballots.submit(contest.id, 0, 11, 1000, false, 0, scores)).code).toBe("BAD_SCORE");
    const state = await store.ballots.state(contest.id, 0, 11);
    expect(state?.draft.scores).toEqual({ "0": 10 });
    expect(state?.ballot).toBeUndefined();
    expect(await audit()).toBe(before);
  });
});
