// The operations settings: modes, webhook, HTTP port, Redis Cluster, broadcast rate.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, parseClusterNodes } from "../../src/config.js";

const TOKEN = "123456789:AAAAAAAAAAAAAAAAAAAAAAAAAAAA";
const SECRET = "0123456789abcdef0123456789abcdef";

const problems = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error("expected the settings to be refused");
};

describe("operations settings", () => {
  it("defaults to long polling with the HTTP server on 8080 and no cluster", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN })).toMatchObject({ BOT_MODE: "polling", PORT: 8080, BROADCAST_RATE_PER_S: 28 });
    expect(loadConfig({ BOT_TOKEN: TOKEN }).REDIS_CLUSTER_NODES).toBeUndefined();
  });

  it("requires WEBHOOK_URL and WEBHOOK_SECRET in webhook mode, naming both", () => {
    const message = problems({ BOT_TOKEN: TOKEN, BOT_MODE: "webhook" });
    expect(message).toContain("WEBHOOK_URL: is required when BOT_MODE=webhook");
    expect(message).toContain("WEBHOOK_SECRET: is required when BOT_MODE=webhook");
  });

  it("lists the webhook problems together with any other bad setting", () => {
    const message = problems({ BOT_MODE: "webhook", PORT: "70000" });
    expect(message).toContain("BOT_TOKEN");
    expect(message).toContain("PORT: must be a port number");
    expect(message).toContain("WEBHOOK_URL: is required");
  });

  it("accepts a complete webhook setting and refuses a weak secret or a bad mode", () => {
    const config = loadConfig({ BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/tg", WEBHOOK_SECRET: SECRET, PORT: "9000" });
    expect(config).toMatchObject({ BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/tg", PORT: 9000 });
    expect(problems({ BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "https://x.org/a", WEBHOOK_SECRET: "short" })).toContain(
      "WEBHOOK_SECRET: must be 16–256 characters",
    );
    expect(problems({ BOT_TOKEN: TOKEN, BOT_MODE: "hook" })).toContain('BOT_MODE: must be "polling" or "webhook"');
    expect(problems({ BOT_TOKEN: TOKEN, WEBHOOK_URL: "ftp://x.org/a" })).toContain("WEBHOOK_URL: must be an http(s) URL");
  });

  it("reads Redis Cluster seed nodes as host:port pairs and treats an empty value as unset", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN, REDIS_CLUSTER_NODES: "redis-1:6379, redis-2:6380,10.0.0.3:7000" }).REDIS_CLUSTER_NODES).toEqual([
      { host: "redis-1", port: 6379 },
      { host: "redis-2", port: 6380 },
      { host: "10.0.0.3", port: 7000 },
    ]);
    expect(loadConfig({ BOT_TOKEN: TOKEN, REDIS_CLUSTER_NODES: "" }).REDIS_CLUSTER_NODES).toBeUndefined();
    expect(problems({ BOT_TOKEN: TOKEN, REDIS_CLUSTER_NODES: "redis-1" })).toContain("REDIS_CLUSTER_NODES: must be host:port pairs");
    expect(parseClusterNodes("a:1")).toEqual([{ host: "a", port: 1 }]);
  });
});
