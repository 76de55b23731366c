// Webhook mode: Telegram posts each update to WEBHOOK_URL with the secret in a header.
// A request without the secret gets 401, with a wrong one 403; a good one is handled by grammY's
// webhookCallback (Hono adapter). An update is answered when it has been handled, or after
// `timeoutMs` at the latest (it then goes on in the background; the in-flight tracker in
// createBot lets a shutdown wait for it), so Telegram never waits long. A repeated delivery
// is dropped by the dedupe middleware installed first in createBot.
import { timingSafeEqual } from "node:crypto";
import { webhookCallback, type Api, type Bot } from "grammy";
import type { Context } from "hono";
import type { Logger } from "../logger.js";
import { ALLOWED_UPDATES } from "../bot/allowed-updates.js";
import type { BotContext } from "../bot/context.js";
import type { WebhookRoute } from "./app.js";

export const SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

const sameSecret = (given: string, secret: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
};

export type WebhookOptions = {
  url: string;
  secret: string;
  logger: Logger;
  /** Longest time an update holds its HTTP request. Default 5000 ms. */
  timeoutMs?: number;
};

export const createWebhookRoute = (bot: Bot<BotContext>, options: WebhookOptions): WebhookRoute => {
  const { secret, logger } = options;
  const timeoutMs = options.timeoutMs ?? 5000;
  const callback = webhookCallback(bot, "hono", {
    secretToken: secret,
    onTimeout: () => logger.warn({ timeoutMs }, "update still running after the webhook answered"),
    timeoutMilliseconds: timeoutMs,
  });
  return {
    path: new URL(options.url).pathname,
    handler: async (c: Context) => {
      const given = c.req.header(SECRET_HEADER);
      if (given === undefined) return c.json({ error: "missing secret token" }, 401);
      if (!sameSecret(given, secret)) return c.json({ error: "wrong secret token" }, 403);
      try {
        return await callback(c);
      } catch (error) {
        // Only a body that is not an update gets here: the bot's error boundary catches the rest.
        logger.warn({ err: error }, "webhook request refused");
        return c.json({ error: "bad update" }, 400);
      }
    },
  };
};

/** Tells Telegram where to post updates (idempotent: every replica may call it at start). */
export const registerWebhook = (api: Api, options: { url: string; secret: string }) =>
  api.setWebhook(options.url, {
    secret_token: options.secret,
    allowed_updates: [...ALLOWED_UPDATES],
    drop_pending_updates: false,
  });
