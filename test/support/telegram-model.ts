/**
 * In-memory model of the Telegram Bot API as one bot sees it: chats, the
 * messages the bot sent (kept current through edits), users, admins, the update
 * queue (long poll) and a log of every API call.
 *
 * Transport-free: test/support/bot-api-server.ts exposes it over HTTP and
 * `captureTransformer(model)` plugs it into an in-process grammY Bot. No vitest
 * import: also usable from demo/ and bench/.
 */
import { EventEmitter } from "node:events";
import type {
  CallbackQuery,
  Chat,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  Message,
  MessageEntity,
  Update,
  User,
  UserFromGetMe,
} from "grammy/types";
import { isParseMode, renderText, type ParseMode } from "./telegram-text.js";

// ───────────────────────────── public types ─────────────────────────────

/** A human Telegram user in tests. Private chat id === user id. */
export interface TestUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export type ApiFailure = {
  ok: false;
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
};
export type ApiResult = { ok: true; result: unknown } | ApiFailure;

/** A file received with a multipart upload (or an InputFile via the transformer). */
export interface UploadedFile {
  /** Payload field it belongs to, e.g. "document". */
  field: string;
  filename: string;
  contentType?: string;
  bytes: Buffer;
}

export type Params = Record<string, unknown>;

/** Chats a bot in this model can be in (no channels). */
export type NonChannelChat = Chat.PrivateChat | Chat.GroupChat | Chat.SupergroupChat;

export interface ApiCall {
  /** 1-based sequence number, also usable as a checkpoint (see `checkpoint()`). */
  seq: number;
  method: string;
  params: Params;
  files: UploadedFile[];
  via: "http" | "transformer";
  /** ms timestamp when the request arrived. */
  at: number;
  /** Undefined while in flight (e.g. a long-polling getUpdates). */
  response?: ApiResult;
  respondedAt?: number;
  /** True when no specific handler exists and a generic ok:true was answered. */
  unhandled: boolean;
}

export type ReplyMarkup = InlineKeyboardMarkup | { keyboard: unknown } | { remove_keyboard: true } | { force_reply: true };

export interface StoredDocument {
  file_id: string;
  file_unique_id: string;
  file_name?: string;
  mime_type?: string;
  file_size?: number;
  /** Raw bytes if the file was uploaded (undefined when sent by file_id/URL). */
  bytes?: Buffer;
}

export interface StoredMessage {
  chatId: number;
  messageId: number;
  /** "bot" for messages the bot sent, else the sender's user id. */
  from: "bot" | number;
  /** Plain text as the user sees it (parse_mode markup removed); caption for documents. */
  text?: string;
  /** Text exactly as the bot sent it (with markup). */
  rawText?: string;
  parseMode?: ParseMode;
  replyMarkup?: ReplyMarkup;
  document?: StoredDocument;
  replyToMessageId?: number;
  date: number;
  editDate?: number;
  /** Number of successful edits. */
  edits: number;
  deleted: boolean;
  pinned: boolean;
}

/** "restricted" is a restricted member still in the chat; "restricted-left" one who is not (is_member false). */
export type MemberStatus = "creator" | "administrator" | "member" | "left" | "kicked" | "restricted" | "restricted-left";

export interface ChatState {
  id: number;
  type: "private" | "supergroup" | "group";
  title?: string;
  messages: StoredMessage[];
  members: Map<number, MemberStatus>;
  pinnedMessageId?: number;
  nextMessageId: number;
}

export interface CallbackAnswer {
  text?: string;
  show_alert?: boolean;
  url?: string;
}

export interface CallbackRecord {
  id: string;
  userId: number;
  chatId: number;
  messageId: number;
  data: string;
  answered: boolean;
  answer?: CallbackAnswer;
}

export interface RateLimitOptions {
  /** Max rate-limited calls per window over all chats. */
  global?: number;
  /** Max rate-limited calls per window per chat_id. */
  perChat?: number;
  /** Window length, default 1000 ms. */
  windowMs?: number;
  /** retry_after seconds in the 429 answer, default 1. */
  retryAfter?: number;
  /** Methods that count, default: send*, edit*, copy/forward. */
  methods?: readonly string[];
  /** Max rate-limited calls per minute in each group (chat_id < 0), as Telegram's ~20/min. */
  perGroupPerMinute?: number;
  /** Edits in private chats do not count (Telegram lets a bot update a private message quickly). */
  privateEditsFree?: boolean;
}

export type ButtonMatcher = string | RegExp | ((button: InlineKeyboardButton) => boolean);

export interface ModelOptions {
  token?: string;
  botInfo?: Partial<UserFromGetMe>;
  rateLimit?: RateLimitOptions;
  /** Clock for dates and the rate limiter (ms). */
  now?: () => number;
  /** Called for methods answered generically and other notable events. Default: silent. */
  log?: (line: string) => void;
}

export interface GetUpdatesOptions {
  offset?: number;
  limit?: number;
  /** Seconds. */
  timeout?: number;
  allowedUpdates?: readonly string[];
  signal?: AbortSignal;
}

// ───────────────────────────── helpers ─────────────────────────────

export function apiError(code: number, description: string, parameters?: ApiFailure["parameters"]): ApiFailure {
  return parameters === undefined
    ? { ok: false, error_code: code, description }
    : { ok: false, error_code: code, description, parameters };
}

const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";
const CANT_INITIATE = "Forbidden: bot can't initiate conversation with a user";
const QUERY_INVALID = "query is too old and response timeout expired or query ID is invalid";

const DEFAULT_LIMITED_METHODS = [
  "sendMessage", "sendDocument", "sendPhoto", "sendMediaGroup", "sendAudio", "sendVideo", "sendAnimation",
  "sendVoice", "sendSticker", "sendPoll", "copyMessage", "forwardMessage",
  "editMessageText", "editMessageReplyMarkup", "editMessageCaption", "editMessageMedia",
];

