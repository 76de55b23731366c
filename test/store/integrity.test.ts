import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStore, type Store } from "../../src/store/store.js";
import { testRedis, type TestRedis } from "../support/redis.js";
import { judge, sampleContest } from "./fixtures.js";
import { allInNotice } from "../../src/store/consoles.js";
import { contestKeys } from "../../src/store/keys.js";

describe("integrity storage (real Redis)", () => {
  let r: TestRedis;
  let store: Store;
  const contest = sampleContest("int123def0");
  const chair = { by: 1, at: 1_700_000_100_000 };

  beforeEach(async () => {
    r = testRedis();
    store = createStore(r.redis, r.prefix);
    await store.contests.create(contest);
    for (const id of [11, 12, 13]) await store.judges.enrol(contest.id, judge(id));
  });
  afterEach(() => r.cleanup());

  const scoreAndSubmit = async (judgeId: number, presenter: number, at = 1000) => {
    await store.ballots.tap(contest.id, presenter, judgeId, 0, 20);
    await store.ballots.tap(contest.id, presenter, judgeId, 1, 8);
    return store.ballots.submit(contest.id, presenter, judgeId, at);
  };

  it("refuses taps and submits of a judge conflicted with the presenter, and leaves them out of the counter", async () => {
    await store.integrity.setConflict(contest.id, 12, 0, true, chair);
    await store.rounds.open(contest.id, 0);
    const tap = await store.ballots.tap(contest.id, 0, 12, 0, 20);
    expect(tap.code).toBe("CONFLICT");
    expect((await store.ballots.submit(contest.id, 0, 12, 1, true)).code).toBe("CONFLICT");
    expect((await store.ballots.state(contest.id, 0, 12))?.conflicted).toBe(true);
    expect((await store.ballots.state(contest.id, 1, 12))?.conflicted).toBe(false);
    await scoreAndSubmit(11, 0);
    expect(await store.ballots.counts(contest.id, 0)).toEqual({ submitted: 1, judges: 2 });
    expect(await store.ballots.counts(contest.id, 1)).toEqual({ submitted: 0, judges: 3 });
  });

  it("discards the ballot of a judge declared conflicted while the round is open, and records why", async () => {
    await store.rounds.open(contest.id, 0);
    await scoreAndSubmit(13, 0);
    const result = await store.integrity.setConflict(contest.id, 13, 0, true, chair);
    expect(result).toEqual({ changed: true, round: "open", discardedBallot: true });
    expect(await store.ballots.forPresenter(contest.id, 0)).toEqual([]);
    expect((await store.ballots.state(contest.id, 0, 13))?.draft.scores).toEqual({});
    const audit = await store.audit.read(contest.id);
    expect(audit.at(-1)).toMatchObject({ type: "ballot-removed", by: 1, data: { presenter: 0, judgeId: 13, reason: "conflict" } });
    expect(await store.integrity.conflicts(contest.id)).toEqual([{ judgeId: 13, presenter: 0 }]);
    await store.integrity.setConflict(contest.id, 13, 0, false, chair);
    expect(await store.integrity.conflicts(contest.id)).toEqual([]);
  });

  it("leaves observers out of the counter", async () => {
    await store.integrity.updateJudge(contest.id, { ...judge(11), observer: true }, chair);
    await store.rounds.open(contest.id, 0);
    await scoreAndSubmit(11, 0);
    expect(await store.ballots.counts(contest.id, 0)).toEqual({ submitted: 0, judges: 2 });
    expect(await store.integrity.updateJudge(contest.id, judge(99), chair)).toBe(false);
  });

  it("answers a submit with the counter's numbers: observers and conflicted judges in neither", async () => {
    await store.integrity.updateJudge(contest.id, { ...judge(11), observer: true }, chair);
    await store.integrity.setConflict(contest.id, 12, 0, true, chair);
    await store.rounds.open(contest.id, 0);
    await store.consoles.set(contest.id, 1, 500);
    // Raw lengths would say 1/3 and then 2/3; the counter says 0/1, then 1/1: every ballot is in,
    // and the submit that completed the round claimed its all-in notice.
    expect(await scoreAndSubmit(11, 0)).toMatchObject({ code: "OK", submitted: 0, judges: 1, allInClaimed: false, consoles: 1 });
    expect(await scoreAndSubmit(13, 0)).toMatchObject({ code: "OK", submitted: 1, judges: 1, allInClaimed: true });
    expect(await store.ballots.counts(contest.id, 0)).toEqual({ submitted: 1, judges: 1 });
    expect(await store.consoles.claimNotice(contest.id, allInNotice(0))).toBe(false);
    // The same ballot submitted again changes nothing and still tells the counter's numbers.
    expect(await store.ballots.submit(contest.id, 0, 13, 2000)).toMatchObject({
      code: "OK",
      submitted: 1,
      judges: 1,
      counterClaimed: false,
      allInClaimed: false,
    });
    // A changed ballot is no new all-in.
    await store.ballots.tap(contest.id, 0, 13, 0, 21);
    expect(await store.ballots.submit(contest.id, 0, 13, 3000)).toMatchObject({ code: "OK", submitted: 1, allInClaimed: false });
  });

  it("claims no all-in notice for a round that is not the current one", async () => {
    await store.rounds.open(contest.id, 0);
    await store.redis.hset(contestKeys(r.prefix, contest.id).meta, "current", "1");
    for (const id of [11, 12]) await scoreAndSubmit(id, 0);
    expect(await scoreAndSubmit(13, 0)).toMatchObject({ code: "OK", submitted: 3, judges: 3, allInClaimed: false, consoles: 0 });
  });

  it("removes a judge: the open round's ballot goes, closed rounds keep theirs, the record is kept aside", async () => {
    await store.rounds.open(contest.id, 0);
    await scoreAndSubmit(12, 0);
    await store.rounds.close(contest.id, 0);
    await store.rounds.open(contest.id, 1);
    await scoreAndSubmit(12, 1);
    await store.ballots.tap(contest.id, 1, 11, 0, 5);
    const removed = await store.integrity.removeJudge(contest.id, 12, chair);
    expect(removed).toMatchObject({ code: "OK", presenter: 1, discardedBallot: true, discardedDraft: true, judge: { userId: 12 } });
    expect(await store.judges.isJudge(contest.id, 12)).toBe(false);
    expect((await store.ballots.forPresenter(contest.id, 1)).map((b) => b.judgeId)).toEqual([]);
    expect((await store.ballots.forPresenter(contest.id, 0)).map((b) => b.judgeId)).toEqual([12]);
    expect((await store.integrity.removedJudges(contest.id)).map((j) => j.userId)).toEqual([12]);
    expect(await store.ballots.counts(contest.id, 1)).toEqual({ submitted: 0, judges: 2 });
    expect((await store.audit.read(contest.id)).at(-1)).toMatchObject({
      type: "ballot-removed",
      data: { presenter: 1, judgeId: 12, reason: "judge-removed" },
    });
    expect(await store.integrity.removeJudge(contest.id, 12, chair)).toEqual({ code: "NOT_JUDGE" });
  });

  it("keeps a comment with a submitted ballot of an open round only, through a resubmission", async () => {
    await store.rounds.open(contest.id, 0);
    expect(await store.integrity.setComment(contest.id, 0, 11, "思路清晰", 5)).toBe("NOT_SUBMITTED");
    await scoreAndSubmit(11, 0);
    expect(await store.integrity.setComment(contest.id, 0, 11, "思路清晰，数据翔实 / 建议推广", 6)).toBe("OK");
    const [ballot] = await store.ballots.forPresenter(contest.id, 0);
    expect(ballot).toMatchObject({ comment: "思路清晰，数据翔实 / 建议推广", scores: [20, 8], version: 1 });
    await store.ballots.tap(contest.id, 0, 11, 0, 19);
    await store.ballots.submit(contest.id, 0, 11, 7);
    expect((await store.ballots.forPresenter(contest.id, 0))[0]).toMatchObject({ comment: "思路清晰，数据翔实 / 建议推广", scores: [19, 8], version: 2 });
    expect((await store.audit.read(contest.id)).find((e) => e.type === "comment")).toMatchObject({
      by: 11,
      data: { presenter: 0, text: "思路清晰，数据翔实 / 建议推广" },
    });
    await store.rounds.close(contest.id, 0);
    expect(await store.integrity.setComment(contest.id, 0, 11, "晚了", 8)).toBe("ROUND_CLOSED");
  });

  it("keeps a comment on an abstention as valid JSON", async () => {
    await store.rounds.open(contest.id, 0);
    await store.ballots.submit(contest.id, 0, 11, 5, true);
    expect(await store.integrity.setComment(contest.id, 0, 11, "回避", 6)).toBe("OK");
    expect((await store.ballots.forPresenter(contest.id, 0))[0]).toMatchObject({ abstain: true, scores: [], comment: "回避" });
  });

  it("holds a pending comment for one take only", async () => {
    await store.integrity.awaitComment(11, contest.id, 2, 60);
    expect(await store.integrity.hasPendingComment(11)).toBe(true);
    expect(await store.integrity.takePendingComment(11)).toEqual({ contestId: contest.id, presenter: 2 });
    expect(await store.integrity.takePendingComment(11)).toBeUndefined();
    expect(await r.redis.ttl(`${r.prefix}:user:11:pending-comment`)).toBe(-2);
  });

  it("remembers which judge an outlier number stands for", async () => {
    await store.integrity.saveOutlierRefs(contest.id, 0, new Map([[3, 12]]), 60);
    expect(await store.integrity.outlierJudge(contest.id, 0, 3)).toBe(12);
    expect(await store.integrity.outlierJudge(contest.id, 0, 1)).toBeUndefined();
  });
});
