// The only reader of process.env: every setting, validated once at start.
import { z } from "zod";
import { LocaleSchema } from "./domain/contest.js";

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema);

export const ConfigSchema = z.object({
  BOT_TOKEN: z
    .string({ error: "is required (get one from @BotFather)" })
    .regex(/^\d+:[\w-]{20,}$/, { error: "does not look like a bot token (digits:secret)" }),
  REDIS_URL: optional(z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" }).default("redis://127.0.0.1:6379")),
  REDIS_PREFIX: optional(
    z.string().regex(/^[\w.:-]{1,40}$/, { error: "may use letters, digits and . : _ - (max 40)" }).default("msb"),
  ),
  TELEGRAM_API_ROOT: optional(z.url({ error: "must be an http(s) URL" }).default("https://api.telegram.org")),
  LOG_LEVEL: optional(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")),
  DEFAULT_LOCALE: optional(LocaleSchema.default("zh-CN")),
  /** Minimum seconds between two edits of a group's live counter. */
  COUNTER_EDIT_INTERVAL_S: optional(z.coerce.number().min(0).max(60).default(4)),
  /** polling: one process asks Telegram for updates; webhook: Telegram posts them (replicas allowed). */
  BOT_MODE: optional(z.enum(["polling", "webhook"], { error: 'must be "polling" or "webhook"' }).default("polling")),
  /** Public URL Telegram posts updates to (webhook mode); its path is served on PORT. */
  WEBHOOK_URL: optional(z.url({ protocol: /^https?$/, error: "must be an http(s) URL (Telegram itself requires https)" }).optional()),
  /** Telegram sends it in X-Telegram-Bot-Api-Secret-Token with every update; other requests are refused. */
  WEBHOOK_SECRET: optional(
    z.string().regex(/^[\w-]{16,256}$/, { error: "must be 16–256 characters of A–Z a–z 0–9 _ -" }).optional(),
  ),
  /** Port of the HTTP server (/healthz, /metrics and, in webhook mode, the webhook). */
  PORT: optional(z.coerce.number({ error: "must be a port number" }).int().min(1).max(65535, { error: "must be a port number (1–65535)" }).default(8080)),
  /** Redis Cluster seed nodes; when set, REDIS_URL only contributes the password and TLS. */
  REDIS_CLUSTER_NODES: optional(
    z
      .string()
      .regex(/^\s*[\w.-]+:\d{1,5}\s*(,\s*[\w.-]+:\d{1,5}\s*)*$/, { error: "must be host:port pairs separated by commas" })
      .transform((text) => parseClusterNodes(text))
      .optional(),
  ),
  /** Messages per second when a round's ballots go out to every judge (Telegram allows about 30). */
  BROADCAST_RATE_PER_S: optional(z.coerce.number().min(1, { error: "must be at least 1" }).max(1000).default(28)),
  /** Messages a minute the bot sends in one group (edits included), over all replicas; Telegram allows about 20. */
  GROUP_RATE_PER_MIN: optional(z.coerce.number().int().min(1, { error: "must be at least 1" }).max(600).default(20)),
  /** Address the scoreboard links start with (see publicUrl); default http://localhost:<PORT>. */
  PUBLIC_URL: optional(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional()),
  /** Presses and commands one user may send per RATE_LIMIT_WINDOW_S; 0 turns the limit off. */
  RATE_LIMIT_UPDATES: optional(z.coerce.number().int().min(0).max(10_000).default(30)),
  RATE_LIMIT_WINDOW_S: optional(z.coerce.number().int().min(1).max(3600).default(10)),
  /** When set, GET /metrics requires `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: optional(
    z.string().regex(/^[\w.~+\/=-]{16,256}$/, { error: "must be 16–256 characters (letters, digits, . _ ~ + / = -), e.g. from `openssl rand -hex 32`" }).optional(),
  ),
  /** How old (seconds) a Mini App's Telegram sign-in (initData auth_date) may be before it is refused. */
  INIT_DATA_MAX_AGE_S: optional(z.coerce.number().int().min(60, { error: "must be at least 60" }).max(86_400, { error: "must be at most 86400 (a day)" }).default(3600)),
  /** Seconds the scoreboard shows a unit's reveal card (亮分) after its round closes; 0 turns it off. */
  SCREEN_REVEAL_S: optional(z.coerce.number({ error: "must be a number of seconds" }).int().min(0).max(600, { error: "must be at most 600 (10 minutes)" }).default(12)),
  /** Days after a contest ended (finished or cancelled) that its scoreboard link stops working. */
  SCREEN_LINK_DAYS: optional(z.coerce.number({ error: "must be a number of days" }).int().min(1, { error: "must be at least 1" }).max(3650).default(7)),
  /** Time zone of the times judges see on their ballots (IANA name). */
  TZ: optional(z.string().refine(isTimeZone, { error: "must be an IANA time zone such as Asia/Shanghai" }).default("Asia/Shanghai")),
}).superRefine((config, ctx) => {
  // Runs even when other settings are bad (`when`), so one start lists every problem.
  if (config.BOT_MODE !== "webhook") return;
  if (!config.WEBHOOK_URL)
    ctx.addIssue({ code: "custom", path: ["WEBHOOK_URL"], message: "is required when BOT_MODE=webhook (the public https URL Telegram posts updates to)" });
  if (!config.WEBHOOK_SECRET)
    ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "is required when BOT_MODE=webhook (16–256 characters of A–Z a–z 0–9 _ -, e.g. from `openssl rand -hex 32`)" });
}, { when: () => true });
export type Config = z.infer<typeof ConfigSchema>;

/** "a:7000, b:7001" -> [{ host: "a", port: 7000 }, { host: "b", port: 7001 }] */
export function parseClusterNodes(text: string): Array<{ host: string; port: number }> {
  return text
    .split(",")
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const at = pair.lastIndexOf(":");
      return { host: pair.slice(0, at), port: Number(pair.slice(at + 1)) };
    });
}

/** The base of links the bot hands out (scoreboard), without a trailing slash. */
export const publicUrl = (config: Partial<Pick<Config, "PUBLIC_URL">> & { PORT?: number }): string =>
  (config.PUBLIC_URL ?? `http://localhost:${config.PORT ?? 8080}`).replace(/\/+$/, "");

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses the environment; throws ConfigError naming every bad or missing variable. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const parsed = ConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new ConfigError(`Invalid settings:\n${lines.join("\n")}\nSee .env.example for every setting.`);
};
