// Contests: creation, the chat's active contest, setup and status. Everything read back is parsed.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import {
  LocaleSchema,
  type Locale,
  ContestSchema,
  ContestStatusSchema,
  JudgeSchema,
  RoundStatusSchema,
  type Contest,
  type ContestStatus,
  type Judge,
  type RoundStatus,
} from "../domain/contest.js";
import { chatKeys, contestKeys } from "./keys.js";
import type { RedisClient } from "./scripts.js";
import type { PublishEvent } from "./events.js";
import { auditFields, execOrThrow, systemActor, type Actor } from "./audit.js";
import { optionalString } from "./codes.js";
import type { ContestCache } from "./contest-cache.js";
import { drawApplies } from "../domain/draw.js";
import { parseDrawRecord } from "./draws.js";

/** What is stored in the meta hash's "contest" field: the contest without its status and presenting order. */
const StoredContestSchema = ContestSchema.omit({ status: true, presentingOrder: true });

export const newContestId = (): string => randomBytes(6).toString("hex").slice(0, 10);

/**
 * The contest of the meta hash's "contest" text, with its "status" and, when its "draw" (the
 * text of the latest draw, "" or undefined when none) applies to its presenters, that presenting order.
 */
export const parseStoredContest = (json: string, status: string, draw?: string): Contest => {
  const contest = ContestSchema.parse({ ...StoredContestSchema.parse(JSON.parse(json)), status: ContestStatusSchema.parse(status) });
  const record = draw ? parseDrawRecord(draw) : undefined;
  return record && drawApplies(contest.setup.presenters, record) ? { ...contest, presentingOrder: [...record.order] } : contest;
};

export const serializeContest = (contest: Contest): string => {
  const { status: _status, presentingOrder: _order, ...rest } = contest;
  return JSON.stringify(rest);
};

export type CreateResult = { ok: true; contest: Contest } | { ok: false; existing: Contest };

export const createContestStore = (redis: RedisClient, prefix: string, publish: PublishEvent, cache: ContestCache) => {
  const keysOf = (id: string) => contestKeys(prefix, id);

  /** The contest as stored now (parsed once per version in this process; see contest-cache.ts). */
  const get = async (id: string): Promise<Contest | undefined> => {
    const [json, status, version, draw] = await redis.hmget(keysOf(id).meta, "contest", "status", "cver", "draw");
    if (!json || !status) return undefined;
    return (version ? cache.get(id, version, status) : undefined) ?? cache.parse(id, version ?? undefined, json, status, draw ?? undefined);
  };

  /** The chat's contest that is still in progress (draft or running), if any. */
  const activeForChat = async (chatId: number): Promise<Contest | undefined> => {
    const key = chatKeys(prefix, chatId).activeContest;
    const id = await redis.get(key);
    if (!id) return undefined;
    const contest = await get(id);
    if (contest && (contest.status === "draft" || contest.status === "running")) return contest;
    // A pointer left by an ended contest or an interrupted creation is cleared.
    await redis.del(key);
    return undefined;
  };

  const create = async (contest: Contest): Promise<CreateResult> => {
    const key = chatKeys(prefix, contest.chatId).activeContest;
    for (let attempt = 0; attempt < 2; attempt++) {
      if ((await redis.set(key, contest.id, "NX")) === "OK") {
        const keys = keysOf(contest.id);
        const created = auditFields({ type: "contest-created", data: { title: contest.setup.title, chatId: contest.chatId } }, {
          by: contest.chairId,
          at: contest.createdAt,
        });
        await execOrThrow(
          redis
            .multi()
            .hset(keys.meta, "contest", serializeContest(contest), "status", contest.status, "cver", 1)
            .xadd(keys.audit, "*", ...created),
        );
        await redis.set(chatKeys(prefix, contest.chatId).lastContest, contest.id);
        return { ok: true, contest };
      }
      const existing = await activeForChat(contest.chatId);
      if (existing) return { ok: false, existing };
    }
    throw new Error("could not claim the chat's contest slot");
  };

  /**
   * Rewrites the contest definition and bumps its version ("cver", which every cached copy is
   * checked against); the status field is left to the round scripts. The new definition goes
   * into the audit log with `actor` (default: the bot, now) in the same step.
   */
  const save = async (contest: Contest, actor: Actor = systemActor()): Promise<void> => {
    const keys = keysOf(contest.id);
    const json = serializeContest(contest);
    const saved = auditFields({ type: "setup-saved", data: { contest: JSON.parse(json) as Record<string, unknown> } }, actor);
    await execOrThrow(redis.multi().hset(keys.meta, "contest", json).hincrby(keys.meta, "cver", 1).xadd(keys.audit, "*", ...saved));
    await publish(contest.id, "setup");
  };

  /**
   * Ends a contest (finished or cancelled) and frees the chat for a new one; `actor` as for `save`.
   * A round still open is closed in the same atomic step (scripts/end-contest.lua), so no ballot
   * for it is accepted afterwards; `closedRound` names it.
   */
  const end = async (
    contest: Contest,
    status: Extract<ContestStatus, "finished" | "cancelled">,
    actor: Actor = systemActor(),
  ): Promise<{ closedRound: number | undefined }> => {
    const keys = keysOf(contest.id);
    const reply = await redis.endContest(keys.meta, keys.rounds, keys.audit, status, actor.by, actor.at);
    const closed = optionalString(reply[1]);
    const key = chatKeys(prefix, contest.chatId).activeContest;
    if ((await redis.get(key)) === contest.id) await redis.del(key);
    if (closed !== undefined) await publish(contest.id, "round-closed");
    await publish(contest.id, "ended");
    return { closedRound: closed === undefined ? undefined : Number(closed) };
  };

  /** The chat's active contest, else the one it created last (finished or cancelled), if any. */
  const latestForChat = async (chatId: number): Promise<Contest | undefined> => {
    const active = await activeForChat(chatId);
    if (active) return active;
    const id = await redis.get(chatKeys(prefix, chatId).lastContest);
    return id ? get(id) : undefined;
  };

  const judges = async (id: string): Promise<Judge[]> => {
    const all = await redis.hgetall(keysOf(id).judges);
    return Object.values(all)
      .map((json) => JudgeSchema.parse(JSON.parse(json)))
      .sort((a, b) => a.joinedAt - b.joinedAt || a.userId - b.userId);
  };

  const rounds = async (id: string): Promise<Map<number, RoundStatus>> => {
    const all = await redis.hgetall(keysOf(id).rounds);
    return new Map(
      Object.entries(all).map(([presenter, status]) => [Number(presenter), RoundStatusSchema.parse(status)] as const),
    );
  };

  const currentRound = async (id: string): Promise<number | undefined> => {
    const current = await redis.hget(keysOf(id).meta, "current");
    return current === null ? undefined : z.coerce.number().int().min(0).parse(current);
  };

  const chatLanguage = async (chatId: number): Promise<Locale | undefined> => {
    const parsed = LocaleSchema.safeParse(await redis.get(chatKeys(prefix, chatId).language));
    return parsed.success ? parsed.data : undefined;
  };

  const setChatLanguage = async (chatId: number, locale: Locale): Promise<void> => {
    await redis.set(chatKeys(prefix, chatId).language, locale);
  };

  return { get, activeForChat, latestForChat, create, save, end, judges, rounds, currentRound, chatLanguage, setChatLanguage };
};
export type ContestStore = ReturnType<typeof createContestStore>;
