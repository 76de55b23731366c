// The tap's Bot API calls sent as plain JSON (src/bot/json-calls.ts): same request, same errors.
import { describe, expect, it } from "vitest";
import { Api, GrammyError, HttpError, InlineKeyboard } from "grammy";
import { createPayloadSerializer, plainJsonCalls } from "../../src/bot/json-calls.js";

const API_ROOT = "http://bot-api.test";
const TOKEN = "123:abc";

type Sent = { url: string; method: string | undefined; headers: Record<string, string>; body: unknown };

/** A fetch that records each request and answers with `reply` (or throws it). */
const recordingFetch = (reply: (url: string) => unknown) => {
  const sent: Sent[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    const headers = Object.fromEntries(new Headers(init?.headers as ConstructorParameters<typeof Headers>[0]).entries());
    const body = typeof init?.body === "string" ? JSON.parse(init.body) : "(not a string)";
    sent.push({ url, method: init?.method, headers, body });
    const answer = reply(url);
    if (answer instanceof Error) throw answer;
    return new Response(JSON.stringify(answer), { status: 200, headers: { "content-type": "application/json" } });
  }) as typeof globalThis.fetch;
  return { fetch, sent };
};

const apiWith = (reply: (url: string) => unknown) => {
  const { fetch, sent } = recordingFetch(reply);
  const api = new Api(TOKEN, { apiRoot: API_ROOT, fetch });
  api.config.use(plainJsonCalls({ apiRoot: API_ROOT, token: TOKEN, fetch }));
  return { api, sent };
};

const keypad = () => {
  const kept = [0, 1, 2, 3, 4, 5].map((v) => Object.freeze(InlineKeyboard.text(String(v), `v|c1|0|0|${v}`)));
  const marked = InlineKeyboard.text("• 6 •", "v|c1|0|0|6");
  return InlineKeyboard.from([kept, [marked, Object.freeze(InlineKeyboard.text("📋 查看汇总", "g|c1|0|4"))], [InlineKeyboard.url("打开", "https://t.me/x")]]);
};

describe("the payload serializer", () => {
  it("writes the JSON JSON.stringify writes, also for kept (frozen) buttons seen again", () => {
    const serialize = createPayloadSerializer();
    const payloads: Array<Record<string, unknown>> = [
      { chat_id: 1, message_id: 2, text: "🎤 第 1/3 位：区教育局\n“引号” \\ 反斜杠", reply_markup: keypad() },
      { chat_id: -100, message_id: 3, text: "x", reply_markup: keypad(), parse_mode: undefined },
      { reply_markup: keypad() },
      { callback_query_id: "9", text: "已记录", show_alert: false },
      { chat_id: 1, text: "plain markup", reply_markup: { inline_keyboard: [[{ text: "a", callback_data: "b" }]] } },
      { chat_id: 1, message_id: 2, text: "no markup" },
    ];
    for (const payload of [...payloads, ...payloads]) {
      expect(JSON.parse(serialize(payload))).toEqual(JSON.parse(JSON.stringify(payload)));
    }
  });
});

describe("plainJsonCalls", () => {
  it("posts a tap's answer and edit as JSON to {apiRoot}/bot{token}/{method} and hands back the result", async () => {
    const { api, sent } = apiWith((url) => (url.endsWith("/answerCallbackQuery") ? { ok: true, result: true } : { ok: true, result: { message_id: 2, date: 0, chat: { id: 1, type: "private", first_name: "a" }, text: "t" } }));
    await expect(api.answerCallbackQuery("q1", { text: "已记录" })).resolves.toBe(true);
    const edited = await api.editMessageText(1, 2, "🎤 第 1/3 位", { reply_markup: keypad() });
    expect(edited).toMatchObject({ message_id: 2 });
    expect(sent.map((s) => s.url)).toEqual([`${API_ROOT}/bot${TOKEN}/answerCallbackQuery`, `${API_ROOT}/bot${TOKEN}/editMessageText`]);
    expect(sent.every((s) => s.method === "POST" && s.headers["content-type"] === "application/json")).toBe(true);
    // Sent by the transformer, not grammY's client (which adds "connection: keep-alive").
    expect(sent.map((s) => s.headers.connection)).toEqual([undefined, undefined]);
    expect(sent[0]!.body).toEqual({ callback_query_id: "q1", text: "已记录" });
    expect(sent[1]!.body).toEqual({ chat_id: 1, message_id: 2, text: "🎤 第 1/3 位", reply_markup: JSON.parse(JSON.stringify(keypad())) });
  });

  it("turns Telegram's refusal into grammY's GrammyError (so 'message is not modified' is recognised)", async () => {
    const { api } = apiWith(() => ({ ok: false, error_code: 400, description: "Bad Request: message is not modified" }));
    const error = await api.editMessageText(1, 2, "same").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({ error_code: 400, method: "editMessageText", description: "Bad Request: message is not modified" });
  });

  it("turns a failed request into grammY's HttpError (auto-retry's signal)", async () => {
    const { api } = apiWith(() => new TypeError("fetch failed"));
    const error = await api.answerCallbackQuery("q1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).message).toBe("Network request for 'answerCallbackQuery' failed!");
  });

  it("leaves every other method to grammY's client", async () => {
    const { api, sent } = apiWith(() => ({ ok: true, result: { message_id: 5, date: 0, chat: { id: 1, type: "private", first_name: "a" }, text: "t" } }));
    const replies: string[] = [];
    // grammY's client sends through the same fetch; its request is told apart by its headers.
    await api.sendMessage(1, "hi");
    replies.push(sent[0]!.headers.connection ?? "");
    expect(sent[0]!.url).toBe(`${API_ROOT}/bot${TOKEN}/sendMessage`);
    expect(replies).toEqual(["keep-alive"]);
  });
});
