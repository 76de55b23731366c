/**
 * End-to-end harness: run the *built* bot (`node dist/src/main.js`) as a child
 * process against the fake Bot API and a Redis prefix, collect its log lines,
 * and resolve once it is long-polling (the fake server saw a getUpdates).
 *
 *   const bot = await startBotProcess({ ...api, redisUrl: r.url, prefix: r.prefix });
 *   …
 *   expect(await bot.stop()).toBe(0);
 */
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { freePort } from "./redis-server.js";
import type { TelegramModel } from "./telegram-model.js";

export interface StartBotProcessOptions {
  /** Fake Bot API root (TELEGRAM_API_ROOT). */
  apiRoot: string;
  token: string;
  /** The fake API's model: readiness = a getUpdates call that arrives after the spawn. */
  model: TelegramModel;
  redisUrl: string;
  prefix: string;
  /** Extra/overriding environment (undefined removes a variable). */
  env?: Record<string, string | undefined>;
  /** Default "dist/src/main.js" relative to `cwd`. */
  entry?: string;
  /** Default process.cwd() (the repo root under vitest). */
  cwd?: string;
  /** Default 20 000 ms. */
  readyTimeoutMs?: number;
  /**
   * The Bot API call that shows the bot is ready. Default "getUpdates" (long polling); a bot in
   * webhook mode (env BOT_MODE=webhook) is ready once it has called "setWebhook".
   */
  readyMethod?: string;
  /** Echo the bot's lines to this process's stderr (debugging). Default: env E2E_ECHO_LOGS=1. */
  echo?: boolean;
}

export interface BotProcess {
  proc: ChildProcess;
  /** Every stdout/stderr line so far (live). */
  logs: string[];
  /** The PORT given to the bot (a free port, so parallel bots don't collide). */
  port: number;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Resolve with the first log line matching `pattern` (already seen lines count). */
  waitForLog(pattern: RegExp | string, timeoutMs?: number): Promise<string>;
  /**
   * Send `signal` (default SIGTERM), wait for exit (SIGKILL after `graceMs`, default 10 s),
   * resolve with the exit code (null if it died by a signal). Idempotent.
   */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<number | null>;
}

function collectLines(proc: ChildProcess, logs: string[], echo: boolean, onLine: () => void): void {
  for (const stream of [proc.stdout, proc.stderr]) {
    if (stream === null) continue;
    createInterface({ input: stream }).on("line", (line) => {
      logs.push(line);
      if (echo) process.stderr.write(`[bot ${proc.pid ?? "?"}] ${line}\n`);
      onLine();
    });
  }
}

function matches(line: string, pattern: RegExp | string): boolean {
  return typeof pattern === "string" ? line.includes(pattern) : pattern.test(line);
}

function tail(logs: readonly string[]): string {
  return logs.slice(-40).join("\n");
}

/** Spawn the built bot and wait until it polls the fake API. Rejects (with its logs) if it exits or times out. */
export async function startBotProcess(opts: StartBotProcessOptions): Promise<BotProcess> {
  const cwd = opts.cwd ?? process.cwd();
  const port = await freePort();
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: "test",
    PORT: String(port),
    BOT_TOKEN: opts.token,
    TELEGRAM_API_ROOT: opts.apiRoot,
    REDIS_URL: opts.redisUrl,
    REDIS_PREFIX: opts.prefix.replace(/:+$/, ""),
    LOG_LEVEL: "debug",
    ...opts.env,
  };
  const since = opts.model.checkpoint();
  const proc = spawn(process.execPath, [resolve(cwd, opts.entry ?? "dist/src/main.js")], {
    cwd,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: string[] = [];
  const lineListeners = new Set<() => void>();
  collectLines(proc, logs, opts.echo ?? process.env.E2E_ECHO_LOGS === "1", () => lineListeners.forEach((l) => l()));
  const exited = new Promise<number | null>((done) => {
    proc.once("exit", (code) => done(code));
    proc.once("error", (err) => {
      logs.push(`spawn error: ${err.message}`);
      done(null);
    });
  });

  const waitForLog = (pattern: RegExp | string, timeoutMs = 10_000): Promise<string> =>
    new Promise<string>((ok, fail) => {
      const check = (): void => {
        const hit = logs.find((l) => matches(l, pattern));
        if (hit === undefined) return;
        clearTimeout(timer);
        lineListeners.delete(check);
        ok(hit);
      };
      const timer = setTimeout(() => {
        lineListeners.delete(check);
        fail(new Error(`bot log ${String(pattern)} not seen in ${timeoutMs} ms; last lines:\n${tail(logs)}`));
      }, timeoutMs);
      lineListeners.add(check);
      check();
    });

  let stopping: Promise<number | null> | undefined;
  const stop = (signal: NodeJS.Signals = "SIGTERM", graceMs = 10_000): Promise<number | null> => {
    stopping ??= (async () => {
      if (proc.exitCode !== null || proc.signalCode !== null) return proc.exitCode;
      proc.kill(signal);
      const timer = setTimeout(() => proc.kill("SIGKILL"), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    })();
    return stopping;
  };

  const readyMethod = opts.readyMethod ?? "getUpdates";
  const polling = opts.model.waitFor(
    (m) => m.calls.some((c) => c.seq > since && c.method === readyMethod),
    opts.readyTimeoutMs ?? 20_000,
    `bot process calls ${readyMethod}`,
  );
  polling.catch(() => undefined);
  const died = exited.then((code) => {
    throw new Error(`bot process exited with ${code} before polling`);
  });
  try {
    await Promise.race([polling, died]);
  } catch (err) {
    await stop("SIGKILL");
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`${reason}\n--- bot logs ---\n${tail(logs)}`);
  }
  died.catch(() => undefined);
  return { proc, logs, port, exited, waitForLog, stop };
}
