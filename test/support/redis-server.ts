/**
 * Spawning private `redis-server` processes for tests, fault tests and demos.
 *
 * No vitest import here: this module is compiled into dist/ and may be used by
 * bench/ or demo/ outside the test runner.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface RedisServerOptions {
  /** Persist with AOF (`--appendonly yes`), so data survives SIGKILL + restart. Default false. */
  appendonly?: boolean;
  /** Working directory (AOF / cluster config). Default: a fresh temp dir removed by `stop()`. */
  dir?: string;
  /** Port to listen on. Default: a free port. */
  port?: number;
  /** Start with `--cluster-enabled yes` (slots still need assigning by the test). */
  clusterEnabled?: boolean;
  /** Extra raw arguments, e.g. ["--maxmemory", "10mb"]. */
  extraArgs?: readonly string[];
  /** Path to the binary. Default: `REDIS_SERVER_BIN` env or "redis-server" on PATH. */
  bin?: string;
  /** How long to wait for PONG after spawning. Default 10 000 ms. */
  readyTimeoutMs?: number;
}

export interface RedisServerHandle {
  readonly port: number;
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  /** Working directory of the server (AOF lives in `<dir>/appendonlydir`). */
  readonly dir: string;
  /** PID of the current process, undefined while not running. */
  pid(): number | undefined;
  /** True while the current process has not exited. */
  running(): boolean;
  /** Send a signal (default SIGTERM) and wait for the process to exit. Keeps `dir`. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Start again on the same port with the same dir (after `kill`); waits for PONG. */
  restart(): Promise<void>;
  /** Kill (SIGKILL if needed) and remove the temp dir if this handle created it. Idempotent. */
  stop(): Promise<void>;
  /** Last lines the server printed (for diagnostics). */
  logs(): readonly string[];
}

const LOG_LINES_KEPT = 200;

/** Ask the OS for a currently free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr !== null ? addr.port : 0;
      srv.close(() => (port > 0 ? resolve(port) : reject(new Error("freePort: no port assigned"))));
    });
  });
}

/** One raw `PING` over TCP; resolves true on `+PONG` (or `-NOAUTH`, which means a server answers). */
export function pingTcp(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    let settled = false;
    const done = (ok: boolean): void => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("error", () => done(false));
    socket.once("data", (chunk: Buffer) => {
      const reply = chunk.toString("utf8");
      done(reply.startsWith("+PONG") || reply.startsWith("-NOAUTH"));
    });
    socket.connect(port, host, () => socket.write("PING\r\n"));
  });
}

