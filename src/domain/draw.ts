// The draw (抽签) of the presenting order: pure, and reproducible by anyone from the published seed.
//
// Rounds and ballots stay keyed by the presenter's index in the setup list (its unit number n - 1,
// what `/open n` means); a draw only stores a presenting order, a permutation of those indexes,
// which everything that means "the next presenter" follows.
//
// The rule (stated in the group's message with the seed):
//   every unit not yet scored (no round opened) is given the key SHA-256(seed + ":" + name) in
//   lowercase hex; within each group (or among all of them with /draw all) the units are sorted by
//   that key, ascending, and fill that group's places not yet taken, in order. Units already
//   scored, or being scored, keep their place; each group keeps the places it had.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Contest, Presenter } from "./contest.js";

export const DrawScopeSchema = z.enum(["group", "all"]);
export type DrawScope = z.infer<typeof DrawScopeSchema>;

/** Name of the rule, kept in the record and the audit log (the message words it per language). */
export const DRAW_METHOD = "sha256(seed:name) ascending";

/** The latest draw of a contest, as stored and audited. */
export const DrawRecordSchema = z.object({
  /** The published seed: 16 random bytes in lowercase hex. */
  seed: z.string().regex(/^[0-9a-f]{8,128}$/),
  /** When it was drawn (ms since the epoch). */
  at: z.number().int(),
  scope: DrawScopeSchema,
  method: z.literal(DRAW_METHOD),
  /** The presenting order: presenter indexes, first to present first. */
  order: z.array(z.number().int().min(0)),
  /** The presenters whose place was drawn (the others kept theirs). */
  drawn: z.array(z.number().int().min(0)),
  /** The presenters' names at the draw, by index: a later change of the list voids the draw. */
  names: z.array(z.string()),
});
export type DrawRecord = z.infer<typeof DrawRecordSchema>;

/** A new seed, published with the draw. */
export const newDrawSeed = (): string => randomBytes(16).toString("hex");

/** The key a unit is sorted by: SHA-256 of `seed:name`, lowercase hex. */
export const drawKey = (seed: string, name: string): string => createHash("sha256").update(`${seed}:${name}`, "utf8").digest("hex");

const isPermutation = (order: readonly number[], count: number): boolean =>
  order.length === count && new Set(order).size === count && order.every((p) => Number.isInteger(p) && p >= 0 && p < count);

/**
 * The presenting order: the draw's when it was made for this very list of presenters, else the
 * setup list's (0, 1, 2, …).
 */
export const presentingOrder = (presenters: readonly Presenter[], record: DrawRecord | undefined): number[] =>
  record && drawApplies(presenters, record) ? [...record.order] : presenters.map((_, index) => index);

/** True when the draw was made for this very list of presenters (same names at the same indexes). */
export const drawApplies = (presenters: readonly Presenter[], record: DrawRecord): boolean =>
  record.names.length === presenters.length &&
  record.names.every((name, i) => presenters[i]?.name === name) &&
  isPermutation(record.order, presenters.length);

/** The first presenter, in presenting order, whose round has not been opened yet. */
export const nextInOrder = (order: readonly number[], taken: (presenter: number) => boolean): number | undefined =>
  order.find((p) => !taken(p));

export type DrawInput = {
  presenters: readonly Presenter[];
  /** The presenting order before this draw (see presentingOrder). */
  order: readonly number[];
  /** Presenters already scored or being scored (their round exists): they keep their place. */
  taken: ReadonlySet<number>;
  scope: DrawScope;
  seed: string;
  at: number;
};

/** The group a presenter is drawn within ("" when ungrouped, and every unit with /draw all). */
const drawGroup = (presenters: readonly Presenter[], scope: DrawScope, p: number): string =>
  scope === "all" ? "" : (presenters[p]?.group ?? "");

/**
 * Draws the places not taken: within each group, its free places in their present order receive its
 * free units sorted by drawKey (ties, impossible between different names, by index). Undefined when
 * there is nothing to draw (no group has two free units).
 */
export const drawOrder = (input: DrawInput): DrawRecord | undefined => {
  const { presenters, order, taken, scope, seed, at } = input;
  const free = order.map((p, place) => ({ p, place })).filter(({ p }) => !taken.has(p));
  const byGroup = new Map<string, Array<{ p: number; place: number }>>();
  for (const slot of free) {
    const group = drawGroup(presenters, scope, slot.p);
    byGroup.set(group, [...(byGroup.get(group) ?? []), slot]);
  }
  if (![...byGroup.values()].some((slots) => slots.length >= 2)) return undefined;
  const next = [...order];
  for (const slots of byGroup.values()) {
    const sorted = slots
      .map(({ p }) => ({ p, key: drawKey(seed, presenters[p]!.name) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.p - b.p));
    slots.forEach(({ place }, i) => (next[place] = sorted[i]!.p));
  }
  return {
    seed,
    at,
    scope,
    method: DRAW_METHOD,
    order: next,
    drawn: free.map(({ p }) => p).sort((a, b) => a - b),
    names: presenters.map((p) => p.name),
  };
};

/** Where a presenter presents: their place in the presenting order, of how many. */
export type PresentingPlace = {
  /** 1-based place in the presenting order. */
  place: number;
  total: number;
  /** The place differs from the unit's setup number (presenter + 1): a draw moved the unit. */
  moved: boolean;
};

/**
 * The place `presenter` (a setup index) presents at in `order` (see presentingOrder). A presenter
 * the order does not hold keeps their setup number, as without a draw.
 */
export const presentingPlace = (order: readonly number[], presenter: number): PresentingPlace => {
  const at = order.indexOf(presenter);
  const place = at < 0 ? presenter + 1 : at + 1;
  return { place, total: order.length, moved: place !== presenter + 1 };
};

/**
 * The Fluent variables of a "第 n/N 位" text: `n` the place, `total`, and, when a draw moved the
 * unit, `moved` "yes" with `unit` its setup number (what /open n means); "no" renders today's text.
 */
export const placeVars = (order: readonly number[], presenter: number): { n: number; total: number; moved: "yes" | "no"; unit: number } => {
  const { place, total, moved } = presentingPlace(order, presenter);
  return { n: place, total, moved: moved ? "yes" : "no", unit: presenter + 1 };
};

/**
 * The presenting order a contest carries (its draw's, read with it), else the setup list's. An
 * order that no longer fits the list of presenters (changed in memory since it was read) is not used.
 */
export const contestOrder = (contest: Pick<Contest, "setup" | "presentingOrder">): readonly number[] => {
  const count = contest.setup.presenters.length;
  const order = contest.presentingOrder;
  return order && isPermutation(order, count) ? order : contest.setup.presenters.map((_, index) => index);
};
