// Opening and closing rounds, atomically (see scripts/open-round.lua, close-round.lua).
import { contestKeys } from "./keys.js";
import { replyCode, optionalString } from "./codes.js";
import type { RedisClient } from "./scripts.js";
import type { PublishEvent } from "./events.js";
import { systemActor, type Actor } from "./audit.js";

export type OpenResult =
  | { code: "OK" | "CONTEST_ENDED" | "ALREADY_OPEN" | "ALREADY_CLOSED" | "NOT_CLOSED" }
  /** The presenter was chosen as "the next" by a presenting order a draw has since changed. */
  | { code: "STALE" }
  | { code: "OTHER_OPEN"; other: number };

export const createRoundStore = (redis: RedisClient, prefix: string, publish: PublishEvent) => {
  /**
   * Opens (or reopens) a round; `actor` (default: the bot, now) goes into the audit log. With
   * `drawRead` (the stored draw as read when the presenter was chosen as "the next", see
   * draws.ts), refused as STALE when a draw has changed the presenting order since.
   */
  const open = async (
    contestId: string,
    presenter: number,
    reopen = false,
    actor: Actor = systemActor(),
    drawRead?: string,
  ): Promise<OpenResult> => {
    const keys = contestKeys(prefix, contestId);
    const reply = await redis.openRound(keys.meta, keys.rounds, keys.audit, presenter, reopen ? "1" : "0", actor.by, actor.at, drawRead ?? "*");
    const code = replyCode(reply);
    if (code === "OTHER_OPEN") return { code, other: Number(optionalString(reply[1])) };
    if (code === "OK") await publish(contestId, "round-opened");
    if (code === "OK" || code === "CONTEST_ENDED" || code === "ALREADY_OPEN" || code === "ALREADY_CLOSED" || code === "NOT_CLOSED" || code === "STALE")
      return { code };
    throw new Error(`unexpected open-round reply ${code}`);
  };

  /** True when this call closed the round; false when it was not open. `actor` as for `open`. */
  const close = async (contestId: string, presenter: number, actor: Actor = systemActor()): Promise<boolean> => {
    const keys = contestKeys(prefix, contestId);
    const closed =
      replyCode(
        await redis.closeRound(keys.meta, keys.rounds, keys.audit, keys.judges, keys.roundPanels(presenter), presenter, actor.by, actor.at),
      ) === "OK";
    if (closed) await publish(contestId, "round-closed");
    return closed;
  };

  /**
   * The panel each judge was in when each of these rounds closed (judge id -> panel index), so a
   * later move changes only rounds not yet closed. A round closed before snapshots existed has none.
   */
  const closedPanels = async (contestId: string, presenters: readonly number[]): Promise<Map<number, Map<number, number>>> => {
    const keys = contestKeys(prefix, contestId);
    const all = await Promise.all(presenters.map((p) => redis.hgetall(keys.roundPanels(p))));
    return new Map(
      presenters.map((p, i) => [p, new Map(Object.entries(all[i] ?? {}).map(([judge, panel]) => [Number(judge), Number(panel)]))] as const),
    );
  };

  return { open, close, closedPanels };
};
export type RoundStore = ReturnType<typeof createRoundStore>;
