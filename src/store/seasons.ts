// Seasons: their definition, the frozen snapshots of their contests and their audit log, under the
// season's own hash tag {seasonId}; plus each chat's current season, its finished contests and
// which season each contest went into. Everything read back is parsed.
import { z } from "zod";
import { ContestIdSchema } from "../domain/contest.js";
import {
  AliasSchema,
  ContestSnapshotSchema,
  SeasonIdSchema,
  SeasonRulesSchema,
  SeasonSchema,
  SeasonStatusSchema,
  type ContestSnapshot,
  type Season,
} from "../domain/season.js";
import { execOrThrow, type Actor } from "./audit.js";
import { seasonChatKeys, seasonKeys, seasonScreenKey, userSeasonsKey } from "./keys.js";
import { newScreenToken, SCREEN_TOKEN_PATTERN } from "./screens.js";
import type { RedisClient } from "./scripts.js";

/** What the meta hash's "season" field holds: the season without its status. */
const StoredSeasonSchema = SeasonSchema.omit({ status: true });

const int = z.number().int();

/** The values each kind of season event records. */
export const SeasonAuditSchemas = {
  "season-created": z.object({ name: z.string(), chatId: int }),
  "season-group-joined": z.object({ chatId: int }),
  "season-rules-set": z.object({ rules: SeasonRulesSchema }),
  "season-alias-added": AliasSchema,
  /** The snapshot as frozen into the season. */
  "season-contest-added": ContestSnapshotSchema,
  /** The snapshot that replaced the earlier one of the same contest. */
  "season-contest-replaced": ContestSnapshotSchema,
  "season-closed": z.object({}),
} as const;

export type SeasonAuditType = keyof typeof SeasonAuditSchemas;
const SEASON_AUDIT_TYPES = Object.keys(SeasonAuditSchemas) as [SeasonAuditType, ...SeasonAuditType[]];

export type SeasonAuditEntry = { id: string; type: SeasonAuditType; at: number; by: number; data: unknown };

const AuditFieldsSchema = z.object({ type: z.enum(SEASON_AUDIT_TYPES), at: z.coerce.number().int(), by: z.coerce.number().int(), data: z.string() });

export type SeasonWriteCode = "OK" | "CLOSED" | "MISSING";

/** A season change: the new definition, and the event that says what changed. */
export type SeasonChange =
  | { type: "season-group-joined"; data: z.infer<(typeof SeasonAuditSchemas)["season-group-joined"]> }
  | { type: "season-rules-set"; data: z.infer<(typeof SeasonAuditSchemas)["season-rules-set"]> }
  | { type: "season-alias-added"; data: z.infer<(typeof SeasonAuditSchemas)["season-alias-added"]> };

const serialize = (season: Season): string => {
  const { status: _status, ...rest } = season;
  return JSON.stringify(StoredSeasonSchema.parse(rest));
};

const codeOf = (reply: Array<string | number | null>): SeasonWriteCode => z.enum(["OK", "CLOSED", "MISSING"]).parse(reply[0]);

