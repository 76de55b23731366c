import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStore, type Store } from "../../src/store/store.js";
import { testRedis, type TestRedis } from "../support/redis.js";
import { judge, sampleContest } from "./fixtures.js";

describe("ballot storage (real Redis)", () => {
  let r: TestRedis;
  let store: Store;
  const contest = sampleContest("abc123def0");

  beforeEach(async () => {
    r = testRedis();
    store = createStore(r.redis, r.prefix);
    await store.contests.create(contest);
    for (const id of [11, 12, 13]) await store.judges.enrol(contest.id, judge(id));
  });
  afterEach(() => r.cleanup());

  const scoreAll = async (judgeId: number, presenter: number, values: [number, number]) => {
    await store.ballots.tap(contest.id, presenter, judgeId, 0, values[0]);
    await store.ballots.tap(contest.id, presenter, judgeId, 1, values[1]);
  };

  it("refuses taps while the round is not open and records them once it is", async () => {
    const before = await store.ballots.tap(contest.id, 0, 11, 0, 20);
    expect(before.code).toBe("ROUND_CLOSED");
    expect((await store.rounds.open(contest.id, 0)).code).toBe("OK");
    const after = await store.ballots.tap(contest.id, 0, 11, 0, 20);
    expect(after.code).toBe("OK");
    if (after.code !== "OK") return;
    expect(after.state.draft.scores).toEqual({ "0": 20 });
    expect(after.state.contest.status).toBe("running");
  });

  it("refuses a score off the criterion's range or step, leaving the draft unchanged", async () => {
    await store.rounds.open(contest.id, 0);
    await store.ballots.tap(contest.id, 0, 11, 1, 7.5);
    for (const [criterion, value] of [[0, 31], [1, 7.25], [1, 10.5], [5, 1]] as const) {
      const result = await store.ballots.tap(contest.id, 0, 11, criterion, value);
      expect(result.code).toBe("BAD_SCORE");
    }
    const state = await store.ballots.state(contest.id, 0, 11);
    expect(state?.draft.scores).toEqual({ "1": 7.5 });
  });

  it("refuses taps and submits from users who are not judges", async () => {
    await store.rounds.open(contest.id, 0);
    expect((await store.ballots.tap(contest.id, 0, 99, 0, 10)).code).toBe("NOT_JUDGE");
    expect((await store.ballots.submit(contest.id, 0, 99, 1)).code).toBe("NOT_JUDGE");
  });

  it("submits only a complete draft, and counts a resubmission as a new version, not a new ballot", async () => {
    await store.rounds.open(contest.id, 0);
    await store.ballots.tap(contest.id, 0, 11, 0, 25);
    expect((await store.ballots.submit(contest.id, 0, 11, 1000)).code).toBe("INCOMPLETE");
    await store.ballots.tap(contest.id, 0, 11, 1, 8.5);
    const first = await store.ballots.submit(contest.id, 0, 11, 1000);
    expect(first).toMatchObject({ code: "OK", submitted: 1, judges: 3 });
    if (first.code !== "OK") return;
    expect(first.state.ballot).toMatchObject({ judgeId: 11, presenter: 0, scores: [25, 8.5], version: 1, submittedAt: 1000 });
    await store.ballots.tap(contest.id, 0, 11, 0, 26);
    const second = await store.ballots.submit(contest.id, 0, 11, 2000);
    expect(second).toMatchObject({ code: "OK", submitted: 1 });
    expect(await store.ballots.forPresenter(contest.id, 0)).toEqual([
      expect.objectContaining({ judgeId: 11, scores: [26, 8.5], version: 2, submittedAt: 2000 }),
    ]);
  });

  it("applies two concurrent submits of the same ballot once (a double press or a redelivered update)", async () => {
    await store.rounds.open(contest.id, 0);
    await scoreAll(12, 0, [20, 5]);
    const results = await Promise.all([store.ballots.submit(contest.id, 0, 12, 1), store.ballots.submit(contest.id, 0, 12, 2)]);
    expect(results.map((x) => x.code)).toEqual(["OK", "OK"]);
    const ballots = await store.ballots.forPresenter(contest.id, 0);
    expect(ballots).toHaveLength(1);
    expect(ballots[0]).toMatchObject({ version: 1, submittedAt: 1, scores: [20, 5] });
    const audit = await store.audit.read(contest.id);
    expect(audit.filter((e) => e.type === "ballot-submitted" || e.type === "ballot-changed").map((e) => e.type)).toEqual(["ballot-submitted"]);
  });

  it("makes a new version only when the ballot changed", async () => {
    await store.rounds.open(contest.id, 0);
    await scoreAll(12, 0, [20, 5]);
    await store.ballots.submit(contest.id, 0, 12, 1);
    await store.ballots.tap(contest.id, 0, 12, 1, 6);
    await store.ballots.submit(contest.id, 0, 12, 2);
    expect((await store.ballots.forPresenter(contest.id, 0))[0]).toMatchObject({ version: 2, scores: [20, 6] });
    // An abstention is a change too.
    await store.ballots.submit(contest.id, 0, 12, 3, true);
    expect((await store.ballots.forPresenter(contest.id, 0))[0]).toMatchObject({ version: 3, abstain: true, scores: [] });
  });

  it("never counts a submit that races a close after the close: it is stored before or refused", async () => {
    await store.rounds.open(contest.id, 0);
    for (const id of [11, 12, 13]) await scoreAll(id, 0, [10, 5]);
    const submits = [11, 12, 13].map((id) => store.ballots.submit(contest.id, 0, id, id));
    const close = store.rounds.close(contest.id, 0);
    const [results, closed] = await Promise.all([Promise.all(submits), close]);
    expect(closed).toBe(true);
    const accepted = results.flatMap((x, i) => (x.code === "OK" ? [[11, 12, 13][i]] : []));
    const refused = results.filter((x) => x.code === "ROUND_CLOSED");
    expect(accepted.length + refused.length).toBe(3);
    const stored = (await store.ballots.forPresenter(contest.id, 0)).map((b) => b.judgeId);
    expect(stored).toEqual(accepted);
    // After the close nothing more is accepted.
    expect((await store.ballots.submit(contest.id, 0, 11, 99)).code).toBe("ROUND_CLOSED");
    expect((await store.ballots.tap(contest.id, 0, 11, 0, 1)).code).toBe("ROUND_CLOSED");
    expect((await store.ballots.forPresenter(contest.id, 0)).map((b) => b.judgeId)).toEqual(accepted);
  });

  it("claims the live counter's edit pause in the same step as the submit, once per pause", async () => {
    await store.rounds.open(contest.id, 0);
    await scoreAll(11, 0, [10, 5]);
    await scoreAll(12, 0, [10, 5]);
    const first = await store.ballots.submit(contest.id, 0, 11, 1, false, 60_000);
    const second = await store.ballots.submit(contest.id, 0, 12, 2, false, 60_000);
    expect(first).toMatchObject({ code: "OK", counterClaimed: true });
    expect(second).toMatchObject({ code: "OK", counterClaimed: false });
    await scoreAll(13, 0, [10, 5]);
    expect(await store.ballots.submit(contest.id, 0, 13, 3, false, 0)).toMatchObject({ counterClaimed: true });
  });

  it("keeps the draft of a judge across reads, so a restart loses nothing", async () => {
    await store.rounds.open(contest.id, 1);
    await store.ballots.tap(contest.id, 1, 13, 0, 17);
    const fresh = createStore(r.redis, r.prefix);
    const state = await fresh.ballots.state(contest.id, 1, 13);
    expect(state?.draft.scores).toEqual({ "0": 17 });
    expect(state?.round).toBe("open");
  });
});
