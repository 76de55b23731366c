// Per-test built bot processes: registers, in the calling describe block, a fresh simulated Bot API
// server and Redis prefix for every test (the chair an administrator of the group), and SIGKILLs
// every bot started on them when the test ends. The getters are valid inside the tests.
import { afterEach, beforeEach } from "vitest";
import { startBotApiServer, type BotApiServer, type TestUser } from "./bot-api-server.js";
import { testRedis, type TestRedis } from "./redis.js";
import { startBotProcess, type BotProcess } from "./run-bot.js";

export interface BotProcesses {
  readonly api: BotApiServer;
  readonly redis: TestRedis;
  /** Starts the built bot on this test's Bot API server and Redis prefix, with this environment. */
  start(env: Record<string, string>): Promise<BotProcess>;
}

export const botProcesses = (group: number, chair: TestUser): BotProcesses => {
  let api: BotApiServer;
  let redis: TestRedis;
  const bots: BotProcess[] = [];

  beforeEach(async () => {
    api = await startBotApiServer();
    redis = testRedis();
    api.setAdmins(group, [], chair.id);
  });
  afterEach(async () => {
    for (const bot of bots.splice(0)) await bot.stop("SIGKILL");
    await api.close();
    await redis.cleanup();
  });

  return {
    get api() {
      return api;
    },
    get redis() {
      return redis;
    },
    async start(env) {
      const bot = await startBotProcess({ ...api, redisUrl: redis.url, prefix: redis.prefix, env });
      bots.push(bot);
      return bot;
    },
  };
};
