/**
 * Running a grammY Bot in-process against a TelegramModel, without HTTP.
 *
 * Two ways, same model, same answers as the HTTP fake server:
 *  - `captureTransformer(model)`: `bot.api.config.use(captureTransformer(model))`.
 *    It answers from the model and never calls `prev`, so transformers installed
 *    *before* it (e.g. autoRetry installed inside createBot) are bypassed.
 *  - `modelFetch(model)`: `new Bot(token, { botInfo: model.botInfo, client: { fetch: modelFetch(model) } })`.
 *    The innermost layer: every transformer (autoRetry, throttler…) and grammY's
 *    real JSON/multipart serialisation still run.
 */
import { InputFile, type Transformer } from "grammy";
import type { ApiResult, Params, TelegramModel, UploadedFile } from "./telegram-model.js";
import { decodeBody, parseApiPath } from "./telegram-request.js";

type Chunked = Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

async function collectBytes(data: Chunked): Promise<Buffer> {
  if (data instanceof Uint8Array) return Buffer.from(data);
  const chunks: Buffer[] = [];
  for await (const chunk of data) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/**
 * Replace every InputFile in a payload with "attach://<field>" and collect its
 * bytes; drop null/undefined like grammY's JSON encoding does.
 */
async function extractFiles(value: unknown, files: UploadedFile[], key: string): Promise<unknown> {
  if (value instanceof InputFile) {
    const field = files.some((f) => f.field === key) ? `${key}${files.length}` : key;
    files.push({ field, filename: value.filename ?? `${key}.dat`, bytes: await collectBytes(await value.toRaw()) });
    return `attach://${field}`;
  }
  if (Array.isArray(value)) {
    return Promise.all(value.map((v, i) => extractFiles(v, files, `${key}${i}`)));
  }
  if (typeof value === "object" && value !== null) {
    const out: Params = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined || v === null) continue;
      out[k] = await extractFiles(v, files, k);
    }
    return out;
  }
  return value;
}

/** A grammY transformer that answers every API call from `model` (recorded with via: "transformer"). */
export function captureTransformer(model: TelegramModel): Transformer {
  const transformer = async (_prev: unknown, method: string, payload: unknown, signal?: AbortSignal): Promise<ApiResult> => {
    const files: UploadedFile[] = [];
    const extracted = await extractFiles(payload ?? {}, files, "payload");
    const params = typeof extracted === "object" && extracted !== null ? (extracted as Params) : {};
    return model.call(method, params, { files, via: "transformer", signal });
  };
  // grammY's Transformer is generic over the method; our answers are the model's untyped JSON.
  return transformer as unknown as Transformer;
}

async function bodyBytes(body: unknown): Promise<Buffer> {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === "string") return Buffer.from(body, "utf8");
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (typeof body === "object" && Symbol.asyncIterator in body) return collectBytes(body as AsyncIterable<Uint8Array>);
  throw new Error(`modelFetch: unsupported body type ${Object.prototype.toString.call(body)}`);
}

/** A `fetch` for grammY's `client.fetch` option that answers from `model` in-process. */
export function modelFetch(model: TelegramModel): typeof fetch {
  const fakeFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
    const route = parseApiPath(url.pathname);
    const json = (result: ApiResult): Response =>
      new Response(JSON.stringify(result), { status: result.ok ? 200 : result.error_code, headers: { "content-type": "application/json" } });
    if (route === undefined) return json({ ok: false, error_code: 404, description: "Not Found" });
    if (route.token !== model.token) return json({ ok: false, error_code: 401, description: "Unauthorized" });
    const headers = new Headers(init?.headers);
    const decoded = decodeBody(headers.get("content-type") ?? undefined, await bodyBytes(init?.body));
    const signal = init?.signal ?? undefined;
    return json(await model.call(route.method, decoded.params, { files: decoded.files, via: "transformer", signal }));
  };
  return fakeFetch as typeof fetch;
}
