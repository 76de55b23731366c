import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createStore, type Store } from "../../src/store/store.js";
import { contestKeys } from "../../src/store/keys.js";
import { testRedis, type TestRedis } from "../support/redis.js";
import { judge, sampleContest } from "./fixtures.js";

describe("audit log (real Redis)", () => {
  let r: TestRedis;
  let store: Store;
  const contest = sampleContest("aud1t0000a");
  const chair = { by: contest.chairId, at: 1_700_000_100_000 };

  beforeEach(async () => {
    r = testRedis();
    store = createStore(r.redis, r.prefix);
    await store.contests.create(contest);
  });
  afterEach(() => r.cleanup());

  const types = async () => (await store.audit.read(contest.id)).map((e) => e.type);

  it("records a meeting's events in order, with time, user and values", async () => {
    await store.judges.enrol(contest.id, judge(11));
    await store.contests.save({ ...contest, setup: { ...contest.setup, title: "改名" } }, chair);
    await store.rounds.open(contest.id, 0, false, chair);
    await store.ballots.tap(contest.id, 0, 11, 0, 25, 1_700_000_200_000);
    await store.ballots.tap(contest.id, 0, 11, 1, 8.5, 1_700_000_201_000);
    await store.ballots.submit(contest.id, 0, 11, 1_700_000_202_000);
    await store.ballots.tap(contest.id, 0, 11, 1, 9, 1_700_000_203_000);
    await store.ballots.submit(contest.id, 0, 11, 1_700_000_204_000);
    await store.rounds.close(contest.id, 0, chair);
    await store.rounds.open(contest.id, 0, true, chair);
    await store.rounds.close(contest.id, 0);
    await store.contests.end(contest, "finished", chair);

    const entries = await store.audit.read(contest.id);
    expect(entries.map((e) => e.type)).toEqual([
      "contest-created",
      "judge-enrolled",
      "setup-saved",
      "round-opened",
      "ballot-drafted",
      "ballot-drafted",
      "ballot-submitted",
      "ballot-drafted",
      "ballot-changed",
      "round-closed",
      "round-reopened",
      "round-closed",
      "contest-finished",
    ]);
    expect(entries[0]).toMatchObject({ by: 1, at: contest.createdAt, data: { title: "测试评议", chatId: contest.chatId } });
    expect(entries[1]).toMatchObject({ by: 11, data: { userId: 11, name: "评委11", panel: 0, observer: false } });
    expect(entries[2]?.data).toMatchObject({ contest: { id: contest.id, setup: { title: "改名" } } });
    expect(entries[4]).toMatchObject({ by: 11, at: 1_700_000_200_000, data: { presenter: 0, criterion: 0, value: 25 } });
    expect(entries[5]).toMatchObject({ data: { criterion: 1, value: 8.5 } });
    expect(entries[6]).toMatchObject({
      by: 11,
      at: 1_700_000_202_000,
      data: { presenter: 0, scores: [25, 8.5], abstain: false, version: 1, submittedAt: 1_700_000_202_000 },
    });
    expect(entries[8]).toMatchObject({ data: { scores: [25, 9], version: 2 } });
    expect(entries[9]).toMatchObject({ by: 1, at: chair.at, data: { presenter: 0 } });
    expect(entries[11]).toMatchObject({ by: 0 });
  });

  it("writes nothing for refused actions", async () => {
    await store.judges.enrol(contest.id, judge(11));
    const before = await store.audit.length(contest.id);
    await store.ballots.tap(contest.id, 0, 11, 0, 25); // round not open
    await store.rounds.open(contest.id, 0, false, chair);
    const opened = await store.audit.length(contest.id);
    expect(opened).toBe(before + 1);
    await store.ballots.tap(contest.id, 0, 99, 0, 25); // not a judge
    await store.ballots.tap(contest.id, 0, 11, 0, 31); // off the range
    await store.ballots.tap(contest.id, 0, 11, 7, 1); // no such criterion
    await store.ballots.submit(contest.id, 0, 11, 1); // incomplete
    await store.ballots.submit(contest.id, 0, 99, 1); // not a judge
    await store.ballots.state(contest.id, 0, 11); // a read
    await store.rounds.open(contest.id, 0, false, chair); // already open
    await store.rounds.open(contest.id, 1, false, chair); // another is open
    await store.rounds.close(contest.id, 1, chair); // not open
    expect(await store.audit.length(contest.id)).toBe(opened);
    await store.rounds.close(contest.id, 0, chair);
    await store.ballots.submit(contest.id, 0, 11, 1); // closed
    await store.contests.save({ ...contest, locked: true }, chair);
    await store.judges.enrol(contest.id, judge(12)); // locked
    expect(await types()).toEqual(["contest-created", "judge-enrolled", "round-opened", "round-closed", "setup-saved"]);
  });

  it("keeps a tap at one Redis round trip, audit entry included", async () => {
    await store.judges.enrol(contest.id, judge(11));
    await store.rounds.open(contest.id, 0, false, chair);
    await store.ballots.tap(contest.id, 0, 11, 0, 1); // loads the script (EVALSHA, then EVAL once)
    const sent = vi.spyOn(r.redis, "sendCommand");
    await store.ballots.tap(contest.id, 0, 11, 0, 2);
    expect(sent.mock.calls.map(([command]) => (command as { name: string }).name)).toEqual(["evalsha"]);
    sent.mockRestore();
    expect((await store.audit.read(contest.id)).at(-1)).toMatchObject({ type: "ballot-drafted", data: { value: 2 } });
  });

  it("never trims the stream", async () => {
    await store.judges.enrol(contest.id, judge(11));
    await store.rounds.open(contest.id, 0, false, chair);
    for (let i = 0; i < 300; i++) await store.ballots.tap(contest.id, 0, 11, 0, i % 31);
    expect(await store.audit.length(contest.id)).toBe(303);
    const page = await store.audit.read(contest.id, { count: 10 });
    const next = await store.audit.read(contest.id, { after: page.at(-1)!.id, count: 10 });
    expect(page).toHaveLength(10);
    expect(next[0]?.id).not.toBe(page.at(-1)!.id);
  });

  it("appends events that no script handles, and refuses malformed ones", async () => {
    await store.audit.append(contest.id, { type: "comment", data: { presenter: 0, text: "思路清晰" } }, { by: 11, at: 5 });
    expect((await store.audit.read(contest.id)).at(-1)).toMatchObject({ type: "comment", by: 11, at: 5, data: { text: "思路清晰" } });
    await expect(
      store.audit.append(contest.id, { type: "comment", data: { presenter: -1, text: "x" } }, { by: 11, at: 5 }),
    ).rejects.toThrow();
    await r.redis.xadd(contestKeys(r.prefix, contest.id).audit, "*", "type", "nonsense", "at", "1", "by", "1", "data", "{}");
    await expect(store.audit.read(contest.id)).rejects.toThrow();
  });

  it("finds a chat's last contest after it ended", async () => {
    await store.contests.end(contest, "finished", chair);
    expect(await store.contests.activeForChat(contest.chatId)).toBeUndefined();
    expect((await store.contests.latestForChat(contest.chatId))?.id).toBe(contest.id);
  });
});
