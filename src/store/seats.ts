// Seats: the roster (judges the chair named), their personal invitations, the panels' join codes
// and judges waiting for approval. A token's record lives in its contest's `seats` hash and is
// consumed by one Lua step (seat-judge.lua) with the judge's enrolment; the global
// `seat:<token>` key only says which contest to look in.
import { randomBytes } from "node:crypto";
import { JudgeSchema, type Judge, type JoinMode } from "../domain/contest.js";
import { conflictMember } from "../domain/integrity.js";
import { RosterEntrySchema, SeatSchema, seatLink, tokenPrefix, type RosterEntry, type Seat } from "../domain/seats.js";
import type { RosterLine } from "../domain/roster-lines.js";
import { auditData, auditFields, execOrThrow, type Actor, type AuditEvent } from "./audit.js";
import { optionalString, replyCode } from "./codes.js";
import type { PublishEvent } from "./events.js";
import { contestKeys, seatKeys, userKeys } from "./keys.js";
import type { RedisClient } from "./scripts.js";

/** How long the token -> contest index is kept (a contest's tokens are void once it ends anyway). */
const SEAT_INDEX_TTL_S = 180 * 24 * 3600;

/** 128 random bits, base64url: 22 characters, fits a deep link's 64. */
export const newSeatToken = (): string => randomBytes(16).toString("base64url");
const newEntryId = (): string => randomBytes(6).toString("hex").slice(0, 8);

export type FoundSeat = { contestId: string; token: string; seat: Seat; json: string };

export type SeatJudgeRequest = {
  contestId: string;
  judge: Judge;
  /** "pending": wait for the chair's approval instead of enrolling. */
  target: "judge" | "pending";
  /** The invitation being used, and its entry, as read. */
  invitation?: { found: FoundSeat; entry: RosterEntry; entryJson: string };
  /** The entry a contest file named this account in (bound without an invitation). */
  entry?: { entry: RosterEntry; entryJson: string };
  conflicts: number[];
  /** /lockjudges applies (not to invitations: the chair named those judges). */
  checkLock: boolean;
  /** The join mode the caller decided under; the step refuses if it changed meanwhile. */
  mode?: JoinMode;
};

export type SeatJudgeResult =
  | { code: "OK"; judges: number }
  | { code: "ALREADY"; judge: Judge }
  | { code: "PENDING"; isNew: boolean }
  | { code: "LOCKED" | "CONTEST_ENDED" | "NO_CONTEST" | "RETRY" };

/** One compare-and-set change of an entry, a seat and/or a judge (see roster-write.lua). */
export type RosterChange = {
  entry?: { id: string; read: string; next: RosterEntry | null };
  seat?: { token: string; read: string; next: Seat | null };
  judge?: { id: number; read: string; next: Judge };
};