/** PING the server behind a redis:// URL (host/port only; auth errors still count as "answers"). */
export function pingRedisUrl(url: string, timeoutMs = 500): Promise<boolean> {
  const parsed = new URL(url);
  const host = parsed.hostname === "" ? "127.0.0.1" : parsed.hostname.replace(/^\[|\]$/g, "");
  const port = parsed.port === "" ? 6379 : Number(parsed.port);
  return pingTcp(host, port, timeoutMs);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function buildArgs(port: number, dir: string, opts: RedisServerOptions): string[] {
  const args = [
    "--port", String(port),
    "--bind", "127.0.0.1",
    "--save", "",
    "--appendonly", opts.appendonly === true ? "yes" : "no",
    "--daemonize", "no",
    "--dir", dir,
    "--protected-mode", "no",
  ];
  if (opts.clusterEnabled === true) {
    args.push("--cluster-enabled", "yes", "--cluster-config-file", `nodes-${port}.conf`);
  }
  if (opts.extraArgs !== undefined) args.push(...opts.extraArgs);
  return args;
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** Owns one redis-server child process (restartable) and its diagnostics. */
class RedisServerProcess implements RedisServerHandle {
  readonly url: string;
  private child: ChildProcess | undefined;
  private readonly logBuffer: string[] = [];
  private readonly onParentExit = (): void => {
    this.child?.kill("SIGKILL");
  };
  private stopped = false;
  private logMarkAtStart = 0;

  constructor(
    readonly port: number,
    readonly dir: string,
    private readonly ownsDir: boolean,
    private readonly opts: RedisServerOptions,
  ) {
    this.url = `redis://127.0.0.1:${port}`;
  }

  pid(): number | undefined {
    return this.running() ? this.child?.pid : undefined;
  }

  running(): boolean {
    const c = this.child;
    return c !== undefined && c.exitCode === null && c.signalCode === null;
  }

  logs(): readonly string[] {
    return this.logBuffer;
  }

  async start(): Promise<void> {
    if (this.running()) throw new Error(`redis-server on port ${this.port} is already running`);
    if (this.stopped) throw new Error("redis-server handle was stopped");
    const bin = this.opts.bin ?? process.env.REDIS_SERVER_BIN ?? "redis-server";
    this.logBuffer.length = 0;
    this.logMarkAtStart = 0;
    const child = spawn(bin, buildArgs(this.port, this.dir, this.opts), { stdio: ["ignore", "pipe", "pipe"] });
    this.child = child;
    process.once("exit", this.onParentExit);
    child.stdout?.on("data", (d: Buffer) => this.appendLog(d));
    child.stderr?.on("data", (d: Buffer) => this.appendLog(d));
    const spawnError = new Promise<Error>((resolve) => child.once("error", resolve));
    await this.waitReady(child, spawnError);
  }

  async kill(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    const child = this.child;
    if (child === undefined || !this.running()) return;
    const exited = waitForExit(child);
    child.kill(signal);
    await exited;
    process.removeListener("exit", this.onParentExit);
  }

  async restart(): Promise<void> {
    await this.kill("SIGKILL");
    await this.start();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const child = this.child;
    if (child !== undefined && this.running()) {
      const exited = waitForExit(child);
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
      await exited;
      clearTimeout(timer);
    }
    process.removeListener("exit", this.onParentExit);
    if (this.ownsDir) await rm(this.dir, { recursive: true, force: true });
  }

  private readySinceStart(): boolean {
    for (let i = this.logBuffer.length - 1; i >= this.logMarkAtStart; i--) {
      if (/ready to accept connections/i.test(this.logBuffer[i] ?? "")) return true;
    }
    return false;
  }

  private appendLog(chunk: Buffer): void {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (line.trim() === "") continue;
      this.logBuffer.push(line);
    }
    if (this.logBuffer.length > LOG_LINES_KEPT) this.logBuffer.splice(0, this.logBuffer.length - LOG_LINES_KEPT);
  }

  private async waitReady(child: ChildProcess, spawnError: Promise<Error>): Promise<void> {
    const deadline = Date.now() + (this.opts.readyTimeoutMs ?? 10_000);
    let failure: Error | undefined;
    void spawnError.then((e) => (failure = e));
    while (Date.now() < deadline) {
      if (failure !== undefined) throw new Error(`cannot spawn redis-server: ${failure.message}`);
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`redis-server exited early (${child.exitCode ?? child.signalCode}):\n${this.logBuffer.join("\n")}`);
      }
      // The log line proves it is *our* process that listens (a foreign server may answer PING).
      if (this.readySinceStart() && (await pingTcp("127.0.0.1", this.port, 300))) return;
      await sleep(25);
    }
    child.kill("SIGKILL");
    throw new Error(`redis-server on port ${this.port} not ready in time:\n${this.logBuffer.join("\n")}`);
  }
}

/**
 * Start a private redis-server (foreground child, killed by `stop()` and on process exit).
 *
 * Fault-test pattern: `await s.kill("SIGKILL"); await s.restart();` keeps port and dir,
 * so with `appendonly: true` written data survives.
 */
export async function startRedisServer(opts: RedisServerOptions = {}): Promise<RedisServerHandle> {
  const port = opts.port ?? (await freePort());
  const ownsDir = opts.dir === undefined;
  const dir = opts.dir ?? (await mkdtemp(join(tmpdir(), `redis-test-${port}-`)));
  const server = new RedisServerProcess(port, dir, ownsDir, opts);
  try {
    await server.start();
  } catch (err) {
    await server.stop();
    throw err;
  }
  return server;
}
