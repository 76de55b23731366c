import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { loadConfig, ConfigError, ConfigSchema } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import { Writable } from "node:stream";

const TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

describe("settings", () => {
  it("applies the documented defaults", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN })).toMatchObject({
      REDIS_URL: "redis://127.0.0.1:6379",
      REDIS_PREFIX: "msb",
      TELEGRAM_API_ROOT: "https://api.telegram.org",
      LOG_LEVEL: "info",
      DEFAULT_LOCALE: "zh-CN",
    });
  });

  it("names every missing or bad variable", () => {
    const attempt = () => loadConfig({ REDIS_URL: "http://x", DEFAULT_LOCALE: "fr", LOG_LEVEL: "loud" });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ["BOT_TOKEN", "REDIS_URL", "DEFAULT_LOCALE", "LOG_LEVEL"]) expect(message).toContain(name);
    }
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN, REDIS_PREFIX: "", TELEGRAM_API_ROOT: "" }).REDIS_PREFIX).toBe("msb");
  });
});

describe("documentation of the settings", () => {
  const settings = Object.keys(ConfigSchema.shape).sort();

  it("lists every setting in .env.example", () => {
    const listed = readFileSync(".env.example", "utf8").match(/^[A-Z_]+(?==)/gm) ?? [];
    expect([...listed].sort()).toEqual(settings);
  });

  it("explains every setting in the README's settings table", () => {
    const rows = readFileSync("README.md", "utf8").match(/^\| `[A-Z_]+` \|/gm) ?? [];
    expect(rows.map((row) => row.slice(3, -3)).sort()).toEqual(settings);
  });

  it("refuses a time zone that does not exist", () => {
    expect(() => loadConfig({ BOT_TOKEN: TOKEN, TZ: "Mars/Olympus" })).toThrow(/TZ/);
    expect(loadConfig({ BOT_TOKEN: TOKEN }).TZ).toBe("Asia/Shanghai");
  });
});

describe("logger", () => {
  it("never writes the token, even inside messages and error objects", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger("info", TOKEN, sink);
    logger.info(`calling https://api.telegram.org/bot${TOKEN}/getMe`);
    logger.error({ err: new Error(`failed bot${TOKEN}/sendMessage`), url: `x/bot${TOKEN}` }, "oops");
    logger.info({ config: { BOT_TOKEN: TOKEN } }, "config");
    await new Promise((r) => setImmediate(r));
    expect(lines.length).toBe(3);
    for (const line of lines) expect(line).not.toContain(TOKEN.split(":")[1]);
  });
});
