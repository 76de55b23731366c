import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyTieAction } from "../../src/domain/chair-decision.js";
import { createStore, type Store } from "../../src/store/store.js";
import { testRedis, type TestRedis } from "../support/redis.js";
import { sampleContest } from "./fixtures.js";

const chair = { by: 1, at: 1_700_000_100_000 };

describe("the chair's tie decisions (real Redis)", () => {
  let r: TestRedis;
  let store: Store;
  const contest = sampleContest("tttttt0001");
  beforeEach(async () => {
    r = testRedis();
    store = createStore(r.redis, r.prefix);
    await store.contests.create(contest);
    await store.rounds.open(contest.id, 0);
  });
  afterEach(() => r.cleanup());

  const step = (decision: Parameters<typeof applyTieAction>[1], action: Parameters<typeof applyTieAction>[2]) => {
    const result = applyTieAction([0, 1, 2], decision, action);
    if (!result.ok) throw new Error(result.code);
    return result.decision;
  };

  it("stores each step, confirms the complete order with an audit entry, and ranks only by confirmed orders", async () => {
    const first = await store.tiebreaks.read(contest.id, [2, 0, 1]);
    expect(first).toEqual({ decision: undefined, stored: "" });
    expect(await store.tiebreaks.set(contest.id, [0, 1, 2], first, step(undefined, { kind: "pick", presenter: 2 }), chair)).toBe("OK");
    const second = await store.tiebreaks.read(contest.id, [0, 1, 2]);
    expect(second.decision).toEqual({ order: [2], confirmed: false });
    const complete = step(second.decision, { kind: "pick", presenter: 0 });
    expect(complete).toEqual({ order: [2, 0, 1], confirmed: false });
    expect(await store.tiebreaks.set(contest.id, [0, 1, 2], second, complete, chair)).toBe("OK");
    expect(await store.tiebreaks.confirmedOrders(contest.id)).toEqual([]);
    const third = await store.tiebreaks.read(contest.id, [0, 1, 2]);
    expect(await store.tiebreaks.set(contest.id, [0, 1, 2], third, step(third.decision, { kind: "confirm" }), chair)).toBe("OK");
    expect(await store.tiebreaks.confirmedOrders(contest.id)).toEqual([[2, 0, 1]]);
    const audit = await store.audit.read(contest.id);
    expect(audit.filter((e) => e.type === "tiebreak-decided")).toMatchObject([{ by: 1, data: { order: [2, 0, 1] } }]);
  });

  it("refuses a write based on a stale read (a second press, another chair) and changes nothing", async () => {
    const read = await store.tiebreaks.read(contest.id, [0, 1, 2]);
    expect(await store.tiebreaks.set(contest.id, [0, 1, 2], read, step(undefined, { kind: "pick", presenter: 1 }), chair)).toBe("OK");
    expect(await store.tiebreaks.set(contest.id, [0, 1, 2], read, step(undefined, { kind: "pick", presenter: 0 }), chair)).toBe("STALE");
    expect((await store.tiebreaks.read(contest.id, [0, 1, 2])).decision).toEqual({ order: [1], confirmed: false });
  });

  it("refuses any write once the contest is no longer running", async () => {
    await store.contests.end(contest, "finished");
    const read = await store.tiebreaks.read(contest.id, [0, 1, 2]);
    expect(await store.tiebreaks.set(contest.id, [0, 1, 2], read, step(undefined, { kind: "pick", presenter: 1 }), chair)).toBe("CONTEST_ENDED");
    expect(await r.redis.exists(`${r.prefix}:c:{${contest.id}}:tiebreaks`)).toBe(0);
  });
});

describe("applyTieAction", () => {
  it.each([
    ["a unit outside the tie", undefined, { kind: "pick", presenter: 7 }, "NOT_IN_TIE"],
    ["a unit already placed", { order: [1], confirmed: false }, { kind: "pick", presenter: 1 }, "ALREADY_PLACED"],
    ["a confirm before every unit is placed", { order: [1], confirmed: false }, { kind: "confirm" }, "INCOMPLETE"],
    ["anything after the confirm", { order: [1, 0, 2], confirmed: true }, { kind: "reset" }, "CONFIRMED"],
  ] as const)("refuses %s", (_, decision, action, code) => {
    expect(applyTieAction([0, 1, 2], decision && { ...decision, order: [...decision.order] }, action)).toEqual({ ok: false, code });
  });

  it("starts again on reset", () => {
    expect(applyTieAction([0, 1, 2], { order: [1, 0, 2], confirmed: false }, { kind: "reset" })).toEqual({ ok: true, decision: { order: [], confirmed: false } });
  });
});
