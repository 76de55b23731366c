// The audit log: every event of a contest, appended to a Redis stream (`contestKeys().audit`) with
// its time, the acting user and the values. Nothing is ever trimmed from it while the contest
// exists (no MAXLEN).
//
// Events that change state inside a Lua script are appended by that script, in the same atomic
// step (ballot-state.lua: a recorded tap; submit-ballot.lua; open-round.lua; close-round.lua;
// enrol-judge.lua), so a change is never stored without its entry nor an entry without its change,
// and a refused action writes none. The other events (contest created, setup saved, finished,
// cancelled, a comment, …) go through `append` or `auditFields` here.
//
// Entry fields: type, at (ms since the epoch), by (Telegram user id; 0 = the bot itself, e.g. a
// timer), data (JSON object of the event's values; its shape per type is `AuditDataSchemas`).
import type { ChainableCommander } from "ioredis";
import { z } from "zod";
import { contestKeys } from "./keys.js";
import type { RedisClient } from "./scripts.js";

/** Who did something, and when. `by` 0 is the bot itself (a timer, a clean-up). */
export type Actor = { by: number; at: number };

/** The bot acting on its own, now. */
export const systemActor = (at = Date.now()): Actor => ({ by: 0, at });

const int = z.number().int();
const presenter = int.min(0);
const BallotData = z.object({
  presenter,
  scores: z.array(z.number()),
  abstain: z.boolean(),
  submittedAt: int,
  version: int.min(1),
  comment: z.string().optional(),
});
const JudgeData = z.object({
  userId: int,
  name: z.string(),
  panel: int,
  observer: z.boolean(),
  telegramName: z.string().optional(),
  entry: z.string().optional(),
  /** What the chair changed (judge-updated): the name or panel before is kept beside it. */
  change: z.enum(["moved", "renamed", "observer"]).optional(),
  previousName: z.string().optional(),
  previousPanel: int.optional(),
});
/** A roster entry and what happened to it; a token appears only as its first characters. */
const RosterData = z.object({
  entry: z.string(),
  name: z.string(),
  panel: int,
  observer: z.boolean(),
  change: z.enum(["added", "invited", "revoked", "moved", "renamed", "observer", "removed"]),
  token: z.string().max(8).optional(),
  userId: int.optional(),
  previousName: z.string().optional(),
  previousPanel: int.optional(),
});

/** The values each kind of event records. */
export const AuditDataSchemas = {
  "contest-created": z.object({ title: z.string(), chatId: int }),
  /** The whole contest definition as saved (without its status). */
  "setup-saved": z.object({ contest: z.record(z.string(), z.unknown()) }),
  "contest-finished": z.object({}),
  "contest-cancelled": z.object({}),
  "judge-enrolled": JudgeData,
  /** A judge joined again (e.g. another panel), or the chair moved, renamed or changed them: the judge as now stored. */
  "judge-updated": JudgeData,
  /** Join mode "approve": someone asked to judge and waits for the chair. */
  "judge-requested": JudgeData,
  /** The chair refused someone waiting for approval. */
  "judge-refused": z.object({ userId: int, name: z.string() }),
  /** The chair's roster: an entry added, its invitation issued or revoked, the entry changed or removed. */
  "roster-changed": RosterData,
  "round-opened": z.object({ presenter }),
  "round-reopened": z.object({ presenter }),
  "round-closed": z.object({ presenter }),
  /** One tap that recorded a criterion's value in the judge's draft. */
  "ballot-drafted": z.object({ presenter, criterion: int.min(0), value: z.number() }),
  /** The ballot as stored by a first submit. */
  "ballot-submitted": BallotData,
  /** The ballot as stored by a later submit (version > 1). */
  "ballot-changed": BallotData,
  "ballot-removed": z.object({ presenter, judgeId: int, reason: z.string().optional() }),
  "comment": z.object({ presenter, text: z.string() }),
  /** The chair's confirmed order of tied units (tie-break rule "chair"), best first. */
  "tiebreak-decided": z.object({ order: z.array(presenter) }),
  /** The chair's draw of the presenting order (抽签): seed, rule, resulting order, the places drawn. */
  "order-drawn": z.object({
    seed: z.string(),
    scope: z.enum(["group", "all"]),
    method: z.string(),
    order: z.array(presenter),
    drawn: z.array(presenter),
  }),
  /** The chair's speaking timer (/timer): started for `seconds` (for presenter, null when none), or stopped. */
  "speaking-timer": z.object({ action: z.enum(["started", "stopped"]), presenter: presenter.nullable(), seconds: int.min(0) }),
  /**
   * What the scoreboard shows changed: the chair switched it (/screen join|board, the console), or
   * a round opened (reason "round-opened"; by is the chair who opened it) and brought the board back.
   */
  "screen-view": z.object({ view: z.enum(["board", "join"]), reason: z.enum(["round-opened"]).optional() }),
} as const;

