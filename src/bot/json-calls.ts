// The Bot API calls of a judge's tap, sent as plain JSON.
import { HttpError, type Transformer } from "grammy";

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
 * The innermost transformer: sends a tap's answer and edits itself instead of grammY's client. For
 * every call that client walks the whole payload looking for files (the 31-button keypad is ~100
 * objects), serialises it with a replacer (JSON.stringify's slow path), and builds a polyfilled
 * AbortController, a timer and a Promise.race; that was about a tenth of a tap's CPU
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
  const transformer: Transformer = async (prev, method, payload, signal) => {
    if (signal !== undefined || !PLAIN_JSON_METHODS.has(method)) return prev(method, payload, signal);
    let response: Response;
    try {
      response = await call(base + method, { method: "POST", headers: HEADERS, body: JSON.stringify(payload) });
      // The Bot API's reply, handed on unchecked as grammY's client does.
      return (await response.json()) as Awaited<ReturnType<typeof prev<typeof method>>>;
    } catch (error) {
      throw new HttpError(`Network request for '${method}' failed!`, error);
    }
  };
  return transformer;
};
