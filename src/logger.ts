// pino JSON logs; the bot token is redacted wherever it could appear.
import { pino, type Logger } from "pino";

export type { Logger };

export const createLogger = (level: string, token?: string): Logger =>
  pino({
    level,
    redact: { paths: ["token", "config.BOT_TOKEN", "*.token", "BOT_TOKEN"], censor: "[redacted]" },
    hooks: token
      ? {
          // Bot API URLs carry the token (…/bot<token>/method); scrub it from any message.
          logMethod(args, method) {
            const scrubbed = args.map((arg) =>
              typeof arg === "string" ? arg.split(token).join("[redacted]") : scrubObject(arg, token),
            ) as Parameters<typeof method>;
            method.apply(this, scrubbed);
          },
        }
      : {},
  });

const scrubObject = (value: unknown, token: string): unknown => {
  if (value instanceof Error) {
    const copy = new Error(value.message.split(token).join("[redacted]"));
    copy.name = value.name;
    copy.stack = value.stack?.split(token).join("[redacted]");
    return copy;
  }
  if (value === null || typeof value !== "object") return value;
  const text = JSON.stringify(value);
  return text !== undefined && text.includes(token) ? JSON.parse(text.split(token).join("[redacted]")) : value;
};
