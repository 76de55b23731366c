// The draw's store step (scripts/draw-order.lua): stored with its audit entry in one step, only if
// nothing changed since the state it was drawn from was read.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { drawOrder, type DrawRecord } from "../../src/domain/draw.js";
import { createStore, type Store } from "../../src/store/store.js";
import { testRedis, type TestRedis } from "../support/redis.js";
import { sampleContest } from "./fixtures.js";

const chair = { by: 1, at: 1_700_000_100_000 };

describe("the drawn presenting order (real Redis)", () => {
  let r: TestRedis;
  let store: Store;
  const contest = sampleContest("dddddd0001");
  beforeEach(async () => {
    r = testRedis();
    store = createStore(r.redis, r.prefix);
    await store.contests.create(contest);
  });
  afterEach(() => r.cleanup());

  const drawn = (seed: string, order = [0, 1, 2], taken = new Set<number>()): DrawRecord =>
    drawOrder({ presenters: contest.setup.presenters, order, taken, scope: "all", seed, at: chair.at })!;

  it("stores the order with its audit entry; a draw made from a state read before another draw is refused", async () => {
    const read = await store.draws.read(contest.id);
    const first = drawn("aaaaaaaa11111111");
    expect(await store.draws.commit(contest.id, read, first, chair)).toEqual({ code: "OK" });
    expect((await store.draws.order(contest)).order).toEqual(first.order);
    // A second draw from the same (now stale) reading changes nothing.
    expect(await store.draws.commit(contest.id, read, drawn("bbbbbbbb22222222"), chair)).toEqual({ code: "STALE" });
    expect((await store.draws.read(contest.id)).record).toEqual(first);
    const audit = (await store.audit.read(contest.id)).filter((e) => e.type === "order-drawn");
    expect(audit).toEqual([
      expect.objectContaining({ by: 1, at: chair.at, data: { seed: first.seed, scope: "all", method: first.method, order: first.order, drawn: [0, 1, 2] } }),
    ]);
  });

  it("refuses when a drawn presenter's round was opened since, and once the contest has ended", async () => {
    const read = await store.draws.read(contest.id);
    await store.rounds.open(contest.id, 2);
    expect(await store.draws.commit(contest.id, read, drawn("cccccccc33333333"), chair)).toEqual({ code: "ALREADY_OPEN", presenter: 2 });
    // Drawn from the state with the open round: its place is kept, and it is stored.
    const kept = drawn("cccccccc33333333", [0, 1, 2], new Set([2]));
    expect(kept.drawn).toEqual([0, 1]);
    expect(await store.draws.commit(contest.id, read, kept, chair)).toEqual({ code: "OK" });
    await store.contests.end(contest, "finished");
    const after = await store.draws.read(contest.id);
    expect(await store.draws.commit(contest.id, after, drawn("dddddddd44444444", kept.order, new Set([2])), chair)).toEqual({ code: "CONTEST_ENDED" });
    expect((await store.audit.read(contest.id)).filter((e) => e.type === "order-drawn")).toHaveLength(1);
  });

  it("an open that chose 'the next' by an order a draw has since changed is refused as STALE", async () => {
    const read = await store.draws.read(contest.id);
    expect(await store.draws.commit(contest.id, read, drawn("eeeeeeee55555555"), chair)).toEqual({ code: "OK" });
    expect(await store.rounds.open(contest.id, 0, false, chair, read.stored)).toEqual({ code: "STALE" });
    expect(await store.contests.currentRound(contest.id)).toBeUndefined();
    const now = await store.draws.read(contest.id);
    expect(await store.rounds.open(contest.id, now.record!.order[0]!, false, chair, now.stored)).toEqual({ code: "OK" });
  });
});