export const createSeatStore = (redis: RedisClient, prefix: string, publish: PublishEvent) => {
  const keysOf = (contestId: string) => contestKeys(prefix, contestId);

  const rosterWithJson = async (contestId: string): Promise<Array<{ entry: RosterEntry; json: string }>> =>
    Object.values(await redis.hgetall(keysOf(contestId).roster))
      .map((json) => ({ entry: RosterEntrySchema.parse(JSON.parse(json)), json }))
      .sort((a, b) => a.entry.createdAt - b.entry.createdAt || a.entry.name.localeCompare(b.entry.name));

  /** The roster in the order it was listed. */
  const roster = async (contestId: string): Promise<RosterEntry[]> => (await rosterWithJson(contestId)).map((r) => r.entry);

  const entry = async (contestId: string, id: string): Promise<{ entry: RosterEntry; json: string } | undefined> => {
    const json = await redis.hget(keysOf(contestId).roster, id);
    return json ? { entry: RosterEntrySchema.parse(JSON.parse(json)), json } : undefined;
  };

  const seatJson = (contestId: string, token: string): Promise<string | null> => redis.hget(keysOf(contestId).seats, token);

  /** The seat a token names, wherever it is; undefined for a token nobody issued. */
  const find = async (token: string): Promise<FoundSeat | undefined> => {
    const contestId = await redis.get(seatKeys(prefix, token).contest);
    if (!contestId) return undefined;
    const json = await seatJson(contestId, token);
    return json ? { contestId, token, seat: SeatSchema.parse(JSON.parse(json)), json } : undefined;
  };

  const indexTokens = async (contestId: string, tokens: string[]) => {
    // One key per token (any Redis Cluster slot), written before the contest's records that name it.
    await Promise.all(tokens.map((token) => redis.set(seatKeys(prefix, token).contest, contestId, "EX", SEAT_INDEX_TTL_S)));
  };

  const rosterEvent = (e: RosterEntry, change: "added" | "invited" | "revoked" | "moved" | "renamed" | "observer" | "removed", extra: Record<string, unknown> = {}): AuditEvent => ({
    type: "roster-changed",
    data: {
      entry: e.id,
      name: e.name,
      panel: e.panel,
      observer: e.observer,
      change,
      ...(e.token ? { token: tokenPrefix(e.token) } : {}),
      ...(e.userId === undefined ? {} : { userId: e.userId }),
      ...extra,
    },
  });

  /** Adds roster entries, each with a fresh invitation; all of them or none. */
  const addEntries = async (contestId: string, lines: readonly RosterLine[], actor: Actor): Promise<RosterEntry[]> => {
    const keys = keysOf(contestId);
    // Entries listed together keep their order: one millisecond apart.
    const ordered = lines.map(
      (line, i): RosterEntry => RosterEntrySchema.parse({ ...line, id: newEntryId(), token: newSeatToken(), createdAt: actor.at + i }),
    );
    await indexTokens(contestId, ordered.map((e) => e.token!));
    const multi = redis.multi();
    for (const e of ordered) {
      const seat: Seat = { kind: "invite", entry: e.id, createdAt: actor.at, revoked: false };
      multi.hset(keys.roster, e.id, JSON.stringify(e)).hset(keys.seats, e.token!, JSON.stringify(seat));
      multi.xadd(keys.audit, "*", ...auditFields(rosterEvent(e, "added"), actor));
    }
    await execOrThrow(multi);
    await publish(contestId, "judges");
    return ordered;
  };

  /** Seats a judge (see seat-judge.lua); RETRY means something changed since the caller read it. */
  const seatJudge = async (request: SeatJudgeRequest): Promise<SeatJudgeResult> => {
    const keys = keysOf(request.contestId);
    const { judge, invitation } = request;
    const bound = invitation?.entry ?? request.entry?.entry;
    const entryRead = invitation?.entryJson ?? request.entry?.entryJson ?? "";
    const seat = invitation?.found.seat;
    const usedSeat = seat?.kind === "invite" ? JSON.stringify({ ...seat, usedBy: judge.userId, usedAt: judge.joinedAt } satisfies Seat) : "";
    const event: AuditEvent = { type: request.target === "pending" ? "judge-requested" : "judge-enrolled", data: judge };
    const reply = await redis.seatJudge(
      keys.meta,
      keys.judges,
      keys.seats,
      keys.roster,
      keys.pending,
      keys.conflicts,
      keys.audit,
      judge.userId,
      JSON.stringify(judge),
      judge.joinedAt,
      invitation?.found.token ?? "",
      invitation?.found.json ?? "",
      usedSeat,
      bound?.id ?? "",
      entryRead,
      bound ? JSON.stringify({ ...bound, boundTo: judge.userId }) : "",
      request.target,
      request.conflicts.map((p) => conflictMember(judge.userId, p)).join(" "),
      auditData(event),
      request.checkLock ? "1" : "0",
      request.mode ?? "",
    );
    const code = replyCode(reply);
    if (code === "OK") {
      await publish(request.contestId, "judges");
      return { code, judges: Number(reply[1] ?? 0) };
    }
    if (code === "ALREADY") return { code, judge: JudgeSchema.parse(JSON.parse(optionalString(reply[1]) ?? "null")) };
    if (code === "PENDING") return { code, isNew: Number(reply[1]) === 1 };
    if (code === "LOCKED" || code === "CONTEST_ENDED" || code === "NO_CONTEST" || code === "RETRY") return { code };
    throw new Error(`unexpected seat-judge reply ${code}`);
  };

  /** Judges waiting for the chair's approval, oldest first. */
  const pending = async (contestId: string): Promise<Judge[]> =>
    Object.values(await redis.hgetall(keysOf(contestId).pending))
      .map((json) => JudgeSchema.parse(JSON.parse(json)))
      .sort((a, b) => a.joinedAt - b.joinedAt);

  /** The chair's ✅ (enrol) or ✖ (refuse) for a judge waiting for approval. */
  const decide = async (
    contestId: string,
    userId: number,
    approve: boolean,
    actor: Actor,
  ): Promise<{ code: "OK" | "ALREADY"; judge: Judge } | { code: "NOT_JUDGE" | "CONTEST_ENDED" }> => {
    const keys = keysOf(contestId);
    const waiting = await redis.hget(keys.pending, String(userId));
    const name = waiting ? JudgeSchema.parse(JSON.parse(waiting)).name : "";
    const refused = auditData({ type: "judge-refused", data: { userId, name } });
    const reply = await redis.decidePending(keys.meta, keys.judges, keys.pending, keys.audit, userId, approve ? "1" : "0", actor.at, actor.by, refused);
    const code = replyCode(reply);
    if (code === "OK" || code === "ALREADY") {
      if (approve) await publish(contestId, "judges");
      return { code, judge: JudgeSchema.parse(JSON.parse(optionalString(reply[1]) ?? "null")) };
    }
    if (code === "NOT_JUDGE" || code === "CONTEST_ENDED") return { code };
    throw new Error(`unexpected decide-pending reply ${code}`);
  };

  /** Writes one change if nothing it touches changed since it was read; false otherwise. */
  const write = async (contestId: string, change: RosterChange, event: AuditEvent, actor: Actor): Promise<boolean> => {
    const keys = keysOf(contestId);
    if (change.seat?.next) await indexTokens(contestId, [change.seat.token]);
    const reply = await redis.rosterWrite(
      keys.roster,
      keys.seats,
      keys.judges,
      keys.audit,
      change.entry?.id ?? "",
      change.entry?.read ?? "",
      change.entry ? (change.entry.next ? JSON.stringify(change.entry.next) : "") : "",
      change.seat?.token ?? "",
      change.seat?.read ?? "",
      change.seat ? (change.seat.next ? JSON.stringify(change.seat.next) : "") : "",
      change.judge ? String(change.judge.id) : "",
      change.judge?.read ?? "",
      change.judge ? JSON.stringify(change.judge.next) : "",
      event.type,
      auditData(event),
      actor.at,
      actor.by,
    );
    const ok = replyCode(reply) === "OK";
    if (ok) await publish(contestId, "judges");
    return ok;
  };

  /** Each panel's join code (one per panel; panel 0 only without panels), creating missing ones. */
  const ensurePanelCodes = async (contestId: string, panelCount: number, actor: Actor): Promise<Array<{ panel: number; token: string }>> => {
    const have = await panelCodes(contestId);
    const missing = Array.from({ length: Math.max(panelCount, 1) }, (_, panel) => panel).filter((p) => !have.some((c) => c.panel === p));
    if (missing.length === 0) return have;
    const created = missing.map((panel) => ({ panel, token: newSeatToken() }));
    await indexTokens(contestId, created.map((c) => c.token));
    const keys = keysOf(contestId);
    const multi = redis.multi();
    for (const { panel, token } of created) {
      const seat: Seat = { kind: "code", panel, createdAt: actor.at, revoked: false };
      // HSETNX: a code created meanwhile by another replica is kept; ours is simply never used.
      multi.hsetnx(keys.seats, token, JSON.stringify(seat));
    }
    await execOrThrow(multi);
    return panelCodes(contestId);
  };

  /** The panels' join codes (unrevoked), one per panel, by panel; the oldest wins if two exist. */
  const panelCodes = async (contestId: string): Promise<Array<{ panel: number; token: string }>> => {
    const byPanel = new Map<number, { token: string; createdAt: number }>();
    for (const [token, json] of Object.entries(await redis.hgetall(keysOf(contestId).seats))) {
      const seat = SeatSchema.parse(JSON.parse(json));
      if (seat.kind !== "code" || seat.revoked) continue;
      const seen = byPanel.get(seat.panel);
      if (!seen || seat.createdAt < seen.createdAt || (seat.createdAt === seen.createdAt && token < seen.token))
        byPanel.set(seat.panel, { token, createdAt: seat.createdAt });
    }
    return [...byPanel].sort(([a], [b]) => a - b).map(([panel, { token }]) => ({ panel, token }));
  };

  /**
   * The contest's panel join links (for the scoreboard's join view): one per panel that has a code,
   * `url` = https://t.me/<bot>?start=<token>. Read-only: codes are created by the chair's /join.
   */
  const panelJoinLinks = async (contestId: string, botUsername: string): Promise<Array<{ panel: number; token: string; url: string }>> =>
    (await panelCodes(contestId)).map((c) => ({ ...c, url: seatLink(botUsername, c.token) }));

  /** The chair's next private text renames `target` (a roster entry id or "u<user id>") of the contest. */
  const awaitRename = async (userId: number, contestId: string, target: string, ttlSeconds: number): Promise<void> => {
    await redis.set(userKeys(prefix, userId).pendingRename, `${contestId}|${target}`, "EX", ttlSeconds);
  };

  /** Takes (and clears) the rename the chair asked for, if any. */
  const takeRename = async (userId: number): Promise<{ contestId: string; target: string } | undefined> => {
    const value = await redis.getdel(userKeys(prefix, userId).pendingRename);
    const match = value ? /^([a-z0-9]{6,12})\|([0-9a-f]{8}|u\d{1,16})$/.exec(value) : null;
    return match ? { contestId: match[1]!, target: match[2]! } : undefined;
  };

  return { awaitRename, takeRename, roster, rosterWithJson, entry, seatJson, find, addEntries, seatJudge, pending, decide, write, ensurePanelCodes, panelCodes, panelJoinLinks, rosterEvent };
};
export type SeatStore = ReturnType<typeof createSeatStore>;
