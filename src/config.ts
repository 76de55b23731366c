// The only reader of process.env: every setting, validated once at start.
import { z } from "zod";
import { LocaleSchema } from "./domain/contest.js";

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
  COUNTER_EDIT_INTERVAL_S: optional(z.coerce.number().min(0).max(60).default(3)),
  /** Address the scoreboard links start with (see publicUrl); default http://localhost:<PORT>. */
  PUBLIC_URL: optional(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional()),
});
export type Config = z.infer<typeof ConfigSchema>;

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