export type AuditType = keyof typeof AuditDataSchemas;
export const AUDIT_TYPES = Object.keys(AuditDataSchemas) as AuditType[];

export type AuditEvent = {
  [K in AuditType]: { type: K; data: z.infer<(typeof AuditDataSchemas)[K]> };
}[AuditType];

export type AuditEntry = AuditEvent & Actor & { /** stream entry id */ id: string };

const EntryFieldsSchema = z.object({
  type: z.enum(AUDIT_TYPES as [AuditType, ...AuditType[]]),
  at: z.coerce.number().int(),
  by: z.coerce.number().int(),
  data: z.string(),
});

/** The XADD field list of an event (after the key and id). */
export const auditFields = (event: AuditEvent, actor: Actor): string[] => [
  "type",
  event.type,
  "at",
  String(actor.at),
  "by",
  String(actor.by),
  "data",
  JSON.stringify(AuditDataSchemas[event.type].parse(event.data)),
];

/** The data field of an event, checked against its schema (for Lua scripts that append it). */
export const auditData = (event: AuditEvent): string => JSON.stringify(AuditDataSchemas[event.type].parse(event.data));

/** Parses one stream entry (id and flat field list as XRANGE returns them). */
export const parseAuditEntry = (id: string, flat: string[]): AuditEntry => {
  const fields: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) fields[flat[i]!] = flat[i + 1]!;
  const { type, at, by, data } = EntryFieldsSchema.parse(fields);
  const parsed = AuditDataSchemas[type].parse(JSON.parse(data));
  return { id, type, at, by, data: parsed } as AuditEntry;
};

export const createAuditStore = (redis: RedisClient, prefix: string) => {
  const key = (contestId: string) => contestKeys(prefix, contestId).audit;

  /** Appends one event; resolves with its stream id. */
  const append = async (contestId: string, event: AuditEvent, actor: Actor): Promise<string> => {
    const id = await redis.xadd(key(contestId), "*", ...auditFields(event, actor));
    if (!id) throw new Error("XADD returned no id");
    return id;
  };

  /** Every entry of a contest, oldest first (or a page of them: after `after`, at most `count`). */
  const read = async (contestId: string, page: { after?: string; count?: number } = {}): Promise<AuditEntry[]> => {
    const start = page.after ? `(${page.after}` : "-";
    const entries = page.count
      ? await redis.xrange(key(contestId), start, "+", "COUNT", page.count)
      : await redis.xrange(key(contestId), start, "+");
    return entries.map(([id, flat]) => parseAuditEntry(id, flat));
  };

  const length = (contestId: string): Promise<number> => redis.xlen(key(contestId));

  return { append, read, length };
};
export type AuditStore = ReturnType<typeof createAuditStore>;

/** Runs a MULTI and throws the first error any of its commands answered. */
export const execOrThrow = async (chain: ChainableCommander): Promise<unknown[]> => {
  const replies = await chain.exec();
  if (!replies) throw new Error("transaction aborted");
  return replies.map(([error, reply]) => {
    if (error) throw error;
    return reply;
  });
};
