// The HTTP app in-process (Hono's app.request): health, metrics, webhook secret, extra routes.
import { Hono } from "hono";
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHttpApp, type HttpAppDeps } from "../../src/http/app.js";
import { createWebhookRoute, SECRET_HEADER } from "../../src/http/webhook.js";
import { createMetrics } from "../../src/metrics.js";
import { createHarness, type Harness } from "../bot/harness.js";
import { freePort, testRedis, type TestRedis } from "../support/redis.js";
import { judges } from "../ops/meeting-script.js";

const logger = pino({ level: "silent" });
const SECRET = "http-app-test-secret-0123456789";

describe("HTTP app", () => {
  let r: TestRedis;
  beforeEach(() => {
    r = testRedis();
  });
  afterEach(() => r.cleanup());

  const appWith = (deps: Partial<HttpAppDeps> = {}) =>
    createHttpApp({ redis: r.redis, ready: () => true, metrics: createMetrics(), logger, mode: "polling", ...deps });

  it("says healthy when Redis answers PING and the bot is ready", async () => {
    await r.redis.ping();
    const res = await appWith().request("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", redis: "ok", bot: "ok", mode: "polling" });
  });

  it("says unavailable (503) before the bot knows itself and while shutting down", async () => {
    await r.redis.ping();
    const res = await appWith({ ready: () => false }).request("/healthz");
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: "unavailable", redis: "ok", bot: "not ready" });
  });

  it("says unavailable (503) when Redis is unreachable or does not answer in time", async () => {
    const nowhere = new Redis(await freePort(), { lazyConnect: true, maxRetriesPerRequest: 0 });
    const down = await appWith({ redis: nowhere }).request("/healthz");
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ redis: "unavailable" });
    nowhere.disconnect();
    const stuck = { status: "ready" as const, ping: () => new Promise<"PONG">(() => undefined) };
    const slow = await appWith({ redis: stuck, pingTimeoutMs: 20 }).request("/healthz");
    expect(slow.status).toBe(503);
  });

  it("serves the process's metrics in the Prometheus text format", async () => {
    const metrics = createMetrics();
    metrics.updates.inc({ type: "message" });
    const res = await appWith({ metrics }).request("/metrics");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toContain('bot_updates_total{type="message"} 1');
    expect(text).toContain("# TYPE telegram_api_errors_total counter");
  });

  it("asks for the bearer token on /metrics when METRICS_TOKEN is set", async () => {
    const app = appWith({ metricsToken: "s3cret-metrics-token-123" });
    const none = await app.request("/metrics");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    const wrong = await app.request("/metrics", { headers: { Authorization: "Bearer s3cret-metrics-token-124" } });
    expect(wrong.status).toBe(401);
    const right = await app.request("/metrics", { headers: { Authorization: "Bearer s3cret-metrics-token-123" } });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain("# TYPE telegram_api_errors_total counter");
    // /healthz stays open for the orchestrator's probes.
    expect((await app.request("/healthz")).status).not.toBe(401);
  });

  it("mounts extra routes (the scoreboard's extension point) and answers 404 elsewhere", async () => {
    const screen = new Hono().get("/:token", (c) => c.text(`screen ${c.req.param("token")}`));
    const app = appWith({ extraRoutes: [{ path: "/screen", app: screen }] });
    expect(await (await app.request("/screen/abc")).text()).toBe("screen abc");
    expect((await app.request("/nope")).status).toBe(404);
  });

  describe("webhook", () => {
    let h: Harness;
    beforeEach(async () => {
      h = await createHarness({ bot: { dedupeUpdates: true } });
    });
    afterEach(() => h.close());

    const post = (app: Hono, body: unknown, headers: Record<string, string>) =>
      app.request("/tg/hook", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", ...headers } });

    it("refuses a request without the secret (401) or with a wrong one (403), and handles a good one", async () => {
      const webhook = createWebhookRoute(h.bot, { url: "https://bot.example.test/tg/hook", secret: SECRET, logger });
      const app = appWith({ webhook });
      const judge = judges[0]!;
      const update = h.model.send(judge, judge.id, "/start");
      h.model.takeUpdates();
      expect((await post(app, update, {})).status).toBe(401);
      expect((await post(app, update, { [SECRET_HEADER]: `${SECRET}x` })).status).toBe(403);
      expect((await post(app, update, { [SECRET_HEADER]: SECRET.slice(1) })).status).toBe(403);
      expect(h.model.messages(judge.id)).toHaveLength(0);
      expect((await post(app, update, { [SECRET_HEADER]: SECRET })).status).toBe(200);
      expect(h.model.messages(judge.id)).toHaveLength(1);
      // Telegram delivering it again changes nothing.
      expect((await post(app, update, { [SECRET_HEADER]: SECRET })).status).toBe(200);
      expect(h.model.messages(judge.id)).toHaveLength(1);
    });

    it("serves the webhook on the path of WEBHOOK_URL only", async () => {
      const webhook = createWebhookRoute(h.bot, { url: "https://bot.example.test/tg/hook", secret: SECRET, logger });
      expect(webhook.path).toBe("/tg/hook");
      const app = appWith({ webhook });
      const res = await app.request("/other", { method: "POST", body: "{}", headers: { [SECRET_HEADER]: SECRET } });
      expect(res.status).toBe(404);
    });

    it("answers 400 to a body that is not an update", async () => {
      const webhook = createWebhookRoute(h.bot, { url: "https://bot.example.test/tg/hook", secret: SECRET, logger });
      const res = await appWith({ webhook }).request("/tg/hook", { method: "POST", body: "not json", headers: { [SECRET_HEADER]: SECRET } });
      expect(res.status).toBe(400);
    });
  });
});