class ParamError extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.description);
  }
}

function badRequest(description: string): never {
  throw new ParamError(apiError(400, `Bad Request: ${description}`));
}

function parseMaybeJson(v: unknown): unknown {
  if (typeof v !== "string") return v;
  const t = v.trim();
  if (t.startsWith("{") || t.startsWith("[")) {
    try {
      return JSON.parse(t) as unknown;
    } catch {
      return v;
    }
  }
  return v;
}

function optNumber(params: Params, key: string): number | undefined {
  const v = params[key];
  if (v === undefined || v === null || v === "") return undefined;
  const n = typeof v === "number" ? v : typeof v === "string" && /^-?\d+$/.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isFinite(n)) badRequest(`invalid ${key} specified`);
  return n;
}

function reqNumber(params: Params, key: string): number {
  const n = optNumber(params, key);
  if (n === undefined) badRequest(`${key} is empty`);
  return n;
}

function optString(params: Params, key: string): string | undefined {
  const v = params[key];
  if (v === undefined || v === null) return undefined;
  return typeof v === "string" ? v : String(v);
}

function optBool(params: Params, key: string): boolean | undefined {
  const v = params[key];
  if (v === undefined || v === null) return undefined;
  return v === true || v === "true";
}

function chatIdParam(params: Params): number {
  const v = params.chat_id;
  if (typeof v === "string" && v.startsWith("@")) badRequest("chat not found");
  if (v === undefined || v === null || v === "") badRequest("chat_id is empty");
  return reqNumber(params, "chat_id");
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function validateInlineKeyboard(markup: Record<string, unknown>): InlineKeyboardMarkup {
  const rows = markup.inline_keyboard;
  if (!Array.isArray(rows)) badRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup should be an Array");
  for (const row of rows) {
    if (!Array.isArray(row)) badRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup should be an Array of Arrays");
    for (const button of row) {
      if (!isRecord(button) || typeof button.text !== "string" || button.text === "") {
        badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
      }
      const data = button.callback_data;
      if (data !== undefined && (typeof data !== "string" || data === "" || Buffer.byteLength(data, "utf8") > 64)) {
        badRequest("BUTTON_DATA_INVALID");
      }
      // Telegram opens Mini Apps over https only.
      const webApp = button.web_app;
      if (webApp !== undefined && (!isRecord(webApp) || typeof webApp.url !== "string" || !webApp.url.startsWith("https://"))) {
        badRequest("inline keyboard button Web App URL is invalid: Only HTTPS links are allowed");
      }
    }
  }
  return markup as unknown as InlineKeyboardMarkup;
}

function replyMarkupParam(params: Params): ReplyMarkup | undefined {
  const raw = parseMaybeJson(params.reply_markup);
  if (raw === undefined || raw === null) return undefined;
  if (!isRecord(raw)) badRequest("can't parse reply keyboard markup JSON object");
  if ("inline_keyboard" in raw) return validateInlineKeyboard(raw);
  return raw as ReplyMarkup;
}

/** Inline keyboard with no buttons counts as "no markup" (as in Telegram). */
function normalizedInline(markup: ReplyMarkup | undefined): InlineKeyboardButton[][] | undefined {
  if (markup === undefined || !("inline_keyboard" in markup)) return undefined;
  return markup.inline_keyboard.length === 0 || markup.inline_keyboard.every((r) => r.length === 0)
    ? undefined
    : markup.inline_keyboard;
}

/** All inline buttons of a message, row by row. */
export function buttonsOf(message: StoredMessage | undefined): InlineKeyboardButton[] {
  return normalizedInline(message?.replyMarkup)?.flat() ?? [];
}

function matchesButton(button: InlineKeyboardButton, matcher: ButtonMatcher): boolean {
  if (typeof matcher === "string") return button.text === matcher;
  if (matcher instanceof RegExp) return matcher.test(button.text);
  return matcher(button);
}

function describeCall(c: ApiCall): string {
  const outcome = c.response === undefined ? "…" : c.response.ok ? "ok" : `${c.response.error_code} ${c.response.description}`;
  return `#${c.seq} ${c.method} ${JSON.stringify(c.params).slice(0, 200)} → ${outcome}`;
}

function botCommandEntity(text: string): MessageEntity[] | undefined {
  const m = /^\/[A-Za-z0-9_]{1,64}(@[A-Za-z0-9_]+)?/.exec(text);
  return m === null ? undefined : [{ type: "bot_command", offset: 0, length: m[0].length }];
}

// ───────────────────────────── rate limiter ─────────────────────────────

/** Sliding-window limiter; counts how many 429s it has produced. */
export class RateLimiter {
  private readonly globalHits: number[] = [];
  private readonly chatHits = new Map<number, number[]>();
  private readonly groupMinuteHits = new Map<number, number[]>();
  rejected = 0;

  constructor(
    private readonly opts: RateLimitOptions,
    private readonly now: () => number,
  ) {}

  applies(method: string): boolean {
    return (this.opts.methods ?? DEFAULT_LIMITED_METHODS).includes(method);
  }

  /** Returns a 429 failure, or undefined and records the hit. */
  check(chatId: number | undefined, method = "sendMessage"): ApiFailure | undefined {
    if (this.opts.privateEditsFree && method.startsWith("edit") && chatId !== undefined && chatId > 0) return undefined;
    const t = this.now();
    const windowMs = this.opts.windowMs ?? 1000;
    const prune = (hits: number[], ms = windowMs): number[] => {
      while (hits.length > 0 && (hits[0] ?? 0) <= t - ms) hits.shift();
      return hits;
    };
    const g = prune(this.globalHits);
    const c = chatId === undefined ? undefined : prune(this.chatHits.get(chatId) ?? []);
    const inGroup = chatId !== undefined && chatId < 0 && this.opts.perGroupPerMinute !== undefined;
    const m = inGroup ? prune(this.groupMinuteHits.get(chatId) ?? [], 60_000) : undefined;
    const overGlobal = this.opts.global !== undefined && g.length >= this.opts.global;
    const overChat = c !== undefined && this.opts.perChat !== undefined && c.length >= this.opts.perChat;
    const overGroup = m !== undefined && m.length >= (this.opts.perGroupPerMinute ?? Infinity);
    if (overGlobal || overChat || overGroup) {
      this.rejected += 1;
      // Past a group's minute budget Telegram asks to wait until its oldest message leaves the window.
      const groupWait = overGroup && m !== undefined ? Math.ceil(((m[0] ?? t) + 60_000 - t) / 1000) : 0;
      const retryAfter = Math.max(this.opts.retryAfter ?? 1, groupWait);
      return apiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
    }
    g.push(t);
    if (c !== undefined && chatId !== undefined) {
      c.push(t);
      this.chatHits.set(chatId, c);
    }
    if (m !== undefined && chatId !== undefined) {
      m.push(t);
      this.groupMinuteHits.set(chatId, m);
    }
    return undefined;
  }
}

// ───────────────────────────── update queue ─────────────────────────────

interface PendingPoll {
  resolve(result: ApiResult): void;
}

/** Pending updates plus long-poll bookkeeping (one poller at a time, like Telegram). */
class UpdateQueue {
  private items: Update[] = [];
  private nextId = 1;
  private readonly wakers = new Set<() => void>();
  private pending: PendingPoll | undefined;
  closed = false;

  get size(): number {
    return this.items.length;
  }

  peek(): readonly Update[] {
    return this.items;
  }

  push(update: Omit<Update, "update_id"> & { update_id?: number }): Update {
    const update_id = update.update_id ?? this.nextId;
    this.nextId = Math.max(this.nextId, update_id + 1);
    const full = { ...update, update_id } as Update;
    this.items.push(full);
    this.wakeAll();
    return full;
  }

  drain(): Update[] {
    return this.items.splice(0);
  }

  clear(): void {
    this.items = [];
  }

  close(): void {
    this.closed = true;
    this.wakeAll();
  }

  async poll(opts: GetUpdatesOptions): Promise<ApiResult> {
    this.pending?.resolve(apiError(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"));
    this.confirm(opts.offset);
    const limit = Math.min(Math.max(opts.limit ?? 100, 1), 100);
    const ready = this.select(limit, opts.allowedUpdates);
    if (ready.length > 0 || (opts.timeout ?? 0) <= 0 || this.closed) return { ok: true, result: ready };
    return this.waitForUpdates(opts, limit);
  }

  private waitForUpdates(opts: GetUpdatesOptions, limit: number): Promise<ApiResult> {
    return new Promise<ApiResult>((resolve) => {
      const finish = (result: ApiResult): void => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        opts.signal?.removeEventListener("abort", onAbort);
        if (this.pending === poll) this.pending = undefined;
        resolve(result);
      };
      const wake = (): void => {
        const ready = this.select(limit, opts.allowedUpdates);
        if (ready.length > 0 || this.closed) finish({ ok: true, result: ready });
      };
      const onAbort = (): void => finish({ ok: true, result: [] });
      const poll: PendingPoll = { resolve: finish };
      const timer = setTimeout(() => finish({ ok: true, result: this.select(limit, opts.allowedUpdates) }), (opts.timeout ?? 0) * 1000);
      this.pending = poll;
      this.wakers.add(wake);
      opts.signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  /** Telegram semantics: offset confirms (drops) every update with a smaller id; negative = keep last -offset. */
  private confirm(offset: number | undefined): void {
    if (offset === undefined || offset === 0) return;
    if (offset < 0) this.items = this.items.slice(offset);
    else this.items = this.items.filter((u) => u.update_id >= offset);
  }

  private select(limit: number, allowed: readonly string[] | undefined): Update[] {
    if (allowed !== undefined && allowed.length > 0) {
      this.items = this.items.filter((u) => Object.keys(u).some((k) => k !== "update_id" && allowed.includes(k)));
    }
    return this.items.slice(0, limit);
  }

  private wakeAll(): void {
    for (const wake of [...this.wakers]) wake();
  }
}

// ───────────────────────────── the model ─────────────────────────────

type Hold = {
  where: (call: ApiCall) => boolean;
  arrived: Promise<ApiCall>;
  onArrive: (call: ApiCall) => void;
  released: Promise<void>;
};

interface Fault {
  method: string;
  remaining: number;
  response: ApiFailure;
}

type Handler = (params: Params, files: UploadedFile[]) => unknown;

export class TelegramModel {
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  readonly calls: ApiCall[] = [];
  readonly chats = new Map<number, ChatState>();
  readonly users = new Map<number, TestUser>();
  /** Users who sent /start in private (the bot may message them). */
  readonly started = new Set<number>();
  /** Users who blocked the bot (403 "bot was blocked by the user"). */
  readonly blocked = new Set<number>();
  readonly callbacks = new Map<string, CallbackRecord>();
  /** Last setMyCommands payload per scope/language key ("default" when none). */
  readonly commands = new Map<string, unknown>();
  /** Files users uploaded, by file_id (served by getFile + fileBytes). */
  readonly files = new Map<string, StoredDocument>();
  webhookUrl = "";
  private readonly queue = new UpdateQueue();
  private readonly events = new EventEmitter();
  private readonly faults: Fault[] = [];
  private readonly holds: Hold[] = [];
  private limiter: RateLimiter | undefined;
  private latencyMs = 0;
  private nextCallbackId = 1;
  private nextFileId = 1;
  private readonly now: () => number;
  private readonly log: (line: string) => void;
  private readonly handlers: Readonly<Record<string, Handler>>;

  constructor(opts: ModelOptions = {}) {
    this.token = opts.token ?? "123456789:TEST-token-for-the-fake-bot-api";
    const botId = Number(this.token.split(":")[0]) || 123456;
    this.botInfo = {
      id: botId,
      is_bot: true,
      first_name: "Test Bot",
      username: "test_bot",
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
      ...opts.botInfo,
    };
    this.now = opts.now ?? Date.now;
    this.log = opts.log ?? (() => undefined);
    this.events.setMaxListeners(0);
    if (opts.rateLimit !== undefined) this.setRateLimit(opts.rateLimit);
    this.handlers = this.buildHandlers();
  }

  // ── configuration ──

  /** Enable/replace (or disable with undefined) the 429 rate limiter. */
  setRateLimit(opts: RateLimitOptions | undefined): void {
    this.limiter = opts === undefined ? undefined : new RateLimiter(opts, this.now);
  }

  /** Number of 429 answers produced by the rate limiter (since it was last set). */
  get rateLimited(): number {
    return this.limiter?.rejected ?? 0;
  }

  /** Delay every non-getUpdates answer by `ms`. */
  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  /** The next `times` calls of `method` fail with `response` (default 500 Internal Server Error). */
  failNext(method: string, response: ApiFailure = apiError(500, "Internal Server Error"), times = 1): void {
    this.faults.push({ method, remaining: times, response });
  }

  /**
   * Calls matching `where` are received (recorded) but not answered until `release()`: the bot is
   * then waiting on Telegram, e.g. between a Redis write and its reply (a kill can hit it there).
   * `arrived` resolves with the first held call.
   */
  hold(where: (call: ApiCall) => boolean): { arrived: Promise<ApiCall>; release: () => void } {
    let arrivedResolve!: (call: ApiCall) => void;
    let releaseResolve!: () => void;
    const hold: Hold = {
      where,
      arrived: new Promise((resolve) => (arrivedResolve = resolve)),
      onArrive: (call) => arrivedResolve(call),
      released: new Promise((resolve) => (releaseResolve = resolve)),
    };
    this.holds.push(hold);
    return {
      arrived: hold.arrived,
      release: () => {
        this.holds.splice(this.holds.indexOf(hold), 1);
        releaseResolve();
      },
    };
  }

  // ── users and chats ──

  addUser(user: TestUser): TestUser {
    this.users.set(user.id, user);
    return user;
  }

  /** Mark a user as having started the bot (silently: no update is queued). */
  startUser(user: TestUser | number): void {
    const u = this.resolveUser(user);
    this.started.add(u.id);
    this.ensureChat(u.id);
  }

  blockUser(user: TestUser | number): void {
    this.blocked.add(this.resolveUser(user).id);
  }

  /** Get or create a chat: negative id → supergroup, positive → private chat with that user. */
  ensureChat(chatId: number, init: { title?: string; type?: ChatState["type"] } = {}): ChatState {
    let chat = this.chats.get(chatId);
    if (chat === undefined) {
      const type = init.type ?? (chatId < 0 ? "supergroup" : "private");
      chat = { id: chatId, type, messages: [], members: new Map(), nextMessageId: 1 };
      if (type !== "private") chat.title = init.title ?? `Group ${chatId}`;
      this.chats.set(chatId, chat);
    } else if (init.title !== undefined) {
      chat.title = init.title;
    }
    return chat;
  }

  chat(chatId: number): ChatState {
    return this.ensureChat(chatId);
  }

  /** creatorId gets "creator", userIds "administrator"; previous admins become "member". */
  setAdmins(chatId: number, userIds: readonly number[], creatorId?: number): void {
    const chat = this.ensureChat(chatId);
    for (const [id, status] of chat.members) {
      if (status === "administrator" || status === "creator") chat.members.set(id, "member");
    }
    for (const id of userIds) chat.members.set(id, "administrator");
    if (creatorId !== undefined) chat.members.set(creatorId, "creator");
  }

  setMemberStatus(chatId: number, userId: number, status: MemberStatus): void {
    this.ensureChat(chatId).members.set(userId, status);
  }

  memberStatus(chatId: number, userId: number): MemberStatus {
    return this.chats.get(chatId)?.members.get(userId) ?? "member";
  }

  // ── reading the model ──

  /** Non-deleted messages in a chat; `from` "bot" (default), a user id, or "any". */
  messages(chatId: number, from: "bot" | "any" | number = "bot"): StoredMessage[] {
    const all = this.chats.get(chatId)?.messages ?? [];
    return all.filter((m) => !m.deleted && (from === "any" || m.from === from));
  }

  /** Latest non-deleted message in the chat (by default: sent by the bot). */
  lastMessage(chatId: number, from: "bot" | "any" | number = "bot"): StoredMessage | undefined {
    return this.messages(chatId, from).at(-1);
  }

  message(chatId: number, messageId: number): StoredMessage | undefined {
    return this.chats.get(chatId)?.messages.find((m) => m.messageId === messageId);
  }

  /** Latest bot message in the chat that has a button matching `matcher`. */
  findMessageWithButton(chatId: number, matcher: ButtonMatcher): StoredMessage | undefined {
    return this.messages(chatId).reverse().find((m) => buttonsOf(m).some((b) => matchesButton(b, matcher)));
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Sequence number of the last call so far: pass it as `since` to only look at later calls. */
  checkpoint(): number {
    return this.calls.length;
  }

  /** Updates still waiting to be fetched. */
  pendingUpdates(): readonly Update[] {
    return this.queue.peek();
  }

  /** Remove and return all queued updates (for in-process tests that feed bot.handleUpdate). */
  takeUpdates(): Update[] {
    return this.queue.drain();
  }

  // ── acting as users ──

  /**
   * User sends `text` in chat `chatId` (private: chatId must be the user's id).
   * A leading /command gets a bot_command entity; "/start…" in private marks the user as started.
   * Returns the queued update (in-process tests can pass it to bot.handleUpdate).
   */
  send(user: TestUser | number, chatId: number, text: string, opts: { replyTo?: number; chatTitle?: string } = {}): Update {
    const u = this.resolveUser(user);
    if (chatId > 0 && chatId !== u.id) throw new Error(`private chat id ${chatId} must equal user id ${u.id}`);
    const chat = this.ensureChat(chatId, opts.chatTitle === undefined ? {} : { title: opts.chatTitle });
    if (chat.type === "private" && /^\/start(\s|@|$)/.test(text)) this.started.add(u.id);
    const stored = this.storeMessage(chat, { from: u.id, text, rawText: text, replyToMessageId: opts.replyTo });
    const message = { ...this.toMessage(chat, stored), from: this.toUser(u) };
    const entities = botCommandEntity(text);
    if (entities !== undefined) message.entities = entities;
    if (opts.replyTo !== undefined) {
      const original = this.message(chatId, opts.replyTo);
      if (original !== undefined) {
        const { reply_to_message: _nested, ...replied } = this.toMessage(chat, original);
        message.reply_to_message = { ...replied, reply_to_message: undefined };
      }
    }
    return this.enqueueUpdate({ message });
  }

  /**
   * User uploads a document (e.g. a contest file) in chat `chatId`, with an optional caption
   * (a leading /command in it gets a bot_command caption entity). The bytes are served by getFile.
   */
  sendFile(user: TestUser | number, chatId: number, file: { fileName: string; bytes: Buffer; mimeType?: string; caption?: string }): Update {
    const u = this.resolveUser(user);
    const chat = this.ensureChat(chatId);
    const n = this.nextFileId++;
    const document: StoredDocument = {
      file_id: `BQAC-user-file-${n}`,
      file_unique_id: `AgAD-user-${n}`,
      file_name: file.fileName,
      file_size: file.bytes.length,
      bytes: file.bytes,
      ...(file.mimeType === undefined ? {} : { mime_type: file.mimeType }),
    };
    this.files.set(document.file_id, document);
    const stored = this.storeMessage(chat, { from: u.id, text: file.caption, rawText: file.caption, document });
    const message = { ...this.toMessage(chat, stored), from: this.toUser(u) };
    const entities = file.caption === undefined ? undefined : botCommandEntity(file.caption);
    if (entities !== undefined) message.caption_entities = entities;
    return this.enqueueUpdate({ message });
  }

  /** Bytes of a file the bot may download, by the file_path getFile answered. */
  fileBytes(filePath: string): Buffer | undefined {
    return this.files.get(filePath.replace(/^documents\//, ""))?.bytes;
  }

  /**
   * User taps an inline button on a bot message; queues a callback_query update.
   * Throws (listing the available buttons) when no callback button matches.
   */
  tap(user: TestUser | number, chatId: number, messageId: number, button: ButtonMatcher): Update {
    const u = this.resolveUser(user);
    const chat = this.chats.get(chatId);
    const stored = chat?.messages.find((m) => m.messageId === messageId && !m.deleted);
    if (chat === undefined || stored === undefined) throw new Error(`tap: no message ${messageId} in chat ${chatId}`);
    const buttons = buttonsOf(stored);
    const hit = buttons.find((b) => matchesButton(b, button));
    if (hit === undefined || !("callback_data" in hit)) {
      const texts = buttons.map((b) => JSON.stringify(b.text)).join(", ");
      throw new Error(`tap: no callback button ${String(button)} on message ${messageId} in chat ${chatId}; buttons: [${texts}]`);
    }
    const id = `${this.botInfo.id}${String(this.nextCallbackId++).padStart(6, "0")}`;
    this.callbacks.set(id, { id, userId: u.id, chatId, messageId, data: hit.callback_data, answered: false });
    const query: CallbackQuery = {
      id,
      from: this.toUser(u),
      chat_instance: String(Math.abs(chatId) * 31 + 7),
      message: this.toMessage(chat, stored),
      data: hit.callback_data,
    };
    return this.enqueueUpdate({ callback_query: query });
  }

  /** Tap the latest bot message in the chat that has a matching button. */
  tapLatest(user: TestUser | number, chatId: number, button: ButtonMatcher): Update {
    const msg = this.findMessageWithButton(chatId, button);
    if (msg === undefined) throw new Error(`tapLatest: no bot message in chat ${chatId} has button ${String(button)}`);
    return this.tap(user, chatId, msg.messageId, button);
  }

  /** Queue any raw update (update_id assigned when missing). */
  enqueueUpdate(update: Omit<Update, "update_id"> & { update_id?: number }): Update {
    const full = this.queue.push(update);
    this.changed();
    return full;
  }

  // ── waiting ──

  /** Subscribe to every change (call arrived/answered, update queued). Returns an unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.events.on("change", listener);
    return () => this.events.off("change", listener);
  }

  /**
   * Resolve with the first truthy value `probe` returns, re-checked on every change.
   * Rejects after `timeoutMs` with the recent calls in the message.
   */
  waitFor<T>(probe: (model: this) => T | undefined | null | false, timeoutMs = 5000, what = "condition"): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let off = (): void => undefined;
      const check = (): boolean => {
        const v = probe(this);
        if (v === undefined || v === null || v === false) return false;
        clearTimeout(timer);
        off();
        resolve(v);
        return true;
      };
      const timer = setTimeout(() => {
        off();
        const recent = this.calls.slice(-15).map(describeCall).join("\n  ");
        reject(new Error(`waitFor(${what}) timed out after ${timeoutMs} ms; recent calls:\n  ${recent}`));
      }, timeoutMs);
      if (check()) return;
      off = this.onChange(() => void check());
    });
  }

  /** Wait for an answered call of `method` (after checkpoint `since`) matching `where`. */
  waitForCall(
    method: string,
    where: (call: ApiCall) => boolean = () => true,
    opts: { since?: number; timeoutMs?: number } = {},
  ): Promise<ApiCall> {
    const since = opts.since ?? 0;
    return this.waitFor(
      (m) => m.calls.find((c) => c.seq > since && c.method === method && c.response !== undefined && where(c)),
      opts.timeoutMs,
      `call ${method}`,
    );
  }

  /** Wait until the bot has a (non-deleted) message in the chat matching `where`. */
  waitForMessage(
    chatId: number,
    where: (m: StoredMessage) => boolean = () => true,
    timeoutMs?: number,
  ): Promise<StoredMessage> {
    return this.waitFor((m) => m.messages(chatId).reverse().find(where), timeoutMs, `bot message in chat ${chatId}`);
  }

  // ── the API ──

  /** Answer one Bot API call. `files` are multipart uploads referenced as attach://<name> or by field. */
  async call(
    method: string,
    params: Params,
    ctx: { files?: UploadedFile[]; via?: ApiCall["via"]; signal?: AbortSignal } = {},
  ): Promise<ApiResult> {
    const record: ApiCall = {
      seq: this.calls.length + 1,
      method,
      params,
      files: ctx.files ?? [],
      via: ctx.via ?? "http",
      at: this.now(),
      unhandled: false,
    };
    this.calls.push(record);
    this.changed();
    const response = await this.answer(record, ctx.signal);
    record.response = response;
    record.respondedAt = this.now();
    this.changed();
    return response;
  }

  /** Wake long polls and refuse further waiting (server shutdown). */
  close(): void {
    this.queue.close();
  }

  private async answer(record: ApiCall, signal: AbortSignal | undefined): Promise<ApiResult> {
    if (record.method === "getUpdates") return this.getUpdates(record.params, signal);
    const hold = this.holds.find((h) => h.where(record));
    if (hold !== undefined) {
      hold.onArrive(record);
      await hold.released;
    }
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    const fault = this.takeFault(record.method);
    if (fault !== undefined) return fault;
    try {
      const limited = this.checkRateLimit(record.method, record.params);
      if (limited !== undefined) return limited;
      const handler = this.handlers[record.method];
      if (handler === undefined) {
        record.unhandled = true;
        this.log(`[fake-telegram] unhandled method ${record.method} ${JSON.stringify(record.params).slice(0, 300)}`);
        return { ok: true, result: true };
      }
      return { ok: true, result: handler(record.params, record.files) };
    } catch (err) {
      if (err instanceof ParamError) return err.failure;
      throw err;
    }
  }

  private getUpdates(params: Params, signal: AbortSignal | undefined): Promise<ApiResult> {
    const allowed = parseMaybeJson(params.allowed_updates);
    return this.queue.poll({
      offset: optNumber(params, "offset"),
      limit: optNumber(params, "limit"),
      timeout: optNumber(params, "timeout"),
      allowedUpdates: Array.isArray(allowed) ? allowed.filter((a): a is string => typeof a === "string") : undefined,
      signal,
    });
  }

  private takeFault(method: string): ApiFailure | undefined {
    const fault = this.faults.find((f) => f.method === method && f.remaining > 0);
    if (fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.faults.splice(this.faults.indexOf(fault), 1);
    return fault.response;
  }

  private checkRateLimit(method: string, params: Params): ApiFailure | undefined {
    if (this.limiter === undefined || !this.limiter.applies(method)) return undefined;
    return this.limiter.check(optNumber(params, "chat_id"), method);
  }

  private changed(): void {
    this.events.emit("change");
  }

  // ── method handlers ──

  private buildHandlers(): Record<string, Handler> {
    const ok = (): true => true;
    return {
      getMe: () => this.botInfo,
      logOut: ok,
      close: ok,
      deleteWebhook: (p) => {
        if (optBool(p, "drop_pending_updates") === true) this.queue.clear();
        this.webhookUrl = "";
        return true;
      },
      setWebhook: (p) => {
        this.webhookUrl = optString(p, "url") ?? "";
        return true;
      },
      getWebhookInfo: () => ({ url: this.webhookUrl, has_custom_certificate: false, pending_update_count: this.queue.size }),
      setMyCommands: (p) => {
        this.commands.set(this.commandsKey(p), parseMaybeJson(p.commands));
        return true;
      },
      getMyCommands: (p) => this.commands.get(this.commandsKey(p)) ?? [],
      deleteMyCommands: (p) => this.commands.delete(this.commandsKey(p)) || true,
      sendMessage: (p) => this.sendMessage(p),
      sendDocument: (p, files) => this.sendDocument(p, files),
      getFile: (p) => {
        const fileId = optString(p, "file_id") ?? "";
        const file = this.files.get(fileId);
        if (file === undefined) badRequest("invalid file_id");
        return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size, file_path: `documents/${file.file_id}` };
      },
      editMessageText: (p) => this.editMessageText(p),
      editMessageReplyMarkup: (p) => this.editMessageReplyMarkup(p),
      deleteMessage: (p) => this.deleteMessage(p),
      answerCallbackQuery: (p) => this.answerCallbackQuery(p),
      getChatMember: (p) => this.getChatMember(p),
      getChatAdministrators: (p) => this.getChatAdministrators(p),
      getChat: (p) => this.toChat(this.ensureChat(chatIdParam(p))),
      pinChatMessage: (p) => this.setPinned(p, true),
      unpinChatMessage: (p) => this.setPinned(p, false),
      sendChatAction: ok,
    };
  }

  private commandsKey(p: Params): string {
    const scope = parseMaybeJson(p.scope);
    const lang = optString(p, "language_code") ?? "";
    return `${scope === undefined ? "default" : JSON.stringify(scope)}|${lang}`;
  }

  private writableChat(chatId: number): ChatState {
    const chat = this.ensureChat(chatId);
    if (chat.type === "private") {
      if (this.blocked.has(chatId)) throw new ParamError(apiError(403, "Forbidden: bot was blocked by the user"));
      if (!this.started.has(chatId)) throw new ParamError(apiError(403, CANT_INITIATE));
    }
    return chat;
  }

  private renderParam(text: string, p: Params, limit: number): { text: string; parseMode?: ParseMode } {
    const mode = optString(p, "parse_mode");
    if (mode !== undefined && mode !== "" && !isParseMode(mode)) badRequest(`unsupported parse_mode`);
    const parseMode = isParseMode(mode) ? mode : undefined;
    const rendered = renderText(text, parseMode);
    if (!rendered.ok) badRequest(`can't parse entities: ${rendered.error}`);
    if (rendered.text.trim() === "") badRequest("message text is empty");
    if (rendered.text.length > limit) badRequest(limit === 4096 ? "message is too long" : "message caption is too long");
    return parseMode === undefined ? { text: rendered.text } : { text: rendered.text, parseMode };
  }

  private replyToParam(p: Params): number | undefined {
    const params = parseMaybeJson(p.reply_parameters);
    if (isRecord(params) && typeof params.message_id === "number") return params.message_id;
    return optNumber(p, "reply_to_message_id");
  }

  private sendMessage(p: Params): Message {
    const chat = this.writableChat(chatIdParam(p));
    const raw = optString(p, "text") ?? "";
    if (raw === "") badRequest("message text is empty");
    const { text, parseMode } = this.renderParam(raw, p, 4096);
    const stored = this.storeMessage(chat, {
      from: "bot",
      text,
      rawText: raw,
      parseMode,
      replyMarkup: replyMarkupParam(p),
      replyToMessageId: this.replyToParam(p),
    });
    return this.toMessage(chat, stored);
  }

  private sendDocument(p: Params, files: UploadedFile[]): Message {
    const chat = this.writableChat(chatIdParam(p));
    const document = this.documentParam(p.document, files);
    const caption = optString(p, "caption");
    const rendered = caption === undefined || caption === "" ? undefined : this.renderParam(caption, p, 1024);
    const stored = this.storeMessage(chat, {
      from: "bot",
      text: rendered?.text,
      rawText: caption,
      parseMode: rendered?.parseMode,
      replyMarkup: replyMarkupParam(p),
      replyToMessageId: this.replyToParam(p),
      document,
    });
    return this.toMessage(chat, stored);
  }

  private documentParam(value: unknown, files: UploadedFile[]): StoredDocument {
    const n = this.nextFileId++;
    const ids = { file_id: `BQAC-test-file-${n}`, file_unique_id: `AgAD-${n}` };
    if (typeof value === "string" && value.startsWith("attach://")) {
      const name = value.slice("attach://".length);
      const file = files.find((f) => f.field === name);
      if (file === undefined) badRequest(`wrong file identifier/HTTP URL specified`);
      return this.storedDocument(ids, file);
    }
    const byField = files.find((f) => f.field === "document");
    if (byField !== undefined) return this.storedDocument(ids, byField);
    if (typeof value === "string" && value !== "") return { ...ids, file_id: value };
    badRequest("there is no document in the request");
  }

  private storedDocument(ids: { file_id: string; file_unique_id: string }, file: UploadedFile): StoredDocument {
    const doc: StoredDocument = { ...ids, file_name: file.filename, file_size: file.bytes.length, bytes: file.bytes };
    if (file.contentType !== undefined && file.contentType !== "application/octet-stream") doc.mime_type = file.contentType;
    return doc;
  }

  private editTarget(p: Params): { chat: ChatState; stored: StoredMessage } {
    if (p.inline_message_id !== undefined) badRequest("inline messages are not supported by the fake server");
    const chat = this.ensureChat(chatIdParam(p));
    const messageId = reqNumber(p, "message_id");
    const stored = chat.messages.find((m) => m.messageId === messageId && !m.deleted);
    if (stored === undefined) badRequest("message to edit not found");
    if (stored.from !== "bot") badRequest("message can't be edited");
    return { chat, stored };
  }

  private editMessageText(p: Params): Message {
    const { chat, stored } = this.editTarget(p);
    const raw = optString(p, "text") ?? "";
    if (raw === "") badRequest("message text is empty");
    const { text, parseMode } = this.renderParam(raw, p, 4096);
    const markup = replyMarkupParam(p); // omitted markup removes the keyboard, as in Telegram
    const sameText = stored.text === text && stored.rawText === raw;
    if (sameText && sameJson(normalizedInline(stored.replyMarkup), normalizedInline(markup))) badRequest(NOT_MODIFIED);
    Object.assign(stored, { text, rawText: raw, parseMode, replyMarkup: markup });
    return this.markEdited(chat, stored);
  }

  private editMessageReplyMarkup(p: Params): Message {
    const { chat, stored } = this.editTarget(p);
    const markup = replyMarkupParam(p);
    if (sameJson(normalizedInline(stored.replyMarkup), normalizedInline(markup))) badRequest(NOT_MODIFIED);
    stored.replyMarkup = markup;
    return this.markEdited(chat, stored);
  }

  private markEdited(chat: ChatState, stored: StoredMessage): Message {
    stored.edits += 1;
    stored.editDate = Math.floor(this.now() / 1000);
    return this.toMessage(chat, stored);
  }

  private deleteMessage(p: Params): true {
    const chat = this.ensureChat(chatIdParam(p));
    const messageId = reqNumber(p, "message_id");
    const stored = chat.messages.find((m) => m.messageId === messageId && !m.deleted);
    if (stored === undefined) badRequest("message to delete not found");
    stored.deleted = true;
    return true;
  }

  private setPinned(p: Params, pinned: boolean): true {
    const chat = this.ensureChat(chatIdParam(p));
    const messageId = optNumber(p, "message_id") ?? (pinned ? undefined : chat.pinnedMessageId);
    if (messageId === undefined) badRequest("message_id is empty");
    const stored = chat.messages.find((m) => m.messageId === messageId && !m.deleted);
    if (stored === undefined) badRequest(pinned ? "message to pin not found" : "message to unpin not found");
    stored.pinned = pinned;
    if (pinned) chat.pinnedMessageId = messageId;
    else if (chat.pinnedMessageId === messageId) chat.pinnedMessageId = undefined;
    return true;
  }

  private answerCallbackQuery(p: Params): true {
    const id = optString(p, "callback_query_id") ?? "";
    const record = this.callbacks.get(id);
    if (record === undefined || record.answered) badRequest(QUERY_INVALID);
    record.answered = true;
    const answer: CallbackAnswer = {};
    const text = optString(p, "text");
    if (text !== undefined) answer.text = text;
    const alert = optBool(p, "show_alert");
    if (alert !== undefined) answer.show_alert = alert;
    const url = optString(p, "url");
    if (url !== undefined) answer.url = url;
    record.answer = answer;
    return true;
  }

  private getChatMember(p: Params): Record<string, unknown> {
    const chatId = chatIdParam(p);
    const userId = reqNumber(p, "user_id");
    return this.chatMember(userId, this.memberStatus(chatId, userId));
  }

  private getChatAdministrators(p: Params): Record<string, unknown>[] {
    const chat = this.ensureChat(chatIdParam(p));
    return [...chat.members]
      .filter(([, s]) => s === "creator" || s === "administrator")
      .map(([id, s]) => this.chatMember(id, s));
  }

  private chatMember(userId: number, status: MemberStatus): Record<string, unknown> {
    const user = userId === this.botInfo.id ? this.botUser() : this.toUser(this.users.get(userId) ?? { id: userId, first_name: `User ${userId}` });
    if (status === "creator") return { status, user, is_anonymous: false };
    if (status === "administrator") {
      return {
        status, user, can_be_edited: false, is_anonymous: false, can_manage_chat: true, can_delete_messages: true,
        can_manage_video_chats: true, can_restrict_members: true, can_promote_members: false, can_change_info: true,
        can_invite_users: true, can_post_stories: false, can_edit_stories: false, can_delete_stories: false, can_pin_messages: true,
      };
    }
    if (status === "kicked") return { status, user, until_date: 0 };
    if (status === "restricted" || status === "restricted-left") {
      return {
        status: "restricted", user, is_member: status === "restricted", can_send_messages: false, can_send_audios: false,
        can_send_documents: false, can_send_photos: false, can_send_videos: false, can_send_video_notes: false,
        can_send_voice_notes: false, can_send_polls: false, can_send_other_messages: false, can_add_web_page_previews: false,
        can_change_info: false, can_invite_users: false, can_pin_messages: false, can_manage_topics: false, until_date: 0,
      };
    }
    return { status, user };
  }

  // ── storage and conversion ──

  private storeMessage(
    chat: ChatState,
    fields: Omit<StoredMessage, "chatId" | "messageId" | "date" | "edits" | "deleted" | "pinned">,
  ): StoredMessage {
    const stored: StoredMessage = {
      chatId: chat.id,
      messageId: chat.nextMessageId++,
      date: Math.floor(this.now() / 1000),
      edits: 0,
      deleted: false,
      pinned: false,
      ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      from: fields.from,
    };
    chat.messages.push(stored);
    return stored;
  }

  private resolveUser(user: TestUser | number): TestUser {
    if (typeof user !== "number") return this.users.get(user.id) === user ? user : this.addUser(user);
    const known = this.users.get(user);
    if (known === undefined) throw new Error(`unknown user ${user}: pass the TestUser object once (or addUser) first`);
    return known;
  }

  private botUser(): User {
    return { id: this.botInfo.id, is_bot: true, first_name: this.botInfo.first_name, username: this.botInfo.username };
  }

  toUser(u: TestUser): User {
    const user: User = { id: u.id, is_bot: false, first_name: u.first_name };
    if (u.last_name !== undefined) user.last_name = u.last_name;
    if (u.username !== undefined) user.username = u.username;
    if (u.language_code !== undefined) user.language_code = u.language_code;
    return user;
  }

  toChat(chat: ChatState): NonChannelChat {
    if (chat.type === "private") {
      const u = this.users.get(chat.id);
      const c: Chat.PrivateChat = { id: chat.id, type: "private", first_name: u?.first_name ?? `User ${chat.id}` };
      if (u?.username !== undefined) c.username = u.username;
      return c;
    }
    const title = chat.title ?? `Group ${chat.id}`;
    return chat.type === "group" ? { id: chat.id, type: "group", title } : { id: chat.id, type: "supergroup", title };
  }

  /** The Telegram `Message` object for a stored message, as the API would return it now. */
  toMessage(chat: ChatState, stored: StoredMessage): Message & { chat: NonChannelChat } {
    const from = stored.from === "bot" ? this.botUser() : this.toUser(this.users.get(stored.from) ?? { id: stored.from, first_name: "" });
    const msg: Message & { chat: NonChannelChat } = { message_id: stored.messageId, date: stored.date, chat: this.toChat(chat), from };
    if (stored.document !== undefined) {
      const { bytes: _bytes, ...document } = stored.document;
      msg.document = document;
      if (stored.text !== undefined) msg.caption = stored.text;
    } else if (stored.text !== undefined) {
      msg.text = stored.text;
    }
    const inline = normalizedInline(stored.replyMarkup);
    if (inline !== undefined) msg.reply_markup = { inline_keyboard: inline };
    if (stored.editDate !== undefined) msg.edit_date = stored.editDate;
    return msg;
  }
}
