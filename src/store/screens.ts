// Scoreboard links: a random token bound to one contest, revocable by the chair.
// Two keys agree while a token is valid: token -> contest id, and the contest's current token.
// A token is valid only when both point at each other, so a half-finished write or a revoke
// that stopped half way never leaves a working link behind.
import { randomBytes } from "node:crypto";
import type { PublishEvent } from "./events.js";
import { contestKeys, screenKeys } from "./keys.js";
import type { RedisClient } from "./scripts.js";

/** 144 random bits, base64url: 24 characters. */
export const newScreenToken = (): string => randomBytes(18).toString("base64url");

/** The shape of a token; anything else is refused before Redis is asked. */
export const SCREEN_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;

export const createScreenStore = (redis: RedisClient, prefix: string, publish: PublishEvent) => {
  /** The contest's token, made on first use; the same token until it is revoked. */
  const ensure = async (contestId: string): Promise<string> => {
    const pointer = contestKeys(prefix, contestId).screen;
    const existing = await redis.get(pointer);
    if (existing && (await redis.get(screenKeys(prefix, existing).contest)) === contestId) return existing;
    if (existing) await redis.del(pointer);
    const token = newScreenToken();
    await redis.set(screenKeys(prefix, token).contest, contestId);
    if ((await redis.set(pointer, token, "NX")) === "OK") return token;
    // Another /screen won the race: use its token (its lookup key was written before its pointer).
    await redis.del(screenKeys(prefix, token).contest);
    const winner = await redis.get(pointer);
    if (!winner) throw new Error("scoreboard token vanished while being created");
    return winner;
  };

  /** The contest id a token shows, or undefined for a malformed, unknown or revoked token. */
  const resolve = async (token: string): Promise<string | undefined> => {
    if (!SCREEN_TOKEN_PATTERN.test(token)) return undefined;
    const contestId = await redis.get(screenKeys(prefix, token).contest);
    if (!contestId) return undefined;
    return (await redis.get(contestKeys(prefix, contestId).screen)) === token ? contestId : undefined;
  };

  /** Makes the contest's link stop working; true when there was one. */
  const revoke = async (contestId: string): Promise<boolean> => {
    const pointer = contestKeys(prefix, contestId).screen;
    const token = await redis.get(pointer);
    if (!token) return false;
    await redis.del(pointer);
    await redis.del(screenKeys(prefix, token).contest);
    await publish(contestId, "screen-revoked");
    return true;
  };

  return { ensure, resolve, revoke };
};
export type ScreenStore = ReturnType<typeof createScreenStore>;
