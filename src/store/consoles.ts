// The chairs' private consoles: which message is whose console, the step a console is asking its
// chair to confirm, and notices the bot gives once per contest (the /start hint, "all ballots in").
import { z } from "zod";
import { ContestIdSchema } from "../domain/contest.js";
import { contestKeys, userKeys } from "./keys.js";
import type { RedisClient } from "./scripts.js";

/** A confirmation waits this long for its tap; after that the console shows its buttons again. */
export const CONSOLE_ASK_TTL_MS = 120_000;

export const ConsoleAskSchema = z.union([
  z.object({ step: z.literal("close"), presenter: z.number().int().min(0) }),
  z.object({ step: z.literal("finish") }),
  z.object({ step: z.literal("reopen") }),
]);
export type ConsoleAsk = z.infer<typeof ConsoleAskSchema>;

/** The notice said once when every ballot of a round is in (claimed by submit-ballot.lua). */
export const allInNotice = (presenter: number): string => `all-in:${presenter}`;

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

export const createConsoleStore = (redis: RedisClient, prefix: string) => {
  const keys = (contestId: string) => contestKeys(prefix, contestId);

  /** chair user id -> console message id, for every chair who has one. */
  const all = async (contestId: string): Promise<Map<number, number>> => {
    const stored = await redis.hgetall(keys(contestId).consoles);
    return new Map(Object.entries(stored).map(([userId, messageId]) => [Number(userId), Number(messageId)]));
  };

  const get = async (contestId: string, userId: number): Promise<number | undefined> => {
    const id = await redis.hget(keys(contestId).consoles, String(userId));
    return id === null ? undefined : Number(id);
  };

  /** Records the chair's console message (replacing an older one). */
  const set = async (contestId: string, userId: number, messageId: number): Promise<void> => {
    await redis.hset(keys(contestId).consoles, String(userId), messageId);
    await redis.sadd(userKeys(prefix, userId).consoles, contestId);
  };

  /** Forgets a console that cannot be edited any more (deleted, or the chair blocked the bot). */
  const forget = async (contestId: string, userId: number): Promise<void> => {
    await redis.hdel(keys(contestId).consoles, String(userId));
    await redis.srem(userKeys(prefix, userId).consoles, contestId);
  };

  /** The contests whose console the user has (malformed members are skipped). */
  const contestsOf = async (userId: number): Promise<string[]> =>
    (await redis.smembers(userKeys(prefix, userId).consoles)).filter((id) => ContestIdSchema.safeParse(id).success);

  const ask = async (contestId: string, userId: number, value: ConsoleAsk): Promise<void> => {
    await redis.set(keys(contestId).consoleAsk(userId), JSON.stringify(value), "PX", CONSOLE_ASK_TTL_MS);
  };

  /** The step the chair's console is asking to confirm, if any (and still fresh). */
  const asking = async (contestId: string, userId: number): Promise<ConsoleAsk | undefined> => {
    const stored = await redis.get(keys(contestId).consoleAsk(userId));
    const parsed = stored === null ? undefined : ConsoleAskSchema.safeParse(parseJson(stored));
    return parsed?.success ? parsed.data : undefined;
  };

  const clearAsk = async (contestId: string, userId: number): Promise<void> => {
    await redis.del(keys(contestId).consoleAsk(userId));
  };

  /** True the first time `notice` is claimed for the contest, false ever after. */
  const claimNotice = async (contestId: string, notice: string): Promise<boolean> =>
    (await redis.hsetnx(keys(contestId).notices, notice, "1")) === 1;

  return { all, get, set, forget, contestsOf, ask, asking, clearAsk, claimNotice };
};
export type ConsoleStore = ReturnType<typeof createConsoleStore>;
