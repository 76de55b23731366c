// Static checks of what the deployment files promise the operations code (no Docker engine needed).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

type Service = { environment?: Record<string, string>; ports?: string[]; stop_grace_period?: string };
const compose = parse(readFileSync("docker-compose.yml", "utf8")) as { services: Record<string, Service> };
const dockerfile = readFileSync("Dockerfile", "utf8");
const envExample = readFileSync(".env.example", "utf8");

describe("deployment files", () => {
  const bot = compose.services.bot!;

  it("publishes the bot's HTTP port (health, metrics, webhook) on the host's loopback only", () => {
    expect(bot.environment?.PORT).toBe("8080");
    expect(bot.ports).toEqual([expect.stringMatching(/^127\.0\.0\.1:\$\{HTTP_PORT:-8080\}:8080$/)]);
    expect(dockerfile).toMatch(/^EXPOSE 8080$/m);
  });

  it("gives the bot longer than its 10 s graceful shutdown before Docker kills it", () => {
    const grace = /^(\d+)s$/.exec(bot.stop_grace_period ?? "");
    expect(Number(grace?.[1])).toBeGreaterThan(10);
  });

  it("documents every operations setting in .env.example", () => {
    for (const name of ["BOT_MODE", "WEBHOOK_URL", "WEBHOOK_SECRET", "PORT", "REDIS_CLUSTER_NODES", "BROADCAST_RATE_PER_S"]) {
      expect(envExample).toMatch(new RegExp(`^# .+\\n(#.*\\n)*${name}=`, "m"));
    }
  });
});
