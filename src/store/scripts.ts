// Loads the Lua scripts and registers them as ioredis commands (EVALSHA, with EVAL fallback).
import { readFileSync } from "node:fs";
import type { Redis, Cluster } from "ioredis";

const SCRIPTS = {
  ballotState: { file: "ballot-state.lua", keys: 8 },
  submitBallot: { file: "submit-ballot.lua", keys: 11 },
  openRound: { file: "open-round.lua", keys: 3 },
  closeRound: { file: "close-round.lua", keys: 5 },
  endContest: { file: "end-contest.lua", keys: 3 },
  claimCounterWrite: { file: "claim-counter-write.lua", keys: 3 },
  enrolJudge: { file: "enrol-judge.lua", keys: 3 },
  releaseLock: { file: "release-lock.lua", keys: 1 },
  extendLock: { file: "extend-lock.lua", keys: 1 },
  roundCounts: { file: "round-counts.lua", keys: 3 },
  removeJudge: { file: "remove-judge.lua", keys: 6 },
  setConflict: { file: "set-conflict.lua", keys: 5 },
  setComment: { file: "set-comment.lua", keys: 3 },
  updateJudge: { file: "update-judge.lua", keys: 2 },
  seasonWrite: { file: "season-write.lua", keys: 3 },
  rateHit: { file: "rate-hit.lua", keys: 1 },
  setTiebreak: { file: "set-tiebreak.lua", keys: 3 },
  sendBudget: { file: "send-budget.lua", keys: 4 },
  sendPause: { file: "send-pause.lua", keys: 1 },
  replicaHeartbeat: { file: "replica-heartbeat.lua", keys: 1 },
  seatJudge: { file: "seat-judge.lua", keys: 7 },
  decidePending: { file: "decide-pending.lua", keys: 4 },
  rosterWrite: { file: "roster-write.lua", keys: 4 },
  drawOrder: { file: "draw-order.lua", keys: 3 },
} as const;

type ScriptReply = Array<string | number | null>;
type ScriptCommand = (...args: Array<string | number>) => Promise<ScriptReply>;
export type ScriptName = keyof typeof SCRIPTS;
export type RedisClient = (Redis | Cluster) & Record<ScriptName, ScriptCommand>;

/** A line `--!include lib/<name>.lua` stands for that file's text (functions shared by scripts). */
const INCLUDE = /^--!include (lib\/[a-z0-9-]+\.lua)$/gm;

export const readScript = (file: string): string =>
  readFileSync(new URL(`./scripts/${file}`, import.meta.url), "utf8").replace(INCLUDE, (_, lib: string) => readScript(lib).trimEnd());

/** Registers every script on the client (idempotent) and returns it with the commands typed. */
export const withScripts = (redis: Redis | Cluster): RedisClient => {
  for (const [name, { file, keys }] of Object.entries(SCRIPTS)) {
    if (!(name in redis)) redis.defineCommand(name, { numberOfKeys: keys, lua: readScript(file) });
  }
  return redis as RedisClient;
};
