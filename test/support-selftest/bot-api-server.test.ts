import { autoRetry } from "@grammyjs/auto-retry";
import { Bot, GrammyError, InlineKeyboard, InputFile } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  TelegramModel,
  captureTransformer,
  modelFetch,
  startBotApiServer,
  type ApiResult,
  type BotApiServer,
  type TestUser,
} from "../support/bot-api-server.js";

const alice: TestUser = { id: 1001, first_name: "Alice", username: "alice", language_code: "en" };
const bob: TestUser = { id: 1002, first_name: "Bob" };
const GROUP = -1001234567890;

async function rawCall(server: BotApiServer, method: string, params: Record<string, unknown> = {}): Promise<ApiResult & { status: number }> {
  const res = await fetch(`${server.apiRoot}/bot${server.token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(params),
  });
  return { ...((await res.json()) as ApiResult), status: res.status };
}

function resultOf<T>(r: ApiResult): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error_code} ${r.description}`);
  return r.result as T;
}

describe("fake Bot API server over HTTP", () => {
  let server: BotApiServer;
  beforeEach(async () => {
    server = await startBotApiServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it("rejects a wrong token and unknown paths", async () => {
    const res = await fetch(`${server.apiRoot}/botWRONG/getMe`);
    expect(res.status).toBe(401);
    expect((await fetch(`${server.apiRoot}/nope`)).status).toBe(404);
    const me = await rawCall(server, "getMe");
    expect(resultOf<{ is_bot: boolean; username: string }>(me)).toMatchObject({ is_bot: true, username: "test_bot" });
  });

  it("long poll is held until an update arrives", async () => {
    const started = Date.now();
    const poll = rawCall(server, "getUpdates", { timeout: 10 });
    await server.waitFor((m) => m.callsTo("getUpdates").length === 1, 2000, "poll arrived");
    await new Promise((r) => setTimeout(r, 200));
    expect(server.calls.find((c) => c.method === "getUpdates")?.response).toBeUndefined();
    const update = server.send(alice, GROUP, "hello");
    const updates = resultOf<{ update_id: number; message: { text: string } }[]>(await poll);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ update_id: update.update_id, message: { text: "hello", chat: { id: GROUP, type: "supergroup" } } });
  });

  it("long poll returns an empty list when the timeout passes", async () => {
    const started = Date.now();
    const updates = resultOf<unknown[]>(await rawCall(server, "getUpdates", { timeout: 1 }));
    expect(updates).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("offset confirms earlier updates; limit caps the batch", async () => {
    const u1 = server.send(alice, GROUP, "one");
    const u2 = server.send(bob, GROUP, "two");
    const u3 = server.send(alice, GROUP, "/score@test_bot 5");
    const first = resultOf<{ update_id: number }[]>(await rawCall(server, "getUpdates", { limit: 2 }));
    expect(first.map((u) => u.update_id)).toEqual([u1.update_id, u2.update_id]);
    const rest = resultOf<{ update_id: number; message: { entities: unknown[] } }[]>(
      await rawCall(server, "getUpdates", { offset: u2.update_id + 1 }),
    );
    expect(rest.map((u) => u.update_id)).toEqual([u3.update_id]);
    expect(rest[0]?.message.entities).toEqual([{ type: "bot_command", offset: 0, length: 15 }]);
    expect(server.model.pendingUpdates().map((u) => u.update_id)).toEqual([u3.update_id]);
    await rawCall(server, "getUpdates", { offset: u3.update_id + 1 });
    expect(server.model.pendingUpdates()).toEqual([]);
  });

  it("a second poller terminates the first with 409", async () => {
    const first = rawCall(server, "getUpdates", { timeout: 5 });
    await server.waitFor((m) => m.callsTo("getUpdates").length === 1);
    const second = rawCall(server, "getUpdates", { timeout: 0 });
    expect((await first).status).toBe(409);
    expect((await second).ok).toBe(true);
  });

  it("answers 403 to users who never started the bot", async () => {
    const denied = await rawCall(server, "sendMessage", { chat_id: alice.id, text: "hi" });
    expect(denied).toMatchObject({ status: 403, ok: false, error_code: 403, description: "Forbidden: bot can't initiate conversation with a user" });
    server.send(alice, alice.id, "/start invite-42");
    expect(server.model.started.has(alice.id)).toBe(true);
    const allowed = await rawCall(server, "sendMessage", { chat_id: alice.id, text: "hi" });
    expect(allowed.ok).toBe(true);
    expect(server.lastMessage(alice.id)?.text).toBe("hi");
    expect(server.lastMessage(alice.id, alice.id)?.text).toBe("/start invite-42");
  });

  it("answers 'message is not modified' to identical edits and tracks real ones", async () => {
    const markup = new InlineKeyboard().text("Yes", "vote:yes").text("No", "vote:no");
    const sent = resultOf<{ message_id: number }>(
      await rawCall(server, "sendMessage", { chat_id: GROUP, text: "Vote <b>now</b>", parse_mode: "HTML", reply_markup: markup }),
    );
    expect(server.lastMessage(GROUP)).toMatchObject({ text: "Vote now", rawText: "Vote <b>now</b>", parseMode: "HTML" });
    const same = await rawCall(server, "editMessageText", {
      chat_id: GROUP, message_id: sent.message_id, text: "Vote <b>now</b>", parse_mode: "HTML", reply_markup: markup,
    });
    expect(same).toMatchObject({ status: 400, error_code: 400 });
    expect(same.ok ? "" : same.description).toMatch(/^Bad Request: message is not modified: /);
    const sameMarkup = await rawCall(server, "editMessageReplyMarkup", { chat_id: GROUP, message_id: sent.message_id, reply_markup: markup });
    expect(sameMarkup.status).toBe(400);

    const edited = await rawCall(server, "editMessageText", { chat_id: GROUP, message_id: sent.message_id, text: "Closed" });
    expect(edited.ok).toBe(true);
    const msg = server.model.message(GROUP, sent.message_id);
    expect(msg).toMatchObject({ text: "Closed", edits: 1 });
    expect(msg?.replyMarkup).toBeUndefined(); // editMessageText without reply_markup drops the keyboard
    const missing = await rawCall(server, "editMessageText", { chat_id: GROUP, message_id: 999, text: "x" });
    expect(missing.ok ? "" : missing.description).toBe("Bad Request: message to edit not found");
  });

  it("rejects bad HTML and oversized callback data like Telegram", async () => {
    const html = await rawCall(server, "sendMessage", { chat_id: GROUP, text: "Score for <Bob>", parse_mode: "HTML" });
    expect(html.ok ? "" : html.description).toMatch(/^Bad Request: can't parse entities: Unsupported start tag "bob"/);
    const data = await rawCall(server, "sendMessage", {
      chat_id: GROUP, text: "x", reply_markup: { inline_keyboard: [[{ text: "b", callback_data: "x".repeat(65) }]] },
    });
    expect(data.ok ? "" : data.description).toBe("Bad Request: BUTTON_DATA_INVALID");
  });

  it("rate limits with 429 and retry_after, counting rejections", async () => {
    server.model.setRateLimit({ perChat: 2, retryAfter: 3 });
    expect((await rawCall(server, "sendMessage", { chat_id: GROUP, text: "1" })).ok).toBe(true);
    expect((await rawCall(server, "sendMessage", { chat_id: GROUP, text: "2" })).ok).toBe(true);
    const third = await rawCall(server, "sendMessage", { chat_id: GROUP, text: "3" });
    expect(third).toMatchObject({
      status: 429, ok: false, error_code: 429, description: "Too Many Requests: retry after 3", parameters: { retry_after: 3 },
    });
    expect(server.model.rateLimited).toBe(1);
    expect((await rawCall(server, "sendMessage", { chat_id: GROUP - 1, text: "other chat" })).ok).toBe(true);
    expect(server.messages(GROUP).map((m) => m.text)).toEqual(["1", "2"]);
  });

  it("tap enqueues a callback_query with the button's data; answers are recorded once", async () => {
    const sent = resultOf<{ message_id: number }>(
      await rawCall(server, "sendMessage", { chat_id: GROUP, text: "Join?", reply_markup: new InlineKeyboard().text("Join", "join:7").row().url("Docs", "https://example.org") }),
    );
    const update = server.tap(alice, GROUP, sent.message_id, "Join");
    const cq = update.callback_query;
    expect(cq).toMatchObject({ data: "join:7", from: { id: alice.id, first_name: "Alice", is_bot: false }, message: { message_id: sent.message_id, chat: { id: GROUP } } });
    expect(() => server.tap(alice, GROUP, sent.message_id, "Docs")).toThrow(/no callback button/);
    expect(() => server.tap(alice, GROUP, sent.message_id, "Nope")).toThrow(/buttons: \["Join", "Docs"\]/);
    const polled = resultOf<{ callback_query?: { data: string } }[]>(await rawCall(server, "getUpdates", {}));
    expect(polled[0]?.callback_query?.data).toBe("join:7");
    expect((await rawCall(server, "answerCallbackQuery", { callback_query_id: cq?.id, text: "Joined" })).ok).toBe(true);
    expect(server.model.callbacks.get(cq?.id ?? "")?.answer).toEqual({ text: "Joined" });
    expect((await rawCall(server, "answerCallbackQuery", { callback_query_id: cq?.id })).status).toBe(400);
    expect(server.tapLatest(bob, GROUP, /^Jo/).callback_query?.from.id).toBe(bob.id);
  });

  it("getChatMember reflects setAdmins", async () => {
    server.setAdmins(GROUP, [bob.id], alice.id);
    const status = async (userId: number): Promise<string> =>
      resultOf<{ status: string }>(await rawCall(server, "getChatMember", { chat_id: GROUP, user_id: userId })).status;
    expect(await status(alice.id)).toBe("creator");
    expect(await status(bob.id)).toBe("administrator");
    expect(await status(4242)).toBe("member");
    server.setAdmins(GROUP, []);
    expect(await status(bob.id)).toBe("member");
  });

  it("answers unknown methods generically and flags them", async () => {
    expect(await rawCall(server, "setChatTitle", { chat_id: GROUP, title: "x" })).toMatchObject({ ok: true, result: true });
    expect(server.calls.at(-1)).toMatchObject({ method: "setChatTitle", unhandled: true });
  });
});

describe("grammY against the fake server", () => {
  let server: BotApiServer;
  beforeEach(async () => {
    server = await startBotApiServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it("captures a multipart sendDocument with filename and bytes", async () => {
    const bot = new Bot(server.token, { client: { apiRoot: server.apiRoot } });
    const bytes = Buffer.from("name,score\nAlice,9.5\n", "utf8");
    const msg = await bot.api.sendDocument(GROUP, new InputFile(bytes, "scores.csv"), { caption: "Results", reply_markup: new InlineKeyboard().text("OK", "ok") });
    expect(msg.document?.file_name).toBe("scores.csv");
    const call = server.calls.find((c) => c.method === "sendDocument");
    expect(call?.files).toHaveLength(1);
    expect(call?.files[0]?.filename).toBe("scores.csv");
    expect(call?.files[0]?.bytes.equals(bytes)).toBe(true);
    expect(call?.params).toMatchObject({ chat_id: GROUP, caption: "Results", reply_markup: { inline_keyboard: [[{ text: "OK", callback_data: "ok" }]] } });
    expect(server.lastMessage(GROUP)?.document?.bytes?.toString("utf8")).toBe("name,score\nAlice,9.5\n");
    expect(server.lastMessage(GROUP)?.text).toBe("Results");
  });

  it("a polling bot receives /start and replies; GrammyError carries 403", async () => {
    const bot = new Bot(server.token, { client: { apiRoot: server.apiRoot } });
    bot.command("start", (ctx) => ctx.reply(`Hi ${ctx.from?.first_name ?? ""}, payload=${ctx.match}`));
    bot.catch(() => undefined);
    const running = bot.start({ timeout: 1 });
    server.send(alice, alice.id, "/start abc");
    const reply = await server.waitForMessage(alice.id, (m) => m.text?.startsWith("Hi") === true);
    expect(reply.text).toBe("Hi Alice, payload=abc");
    const err = await bot.api.sendMessage(bob.id, "hello").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GrammyError);
    expect((err as GrammyError).error_code).toBe(403);
    await bot.stop();
    await running;
  });

  it("autoRetry recovers from a 429 with retry_after", async () => {
    const bot = new Bot(server.token, { client: { apiRoot: server.apiRoot } });
    bot.api.config.use(autoRetry());
    server.model.failNext("sendMessage", { ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
    const msg = await bot.api.sendMessage(GROUP, "eventually");
    expect(msg.text).toBe("eventually");
    expect(server.calls.filter((c) => c.method === "sendMessage").map((c) => c.response?.ok)).toEqual([false, true]);
  });
});

describe("in-process bot on the same model", () => {
  it("captureTransformer answers handleUpdate calls from the model", async () => {
    const model = new TelegramModel();
    const bot = new Bot(model.token, { botInfo: model.botInfo });
    bot.api.config.use(captureTransformer(model));
    bot.command("menu", (ctx) => ctx.reply("Pick", { reply_markup: new InlineKeyboard().text("A", "pick:a") }));
    bot.callbackQuery(/^pick:(.)$/, async (ctx) => {
      await ctx.answerCallbackQuery({ text: "ok" });
      await ctx.editMessageText(`Picked ${ctx.match[1] ?? ""}`);
      await ctx.replyWithDocument(new InputFile(Buffer.from("bytes"), "a.txt"));
    });
    await bot.handleUpdate(model.send(alice, GROUP, "/menu"));
    const menu = model.lastMessage(GROUP);
    expect(menu?.text).toBe("Pick");
    await bot.handleUpdate(model.tap(alice, GROUP, menu?.messageId ?? 0, "A"));
    expect(model.message(GROUP, menu?.messageId ?? 0)?.text).toBe("Picked a");
    expect(model.lastMessage(GROUP)?.document).toMatchObject({ file_name: "a.txt" });
    expect(model.lastMessage(GROUP)?.document?.bytes?.toString()).toBe("bytes");
    expect(model.calls.every((c) => c.via === "transformer")).toBe(true);
    expect(model.takeUpdates()).toHaveLength(2);
  });

  it("modelFetch keeps the bot's own transformers and multipart encoding", async () => {
    const model = new TelegramModel({ rateLimit: { perChat: 1, retryAfter: 1 } });
    const bot = new Bot(model.token, { botInfo: model.botInfo, client: { fetch: modelFetch(model) } });
    bot.api.config.use(autoRetry());
    await bot.api.sendMessage(GROUP, "first");
    const second = bot.api.sendDocument(GROUP, new InputFile(Buffer.from([1, 2, 3]), "x.bin"));
    expect((await second).document?.file_name).toBe("x.bin");
    expect(model.rateLimited).toBe(1);
    expect(model.lastMessage(GROUP)?.document?.bytes).toEqual(Buffer.from([1, 2, 3]));
  });

  it("enforces a group's minute budget with a retry_after until its oldest message leaves, private edits free", async () => {
    let clock = 1_000_000;
    const model = new TelegramModel({ now: () => clock, rateLimit: { perGroupPerMinute: 3, privateEditsFree: true, perChat: 100 } });
    model.startUser(alice);
    for (let i = 0; i < 3; i++) {
      clock += 1000;
      expect((await model.call("sendMessage", { chat_id: GROUP, text: `m${i}` })).ok).toBe(true);
    }
    clock += 1000;
    const limited = await model.call("sendMessage", { chat_id: GROUP, text: "one too many" });
    expect(limited).toMatchObject({ ok: false, error_code: 429, parameters: { retry_after: 57 } });
    // A private chat's message is edited freely.
    const sent = await model.call("sendMessage", { chat_id: alice.id, text: "ballot" });
    const messageId = sent.ok ? (sent.result as { message_id: number }).message_id : 0;
    for (let i = 0; i < 5; i++) expect((await model.call("editMessageText", { chat_id: alice.id, message_id: messageId, text: `v${i}` })).ok).toBe(true);
    clock += 57_000;
    expect((await model.call("sendMessage", { chat_id: GROUP, text: "later" })).ok).toBe(true);
    expect(model.rateLimited).toBe(1);
  });
});
