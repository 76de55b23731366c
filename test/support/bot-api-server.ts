/**
 * A local fake Telegram Bot API over HTTP (node:http only), backed by a
 * TelegramModel. Point grammY at it with `client: { apiRoot: server.apiRoot }`
 * (or TELEGRAM_API_ROOT for the built bot) and the bot runs unchanged.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update } from "grammy/types";
import {
  TelegramModel,
  apiError,
  type ApiCall,
  type ApiResult,
  type ButtonMatcher,
  type ChatState,
  type ModelOptions,
  type StoredMessage,
  type TestUser,
} from "./telegram-model.js";
import { decodeBody, parseApiPath } from "./telegram-request.js";

export { captureTransformer, modelFetch } from "./telegram-transformer.js";
export { TelegramModel, apiError, buttonsOf } from "./telegram-model.js";
export type * from "./telegram-model.js";

export interface BotApiServerOptions extends ModelOptions {
  /** Use an existing model (e.g. shared with an in-process bot). Other model options are then ignored. */
  model?: TelegramModel;
  /** Default 0 (free port). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Max request body size in bytes, default 50 MB (Telegram's upload limit). */
  maxBodyBytes?: number;
}

export interface BotApiServer {
  /** e.g. "http://127.0.0.1:41234" — pass as grammY `client.apiRoot` / TELEGRAM_API_ROOT. */
  readonly apiRoot: string;
  readonly token: string;
  readonly port: number;
  readonly model: TelegramModel;
  /** Every call so far (live array; see ApiCall). */
  readonly calls: readonly ApiCall[];
  chat(chatId: number): ChatState;
  lastMessage(chatId: number, from?: "bot" | "any" | number): StoredMessage | undefined;
  messages(chatId: number, from?: "bot" | "any" | number): StoredMessage[];
  send(user: TestUser | number, chatId: number, text: string, opts?: { replyTo?: number; chatTitle?: string }): Update;
  tap(user: TestUser | number, chatId: number, messageId: number, button: ButtonMatcher): Update;
  tapLatest(user: TestUser | number, chatId: number, button: ButtonMatcher): Update;
  startUser(user: TestUser | number): void;
  setAdmins(chatId: number, userIds: readonly number[], creatorId?: number): void;
  enqueueUpdate(update: Omit<Update, "update_id"> & { update_id?: number }): Update;
  waitFor<T>(probe: (model: TelegramModel) => T | undefined | null | false, timeoutMs?: number, what?: string): Promise<T>;
  waitForCall(method: string, where?: (call: ApiCall) => boolean, opts?: { since?: number; timeoutMs?: number }): Promise<ApiCall>;
  waitForMessage(chatId: number, where?: (m: StoredMessage) => boolean, timeoutMs?: number): Promise<StoredMessage>;
  /** Wake pending long polls, close all connections, stop listening. Idempotent. */
  close(): Promise<void>;
}

function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new Error("Request Entity Too Large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function respond(res: ServerResponse, result: ApiResult): void {
  if (res.writableEnded || res.destroyed) return;
  const body = JSON.stringify(result);
  res.writeHead(result.ok ? 200 : result.error_code, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}

/** Abort signal that fires when the client goes away before we answered. */
function clientGoneSignal(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}

async function handleRequest(model: TelegramModel, req: IncomingMessage, res: ServerResponse, maxBodyBytes: number): Promise<void> {
  const url = new URL(req.url ?? "/", "http://localhost");
  // File downloads: GET /file/bot<token>/<file_path>
  const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
  if (download) {
    const bytes = download[1] === model.token ? model.fileBytes(decodeURIComponent(download[2]!)) : undefined;
    res.writeHead(bytes ? 200 : 404, { "content-type": "application/octet-stream" });
    res.end(bytes ?? "");
    return;
  }
  const route = parseApiPath(url.pathname);
  if (route === undefined) return respond(res, apiError(404, "Not Found"));
  if (route.token !== model.token) return respond(res, apiError(401, "Unauthorized"));
  let decoded;
  try {
    decoded = decodeBody(req.headers["content-type"], await readBody(req, maxBodyBytes));
  } catch (err) {
    return respond(res, apiError(400, `Bad Request: ${err instanceof Error ? err.message : String(err)}`));
  }
  const params = { ...Object.fromEntries(url.searchParams), ...decoded.params };
  const signal = clientGoneSignal(res);
  const result = await model.call(route.method, params, { files: decoded.files, via: "http", signal });
  respond(res, result);
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** Start the fake Bot API. Always `await server.close()` in teardown. */
export async function startBotApiServer(opts: BotApiServerOptions = {}): Promise<BotApiServer> {
  const model = opts.model ?? new TelegramModel(opts);
  const maxBodyBytes = opts.maxBodyBytes ?? 50 * 1024 * 1024;
  const server = createServer((req, res) => {
    handleRequest(model, req, res, maxBodyBytes).catch((err: unknown) => {
      respond(res, apiError(500, `Internal Server Error: ${err instanceof Error ? err.message : String(err)}`));
    });
  });
  const host = opts.host ?? "127.0.0.1";
  const address = await listen(server, opts.port ?? 0, host);
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      model.close();
      server.close(() => resolve());
      setImmediate(() => server.closeAllConnections());
    });
    return closing;
  };
  return {
    apiRoot: `http://${host}:${address.port}`,
    token: model.token,
    port: address.port,
    model,
    calls: model.calls,
    chat: (chatId) => model.chat(chatId),
    lastMessage: (chatId, from) => model.lastMessage(chatId, from),
    messages: (chatId, from) => model.messages(chatId, from),
    send: (user, chatId, text, sendOpts) => model.send(user, chatId, text, sendOpts),
    tap: (user, chatId, messageId, button) => model.tap(user, chatId, messageId, button),
    tapLatest: (user, chatId, button) => model.tapLatest(user, chatId, button),
    startUser: (user) => model.startUser(user),
    setAdmins: (chatId, userIds, creatorId) => model.setAdmins(chatId, userIds, creatorId),
    enqueueUpdate: (update) => model.enqueueUpdate(update),
    waitFor: (probe, timeoutMs, what) => model.waitFor(probe, timeoutMs, what),
    waitForCall: (method, where, waitOpts) => model.waitForCall(method, where, waitOpts),
    waitForMessage: (chatId, where, timeoutMs) => model.waitForMessage(chatId, where, timeoutMs),
    close,
  };
}
