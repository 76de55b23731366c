// pino JSON logs; the bot token is scrubbed wherever it could appear.
import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

const CENSOR = "[redacted]";

const scrub = (value: unknown, secret: string, depth = 0): unknown => {
  if (typeof value === "string") return value.split(secret).join(CENSOR);
  if (value instanceof Error) {
    const copy = new Error(value.message.split(secret).join(CENSOR));
    copy.name = value.name;
    if (value.stack) copy.stack = value.stack.split(secret).join(CENSOR);
    return copy;
  }
  if (value === null || typeof value !== "object" || depth > 4) return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, secret, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrub(item, secret, depth + 1)]));
};

export const createLogger = (level: string, token?: string, destination?: DestinationStream): Logger => {
  // The secret part after the colon is what must never leak; the bot id before it is public.
  const secret = token?.split(":")[1];
  return pino(
    {
      level,
      redact: { paths: ["token", "BOT_TOKEN", "*.BOT_TOKEN", "*.token"], censor: CENSOR },
      hooks: secret
        ? {
            logMethod(args, method) {
              method.apply(this, args.map((arg) => scrub(arg, secret)) as Parameters<typeof method>);
            },
          }
        : {},
    },
    destination,
  );
};