export const createSeasonStore = (redis: RedisClient, prefix: string) => {
  const keysOf = (id: string) => seasonKeys(prefix, id);
  const chatOf = (chatId: number) => seasonChatKeys(prefix, chatId);

  const get = async (id: string): Promise<Season | undefined> => {
    if (!SeasonIdSchema.safeParse(id).success) return undefined;
    const [json, status] = await redis.hmget(keysOf(id).meta, "season", "status");
    if (!json || !status) return undefined;
    return SeasonSchema.parse({ ...StoredSeasonSchema.parse(JSON.parse(json)), status: SeasonStatusSchema.parse(status) });
  };

  /** Stores a new season, makes it the current one of its first chat and indexes its name. */
  const create = async (season: Season, actor: Actor): Promise<void> => {
    const keys = keysOf(season.id);
    const chatId = season.chats[0]!;
    const data = JSON.stringify(SeasonAuditSchemas["season-created"].parse({ name: season.name, chatId }));
    await execOrThrow(
      redis
        .multi()
        .hset(keys.meta, "season", serialize(season), "status", season.status)
        .xadd(keys.audit, "*", "type", "season-created", "at", String(actor.at), "by", String(actor.by), "data", data),
    );
    await Promise.all([
      redis.set(chatOf(chatId).current, season.id),
      redis.hset(chatOf(chatId).names, season.name, season.id),
      redis.hset(userSeasonsKey(prefix, season.ownerId), season.name, season.id),
    ]);
  };

  const write = async (seasonId: string, args: Array<string | number>): Promise<{ code: SeasonWriteCode; replaced: boolean }> => {
    const keys = keysOf(seasonId);
    const reply = await redis.seasonWrite(keys.meta, keys.snapshots, keys.audit, ...args);
    return { code: codeOf(reply), replaced: reply[1] === 1 };
  };

  /** Saves a changed definition of an open season with the event saying what changed. */
  const save = async (season: Season, change: SeasonChange, actor: Actor): Promise<SeasonWriteCode> => {
    const data = JSON.stringify(SeasonAuditSchemas[change.type].parse(change.data));
    const { code } = await write(season.id, ["save", serialize(season), "", change.type, actor.at, actor.by, data]);
    if (code === "OK" && change.type === "season-group-joined") {
      await Promise.all([redis.hset(chatOf(change.data.chatId).names, season.name, season.id), redis.set(chatOf(change.data.chatId).current, season.id)]);
    }
    return code;
  };

  /** Freezes the season: nothing can be added or changed afterwards. */
  const close = async (season: Season, actor: Actor): Promise<SeasonWriteCode> => {
    const closed = { ...season, closedAt: actor.at };
    const { code } = await write(season.id, ["close", serialize(closed), "", "season-closed", actor.at, actor.by, "{}"]);
    return code;
  };

  /**
   * Freezes a contest's snapshot into an open season (replacing an earlier one of the same
   * contest), audited with the snapshot; records which season the contest went into.
   */
  const putSnapshot = async (seasonId: string, snapshot: ContestSnapshot, actor: Actor): Promise<{ code: SeasonWriteCode; replaced: boolean }> => {
    const json = JSON.stringify(ContestSnapshotSchema.parse(snapshot));
    const result = await write(seasonId, ["snapshot", json, snapshot.contestId, "season-contest-added", actor.at, actor.by, json, "season-contest-replaced"]);
    if (result.code === "OK") await redis.hset(chatOf(snapshot.chatId).placed, snapshot.contestId, seasonId);
    return result;
  };

  const snapshots = async (seasonId: string): Promise<ContestSnapshot[]> => {
    const all = await redis.hgetall(keysOf(seasonId).snapshots);
    return Object.values(all).map((json) => ContestSnapshotSchema.parse(JSON.parse(json)));
  };

  const snapshot = async (seasonId: string, contestId: string): Promise<ContestSnapshot | undefined> => {
    const json = await redis.hget(keysOf(seasonId).snapshots, contestId);
    return json ? ContestSnapshotSchema.parse(JSON.parse(json)) : undefined;
  };

  const currentForChat = async (chatId: number): Promise<Season | undefined> => {
    const id = await redis.get(chatOf(chatId).current);
    return id ? get(id) : undefined;
  };

  const setCurrent = async (chatId: number, seasonId: string): Promise<void> => {
    await redis.set(chatOf(chatId).current, seasonId);
  };

  /** The season of that name this chat belongs to, if any. */
  const byName = async (chatId: number, name: string): Promise<Season | undefined> => {
    const id = await redis.hget(chatOf(chatId).names, name);
    return id ? get(id) : undefined;
  };

  /** The season of that name the user created, in any chat, if any. */
  const ownedByName = async (userId: number, name: string): Promise<Season | undefined> => {
    const id = await redis.hget(userSeasonsKey(prefix, userId), name);
    return id ? get(id) : undefined;
  };

  /** Notes that a contest of the chat finished (/finish), for /season add. */
  const recordFinished = async (chatId: number, contestId: string, at: number): Promise<void> => {
    await redis.zadd(chatOf(chatId).finished, at, contestId);
  };

  /** The chat's finished contests, oldest first, with when each finished. */
  const finishedContests = async (chatId: number): Promise<{ contestId: string; at: number }[]> => {
    const flat = await redis.zrange(chatOf(chatId).finished, 0, -1, "WITHSCORES");
    const rows: { contestId: string; at: number }[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) rows.push({ contestId: ContestIdSchema.parse(flat[i]), at: z.coerce.number().parse(flat[i + 1]) });
    return rows;
  };

  const finishedAt = async (chatId: number, contestId: string): Promise<number | undefined> => {
    const score = await redis.zscore(chatOf(chatId).finished, contestId);
    return score === null ? undefined : Number(score);
  };

  /** Which season each of the chat's contests went into. */
  const placements = async (chatId: number): Promise<Map<string, string>> =>
    new Map(Object.entries(await redis.hgetall(chatOf(chatId).placed)));

  const audit = async (seasonId: string): Promise<SeasonAuditEntry[]> => {
    const entries = await redis.xrange(keysOf(seasonId).audit, "-", "+");
    return entries.map(([id, flat]) => {
      const fields: Record<string, string> = {};
      for (let i = 0; i + 1 < flat.length; i += 2) fields[flat[i]!] = flat[i + 1]!;
      const { type, at, by, data } = AuditFieldsSchema.parse(fields);
      return { id, type, at, by, data: SeasonAuditSchemas[type].parse(JSON.parse(data)) };
    });
  };

  // Scoreboard links of a season, as for a contest (screens.ts): token -> season id and the season's
  // current token must agree, so a half-done write or revoke never leaves a working link.
  const ensureScreen = async (seasonId: string): Promise<string> => {
    const pointer = keysOf(seasonId).screen;
    const existing = await redis.get(pointer);
    if (existing && (await redis.get(seasonScreenKey(prefix, existing))) === seasonId) return existing;
    const token = newScreenToken();
    await redis.set(seasonScreenKey(prefix, token), seasonId);
    await redis.set(pointer, token);
    if (existing) await redis.del(seasonScreenKey(prefix, existing));
    return token;
  };

  const screenSeason = async (token: string): Promise<string | undefined> => {
    if (!SCREEN_TOKEN_PATTERN.test(token)) return undefined;
    const seasonId = await redis.get(seasonScreenKey(prefix, token));
    if (!seasonId || !SeasonIdSchema.safeParse(seasonId).success) return undefined;
    return (await redis.get(keysOf(seasonId).screen)) === token ? seasonId : undefined;
  };

  const revokeScreen = async (seasonId: string): Promise<boolean> => {
    const token = await redis.get(keysOf(seasonId).screen);
    if (!token) return false;
    await redis.del(keysOf(seasonId).screen);
    await redis.del(seasonScreenKey(prefix, token));
    return true;
  };

  return { ensureScreen, screenSeason, revokeScreen, get, create, save, close, putSnapshot, snapshot, snapshots, currentForChat, setCurrent, byName, ownedByName, recordFinished, finishedContests, finishedAt, placements, audit };
};
export type SeasonStore = ReturnType<typeof createSeasonStore>;
