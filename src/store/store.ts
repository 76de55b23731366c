// The storage layer: the only code that knows Redis keys and scripts.
import type { Redis, Cluster } from "ioredis";
import { withScripts } from "./scripts.js";
import { createContestCache, type ContestCache } from "./contest-cache.js";
import { createContestStore } from "./contests.js";
import { createRoundStore } from "./rounds.js";
import { createBallotStore } from "./ballots.js";
import { createJudgeStore } from "./judges.js";
import { createMessageStore } from "./messages.js";
import { createEventPublisher } from "./events.js";
import { createScreenStore } from "./screens.js";
import { createUpdateStore } from "./updates.js";
import { createLockStore } from "./locks.js";
import { createIntegrityStore } from "./integrity.js";
import { createTimerStore } from "./timers.js";
import { createAuditStore } from "./audit.js";
import { createSeasonStore } from "./seasons.js";
import { createConsoleStore } from "./consoles.js";
import { createRateLimitStore } from "./rate-limits.js";
import { createTiebreakStore } from "./tiebreaks.js";
import { createSendBudgetStore } from "./send-budget.js";
import { createSeatStore } from "./seats.js";
import { createDrawStore } from "./draws.js";
import { createScreenControlStore } from "./screen-controls.js";
import { createScreenMomentStore } from "./screen-moments.js";

export type StoreOptions = {
  /** Parsed contests of this process, per version (default: a new bounded cache). */
  contestCache?: ContestCache;
};

export const createStore = (client: Redis | Cluster, prefix: string, options: StoreOptions = {}) => {
  const redis = withScripts(client);
  const contestCache = options.contestCache ?? createContestCache();
  // Every state change publishes a "contest changed" event (scoreboards of every replica listen).
  const publish = createEventPublisher(redis, prefix);
  return {
    redis,
    prefix,
    contests: createContestStore(redis, prefix, publish, contestCache),
    rounds: createRoundStore(redis, prefix, publish),
    ballots: createBallotStore(redis, prefix, contestCache),
    judges: createJudgeStore(redis, prefix, publish),
    messages: createMessageStore(redis, prefix),
    screens: createScreenStore(redis, prefix, publish),
    /** update_ids already handled (webhook dedupe across deliveries and replicas) */
    updates: createUpdateStore(redis, prefix),
    /** locks so one replica runs a timer's job */
    locks: createLockStore(redis, prefix),
    /** conflicts, removed judges, observers, comments (roles and integrity) */
    integrity: createIntegrityStore(redis, prefix, publish),
    /** round time limits, polled by the bot's scheduler */
    timers: createTimerStore(redis, prefix, publish),
    /** the audit log of each contest (most events are appended by the Lua scripts themselves) */
    audit: createAuditStore(redis, prefix),
    /** seasons: their contests' frozen snapshots, each chat's current season */
    seasons: createSeasonStore(redis, prefix),
    /** the chairs' private consoles, what they ask to confirm, notices given once */
    consoles: createConsoleStore(redis, prefix),
    /** per-user counters of presses and commands, shared by replicas */
    rateLimits: createRateLimitStore(redis, prefix),
    /** the chair's decisions on ties (tie-break rule "chair") */
    tiebreaks: createTiebreakStore(redis, prefix),
    /** Telegram's sending budget, shared by every replica */
    sendBudget: createSendBudgetStore(redis, prefix),
    /** the roster, invitations, panel join codes and judges waiting for approval */
    seats: createSeatStore(redis, prefix, publish),
    /** the drawn presenting order (/draw) */
    draws: createDrawStore(redis, prefix, publish),
    /** the scoreboard's speaking timer and view (join codes or the board), set by the chair */
    screenControls: createScreenControlStore(redis, prefix, publish),
    /** the round closed last and when the contest ended (the scoreboard's reveal and link expiry) */
    moments: createScreenMomentStore(redis, prefix),
  };
};
export type Store = ReturnType<typeof createStore>;
