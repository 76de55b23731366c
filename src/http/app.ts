// The bot's HTTP server, in both modes: health and metrics, the Telegram webhook (webhook mode),
// and any routes mounted by other parts (the scoreboard):
//
//   GET  /healthz   200 {"status":"ok",...} when Redis answers PING and the bot knows who it is;
//                   503 otherwise, and while shutting down (so a load balancer stops sending)
//   GET  /metrics   Prometheus text (see ../metrics.ts)
//   POST <path of WEBHOOK_URL>   Telegram updates (see webhook.ts)
//
// Extension point: pass `extraRoutes`, e.g.
//   createHttpApp({ ...deps, extraRoutes: [{ path: "/screen", app: screen.app, close: screen.close }] })
// which mounts them with `app.route(path, app)`; `close` runs when the server stops.
import { createHash, timingSafeEqual } from "node:crypto";
import { Hono, type Context } from "hono";
import type { Logger } from "../logger.js";
import type { Metrics } from "../metrics.js";
import type { RedisConnection } from "../redis.js";
import type { Store } from "../store/store.js";

export type ExtraRoutes = {
  /** Mount point, e.g. "/screen". */
  path: string;
  app: Hono;
  /** Ends long-lived responses (event streams) before the server closes. */
  close?: () => Promise<void>;
};

export type WebhookRoute = {
  /** Path Telegram posts to (the path of WEBHOOK_URL). */
  path: string;
  handler: (c: Context) => Promise<Response>;
};

export type HttpAppDeps = {
  store?: Store;
  redis: Pick<RedisConnection, "ping" | "status">;
  /** True once the bot knows its identity (getMe) and while it is not shutting down. */
  ready: () => boolean;
  metrics: Metrics;
  logger: Logger;
  /** Webhook mode: the route Telegram posts updates to. */
  webhook?: WebhookRoute;
  /** More routes (the scoreboard), each mounted at its path. */
  extraRoutes?: ExtraRoutes[];
  /** Longest wait for Redis' PONG before /healthz answers 503. Default 1000 ms. */
  pingTimeoutMs?: number;
  /** For /healthz: "polling" or "webhook". */
  mode?: string;
  /** When set, /metrics answers 401 unless the request carries `Authorization: Bearer <token>`. */
  metricsToken?: string;
};

const sha256 = (text: string): Buffer => createHash("sha256").update(text).digest();

/** Constant-time check of a bearer token (hashes first, so lengths never leak either). */
const bearerMatches = (header: string | undefined, token: string): boolean => {
  const given = /^Bearer\s+(\S+)$/i.exec(header ?? "")?.[1] ?? "";
  return timingSafeEqual(sha256(given), sha256(token));
};

const pingWithin = async (redis: HttpAppDeps["redis"], ms: number): Promise<boolean> => {
  if (redis.status !== "ready") return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([redis.ping().then((reply) => reply === "PONG"), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
};

export const createHttpApp = (deps: HttpAppDeps): Hono => {
  const app = new Hono();
  const started = Date.now();

  app.get("/healthz", async (c) => {
    const [redis, bot] = [await pingWithin(deps.redis, deps.pingTimeoutMs ?? 1000), deps.ready()];
    const ok = redis && bot;
    const body = {
      status: ok ? "ok" : "unavailable",
      redis: redis ? "ok" : "unavailable",
      bot: bot ? "ok" : "not ready",
      ...(deps.mode ? { mode: deps.mode } : {}),
      uptime_s: Math.round((Date.now() - started) / 1000),
    };
    return c.json(body, ok ? 200 : 503, { "Cache-Control": "no-store" });
  });

  app.get("/metrics", async (c) => {
    if (deps.metricsToken !== undefined && !bearerMatches(c.req.header("Authorization"), deps.metricsToken)) {
      return c.json({ error: "unauthorized" }, 401, { "WWW-Authenticate": 'Bearer realm="metrics"' });
    }
    return c.body(await deps.metrics.text(), 200, { "Content-Type": deps.metrics.contentType, "Cache-Control": "no-store" });
  });

  if (deps.webhook) app.post(deps.webhook.path, deps.webhook.handler);

  for (const extra of deps.extraRoutes ?? []) app.route(extra.path, extra.app);

  app.notFound((c) => c.json({ error: "not_found" }, 404));
  app.onError((error, c) => {
    deps.logger.error({ err: error, path: c.req.path }, "http request failed");
    return c.json({ error: "internal" }, 500);
  });
  return app;
};
