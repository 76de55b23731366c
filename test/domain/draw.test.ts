// The draw's rule, recomputed here independently with node:crypto from the published seed.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  contestOrder,
  drawOrder,
  nextInOrder,
  placeVars,
  presentingOrder,
  presentingPlace,
  newDrawSeed,
  type DrawRecord,
} from "../../src/domain/draw.js";
import type { Presenter } from "../../src/domain/contest.js";

const sha = (text: string) => createHash("sha256").update(Buffer.from(text, "utf8")).digest("hex");

/** What anyone does with the group's message: sort the names by sha256(seed:name), ascending. */
const byRule = (seed: string, names: string[]): string[] => [...names].sort((a, b) => sha(`${seed}:${a}`).localeCompare(sha(`${seed}:${b}`)));

const units = (...names: Array<string | [string, string]>): Presenter[] =>
  names.map((n) => (typeof n === "string" ? { name: n } : { name: n[0], group: n[1] }));

const namesOf = (presenters: Presenter[], record: DrawRecord) => record.order.map((p) => presenters[p]!.name);

describe("the draw of the presenting order", () => {
  const plain = units("区交通运输局", "区教育局", "区卫健局", "区财政局", "区民政局", "区文旅局");

  it("orders the units by SHA-256 of seed:name, as anyone can recompute from the published seed", () => {
    const seed = "8f14e45fceea167a5a36dedd4bea2543";
    const record = drawOrder({ presenters: plain, order: [0, 1, 2, 3, 4, 5], taken: new Set(), scope: "all", seed, at: 1 })!;
    expect(namesOf(plain, record)).toEqual(byRule(seed, plain.map((p) => p.name)));
    expect(record.drawn).toEqual([0, 1, 2, 3, 4, 5]);
    expect(record.seed).toBe(seed);
    // The same seed gives the same order; another seed (here) another one.
    const again = drawOrder({ presenters: plain, order: [0, 1, 2, 3, 4, 5], taken: new Set(), scope: "all", seed, at: 2 })!;
    expect(again.order).toEqual(record.order);
    const other = drawOrder({ presenters: plain, order: [0, 1, 2, 3, 4, 5], taken: new Set(), scope: "all", seed: "0123456789abcdef", at: 1 })!;
    expect(namesOf(plain, other)).toEqual(byRule("0123456789abcdef", plain.map((p) => p.name)));
    expect(other.order).not.toEqual(record.order);
  });

  it("makes a new 128-bit seed each time", () => {
    const seeds = new Set(Array.from({ length: 20 }, newDrawSeed));
    expect(seeds.size).toBe(20);
    for (const seed of seeds) expect(seed).toMatch(/^[0-9a-f]{32}$/);
  });

  it("keeps the place of every unit already scored or being scored", () => {
    const seed = newDrawSeed();
    const record = drawOrder({ presenters: plain, order: [0, 1, 2, 3, 4, 5], taken: new Set([0, 3]), scope: "all", seed, at: 1 })!;
    expect(record.order[0]).toBe(0);
    expect(record.order[3]).toBe(3);
    expect(record.drawn).toEqual([1, 2, 4, 5]);
    const free = [1, 2, 4, 5].map((place) => plain[record.order[place]!]!.name);
    expect(free).toEqual(byRule(seed, ["区教育局", "区卫健局", "区民政局", "区文旅局"]));
  });

  it("draws within each group, each group keeping its places; /draw all mixes them", () => {
    const grouped = units(["甲镇", "镇街"], ["乙镇", "镇街"], ["丙镇", "镇街"], ["一局", "部门"], ["二局", "部门"], ["三局", "部门"]);
    const seed = "c0ffee00c0ffee00";
    const record = drawOrder({ presenters: grouped, order: [0, 1, 2, 3, 4, 5], taken: new Set([1]), scope: "group", seed, at: 1 })!;
    expect(record.order[1]).toBe(1);
    expect([0, 2].map((place) => grouped[record.order[place]!]!.name)).toEqual(byRule(seed, ["甲镇", "丙镇"]));
    expect([3, 4, 5].map((place) => grouped[record.order[place]!]!.name)).toEqual(byRule(seed, ["一局", "二局", "三局"]));
    for (const place of [0, 1, 2]) expect(grouped[record.order[place]!]!.group).toBe("镇街");
    const all = drawOrder({ presenters: grouped, order: [0, 1, 2, 3, 4, 5], taken: new Set([1]), scope: "all", seed, at: 1 })!;
    expect([0, 2, 3, 4, 5].map((place) => grouped[all.order[place]!]!.name)).toEqual(byRule(seed, ["甲镇", "丙镇", "一局", "二局", "三局"]));
  });

  it("a second draw starts from the first one's order and moves only the units still not scored", () => {
    const first = drawOrder({ presenters: plain, order: [0, 1, 2, 3, 4, 5], taken: new Set(), scope: "all", seed: "aaaaaaaa", at: 1 })!;
    const taken = new Set([first.order[0]!, first.order[1]!]);
    const second = drawOrder({ presenters: plain, order: first.order, taken, scope: "all", seed: "bbbbbbbb", at: 2 })!;
    expect(second.order.slice(0, 2)).toEqual(first.order.slice(0, 2));
    expect(second.order.slice(2).map((p) => plain[p]!.name)).toEqual(byRule("bbbbbbbb", first.order.slice(2).map((p) => plain[p]!.name)));
  });

  it("has nothing to draw without two free units in one group", () => {
    const grouped = units(["甲镇", "镇街"], ["一局", "部门"], ["二局", "部门"]);
    expect(drawOrder({ presenters: grouped, order: [0, 1, 2], taken: new Set([1]), scope: "group", seed: "abcdef01", at: 1 })).toBeUndefined();
    expect(drawOrder({ presenters: grouped, order: [0, 1, 2], taken: new Set([1]), scope: "all", seed: "abcdef01", at: 1 })).toBeDefined();
  });

  it("follows a draw only for the list it was made for; the next presenter follows the order", () => {
    const record = drawOrder({ presenters: plain, order: [0, 1, 2, 3, 4, 5], taken: new Set(), scope: "all", seed: "12345678", at: 1 })!;
    expect(presentingOrder(plain, record)).toEqual(record.order);
    expect(presentingOrder(plain, undefined)).toEqual([0, 1, 2, 3, 4, 5]);
    const renamed = plain.map((p, i) => (i === 2 ? { name: "区卫生健康局" } : p));
    expect(presentingOrder(renamed, record)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(presentingOrder(plain.slice(0, 5), record)).toEqual([0, 1, 2, 3, 4]);
    expect(nextInOrder(record.order, (p) => p === record.order[0])).toBe(record.order[1]);
    expect(nextInOrder([2, 0, 1], () => true)).toBeUndefined();
  });
});

describe("the place a unit presents at", () => {
  it("is its place in the presenting order, marked moved when that differs from its setup number", () => {
    const order = [2, 5, 3, 4, 0, 1];
    expect(presentingPlace(order, 2)).toEqual({ place: 1, total: 6, moved: true });
    expect(presentingPlace(order, 5)).toEqual({ place: 2, total: 6, moved: true });
    expect(presentingPlace(order, 3)).toEqual({ place: 3, total: 6, moved: true });
    expect(presentingPlace(order, 4)).toEqual({ place: 4, total: 6, moved: true });
    expect(presentingPlace(order, 0)).toEqual({ place: 5, total: 6, moved: true });
    // A unit the draw left at its number is not marked, though others moved.
    expect(presentingPlace([2, 1, 0], 1)).toEqual({ place: 2, total: 3, moved: false });
  });

  it("is the setup number without a draw, or when the draw kept the setup order", () => {
    for (const p of [0, 1, 2]) expect(presentingPlace([0, 1, 2], p)).toEqual({ place: p + 1, total: 3, moved: false });
    // A presenter the order does not hold keeps their number.
    expect(presentingPlace([0, 1], 4)).toEqual({ place: 5, total: 2, moved: false });
  });

  it("gives the texts their variables: the place, and the unit's number only to show when moved", () => {
    expect(placeVars([1, 0, 2], 0)).toEqual({ n: 2, total: 3, moved: "yes", unit: 1 });
    expect(placeVars([1, 0, 2], 2)).toEqual({ n: 3, total: 3, moved: "no", unit: 3 });
  });

  it("reads a contest's order, falling back to the setup order when it does not fit the presenters", () => {
    const setup = { presenters: units("甲", "乙", "丙") } as const;
    expect(contestOrder({ setup: setup as never })).toEqual([0, 1, 2]);
    expect(contestOrder({ setup: setup as never, presentingOrder: [2, 0, 1] })).toEqual([2, 0, 1]);
    expect(contestOrder({ setup: setup as never, presentingOrder: [1, 0] })).toEqual([0, 1, 2]);
    expect(contestOrder({ setup: setup as never, presentingOrder: [1, 1, 0] })).toEqual([0, 1, 2]);
  });
});
