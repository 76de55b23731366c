// The Bot API calls of a judge's tap, sent as plain JSON.
import { HttpError, InlineKeyboard, type Transformer } from "grammy";

/**
 * Methods the bot calls on every tap whose payloads never carry a file (no InputFile can be given
 * to them), so they are always JSON.
 */
const PLAIN_JSON_METHODS: ReadonlySet<string> = new Set(["answerCallbackQuery", "editMessageText", "editMessageReplyMarkup"]);

export type PlainJsonCallsOptions = {
  apiRoot: string;
  token: string;
  /** The fetch the bot's client uses when one was given (tests, bench); otherwise Node's own. */
  fetch?: typeof fetch;
};

const HEADERS = { "content-type": "application/json" } as const;

/**
 * The payload as JSON; an inline keyboard's frozen buttons (the ballot screens' kept buttons, see
 * views/ballot.ts) are serialised once and their text reused: JSON.stringify took ~6 µs for a
 * keypad payload, this ~2 µs. Same JSON as JSON.stringify but for the keyboard's place, last.
 */
export const createPayloadSerializer = () => {
  const buttons = new WeakMap<object, string>();
  const button = (b: object): string => {
    if (!Object.isFrozen(b)) return JSON.stringify(b);
    let json = buttons.get(b);
    if (json === undefined) buttons.set(b, (json = JSON.stringify(b)));
    return json;
  };
  const row = (buttonsOfRow: readonly object[]) => `[${buttonsOfRow.map(button).join(",")}]`;
  return (payload: Record<string, unknown>): string => {
    const markup = payload.reply_markup;
    if (!(markup instanceof InlineKeyboard)) return JSON.stringify(payload);
    const head = JSON.stringify({ ...payload, reply_markup: undefined });
    const keyboard = `{"inline_keyboard":[${markup.inline_keyboard.map(row).join(",")}]}`;
    return head === "{}" ? `{"reply_markup":${keyboard}}` : `${head.slice(0, -1)},"reply_markup":${keyboard}}`;
  };
};

/**
 * The innermost transformer: sends a tap's answer and edits itself instead of grammY's client. For
 * every call that client walks the whole payload looking for files (a keypad is ~35 objects),
 * serialises it with a replacer (JSON.stringify's slow path), and builds a polyfilled
 * AbortController, a timer and a Promise.race; that was about 15 % of a tap's CPU
 * (`npm run bench -- --profile`). The request is the same: POST {apiRoot}/bot{token}/{method}
 * with the payload as JSON (the bot never puts `null` in these payloads, which grammY would drop);
 * the reply is handed back as grammY's would be (the transformers above and `callApi` turn
 * `ok: false` into a GrammyError), and a failed request becomes grammY's HttpError, as auto-retry
 * expects. Undici's own header and body timeouts (300 s) bound a stalled request. Every other
 * method, and any call with an abort signal, goes to grammY's client.
 */
export const plainJsonCalls = (options: PlainJsonCallsOptions): Transformer => {
  const call = options.fetch ?? fetch;
  const base = `${options.apiRoot}/bot${options.token}/`;
  const serialize = createPayloadSerializer();
  const transformer: Transformer = async (prev, method, payload, signal) => {
    if (signal !== undefined || !PLAIN_JSON_METHODS.has(method)) return prev(method, payload, signal);
    try {
      const response = await call(base + method, { method: "POST", headers: HEADERS, body: serialize(payload as Record<string, unknown>) });
      // The Bot API's reply, handed on unchecked as grammY's client does.
      return (await response.json()) as Awaited<ReturnType<typeof prev<typeof method>>>;
    } catch (error) {
      throw new HttpError(`Network request for '${method}' failed!`, error);
    }
  };
  return transformer;
};
