// "Contest changed" events over Redis pub/sub, so every replica (and every scoreboard it serves)
// hears of a change whichever replica handled it. An event says only what changed, never who:
// readers fetch the state they need themselves.
import type { Cluster, Redis } from "ioredis";
import { z } from "zod";
import { eventsChannel } from "./keys.js";

export const ContestEventKindSchema = z.enum([
  /** a ballot was submitted (or changed) */
  "ballot",
  "round-opened",
  "round-closed",
  /** a judge joined */
  "judges",
  /** the setup (title, presenters, …) was saved */
  "setup",
  /** finished or cancelled */
  "ended",
  /** the scoreboard link was revoked */
  "screen-revoked",
  /** the presenting order was drawn (/draw) */
  "draw",
  /** a round got its deadline (/open n <minutes>), or the chair started or stopped a speaking timer (/timer) */
  "timer",
  /** the chair switched what the scoreboard shows (/screen join|board) */
  "screen-view",
]);
export type ContestEventKind = z.infer<typeof ContestEventKindSchema>;

export const ContestEventSchema = z.object({ contestId: z.string().min(1), kind: ContestEventKindSchema });
export type ContestEvent = z.infer<typeof ContestEventSchema>;

export type PublishEvent = (contestId: string, kind: ContestEventKind) => Promise<void>;

/**
 * Publishes a change. Never throws: the change itself is already stored, and a scoreboard that
 * misses an event catches up when it reconnects, so a failed publish must not fail the caller.
 */
export const eventMessage = (contestId: string, kind: ContestEventKind): string =>
  JSON.stringify({ contestId, kind } satisfies ContestEvent);

export const createEventPublisher = (redis: Redis | Cluster, prefix: string): PublishEvent => {
  const channel = eventsChannel(prefix);
  return async (contestId, kind) => {
    await redis.publish(channel, eventMessage(contestId, kind)).catch(() => 0);
  };
};

export type ContestEventSubscription = { close(): Promise<void> };

/**
 * Listens for events on a connection of its own (a subscribed connection can do nothing else);
 * `connection` is typically `redis.duplicate()` and is closed by `close()`. Malformed messages
 * are ignored. ioredis re-subscribes by itself after a reconnect; events published while the
 * connection was down are lost, so `onReconnect` is called then for the listener to catch up.
 */
export const subscribeContestEvents = async (
  connection: Redis | Cluster,
  prefix: string,
  onEvent: (event: ContestEvent) => void,
  onReconnect?: () => void,
): Promise<ContestEventSubscription> => {
  const channel = eventsChannel(prefix);
  let subscribed = false;
  connection.on("ready", () => {
    if (subscribed) onReconnect?.();
  });
  connection.on("message", (from: string, message: string) => {
    if (from !== channel) return;
    let parsed: ReturnType<typeof ContestEventSchema.safeParse>;
    try {
      parsed = ContestEventSchema.safeParse(JSON.parse(message));
    } catch {
      return;
    }
    if (parsed.success) onEvent(parsed.data);
  });
  await connection.subscribe(channel);
  subscribed = true;
  return {
    async close() {
      try {
        await connection.quit();
      } catch {
        connection.disconnect();
      }
    },
  };
};
