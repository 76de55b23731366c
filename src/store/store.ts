// The storage layer: the only code that knows Redis keys and scripts.
import type { Redis, Cluster } from "ioredis";
import { withScripts } from "./scripts.js";
import { createContestStore } from "./contests.js";
import { createRoundStore } from "./rounds.js";
import { createBallotStore } from "./ballots.js";
import { createJudgeStore } from "./judges.js";
import { createMessageStore } from "./messages.js";

export const createStore = (client: Redis | Cluster, prefix: string) => {
  const redis = withScripts(client);
  return {
    redis,
    prefix,
    contests: createContestStore(redis, prefix),
    rounds: createRoundStore(redis, prefix),
    ballots: createBallotStore(redis, prefix),
    judges: createJudgeStore(redis, prefix),
    messages: createMessageStore(redis, prefix),
  };
};
export type Store = ReturnType<typeof createStore>;
