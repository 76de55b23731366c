/**
 * Decoding Bot API request bodies the way Telegram does: JSON,
 * application/x-www-form-urlencoded, and multipart/form-data (file uploads).
 * Form values are coerced so that `params` look the same whatever the encoding.
 */
import type { Params, UploadedFile } from "./telegram-model.js";

export interface DecodedRequest {
  params: Params;
  files: UploadedFile[];
}

const NUMERIC_FIELDS = new Set([
  "chat_id", "from_chat_id", "message_id", "user_id", "offset", "limit", "timeout",
  "reply_to_message_id", "message_thread_id", "cache_time", "until_date", "max_connections",
]);
const BOOLEAN_FIELDS = new Set([
  "disable_notification", "protect_content", "show_alert", "drop_pending_updates",
  "disable_content_type_detection", "disable_web_page_preview", "allow_sending_without_reply",
  "only_if_banned", "revoke_messages", "is_personal",
]);
const JSON_FIELDS = new Set([
  "reply_markup", "reply_parameters", "allowed_updates", "commands", "scope", "entities",
  "caption_entities", "link_preview_options", "media", "reaction",
]);

/** Turn a form field string into what the JSON encoding would have carried. */
export function coerceFormValue(key: string, value: string): unknown {
  if (NUMERIC_FIELDS.has(key) && /^-?\d+$/.test(value.trim())) return Number(value);
  if (BOOLEAN_FIELDS.has(key) && (value === "true" || value === "false")) return value === "true";
  if (JSON_FIELDS.has(key)) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

/** The value of a `key=value` header parameter (quoted or bare, as grammY sends `filename=x.csv`). */
function headerParam(header: string, key: string): string | undefined {
  const re = new RegExp(`(?:^|;)\\s*${key}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, "i");
  const m = re.exec(header);
  if (m === null) return undefined;
  return m[1] !== undefined ? m[1].replace(/\\(.)/g, "$1") : (m[2] ?? "").trim();
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** Split a multipart body into raw parts (headers + content) without copying bytes. */
function splitMultipart(body: Buffer, boundary: string): Buffer[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const next = Buffer.from(`\r\n--${boundary}`);
  const parts: Buffer[] = [];
  let pos = body.indexOf(delimiter);
  while (pos !== -1) {
    let start = pos + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    if (body.subarray(start, start + 2).toString() === "\r\n") start += 2;
    const end = body.indexOf(next, start);
    if (end === -1) break;
    parts.push(body.subarray(start, end));
    pos = end + 2;
  }
  return parts;
}

export function parseMultipart(body: Buffer, boundary: string): DecodedRequest {
  const params: Params = {};
  const files: UploadedFile[] = [];
  for (const part of splitMultipart(body, boundary)) {
    const sep = part.indexOf("\r\n\r\n");
    if (sep === -1) continue;
    const headers = parseHeaders(part.subarray(0, sep).toString("utf8"));
    const disposition = headers.get("content-disposition") ?? "";
    const name = headerParam(disposition, "name");
    if (name === undefined) continue;
    const content = part.subarray(sep + 4);
    const filename = headerParam(disposition, "filename");
    if (filename === undefined) {
      params[name] = coerceFormValue(name, content.toString("utf8"));
      continue;
    }
    const file: UploadedFile = { field: name, filename, bytes: Buffer.from(content) };
    const contentType = headers.get("content-type");
    if (contentType !== undefined) file.contentType = contentType;
    files.push(file);
  }
  return { params, files };
}

export function parseUrlEncoded(text: string): Params {
  const params: Params = {};
  for (const [k, v] of new URLSearchParams(text)) params[k] = coerceFormValue(k, v);
  return params;
}

/** Decode a request body by its content-type. Throws on malformed JSON. */
export function decodeBody(contentType: string | undefined, body: Buffer): DecodedRequest {
  const type = (contentType ?? "").toLowerCase();
  if (body.length === 0) return { params: {}, files: [] };
  if (type.startsWith("multipart/form-data")) {
    const boundary = headerParam(contentType ?? "", "boundary");
    if (boundary === undefined || boundary === "") throw new Error("multipart body without boundary");
    return parseMultipart(body, boundary);
  }
  if (type.startsWith("application/x-www-form-urlencoded")) return { params: parseUrlEncoded(body.toString("utf8")), files: [] };
  const parsed: unknown = JSON.parse(body.toString("utf8"));
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("JSON body must be an object");
  return { params: parsed as Params, files: [] };
}

/** Match `/bot<token>/<method>` (and the test-environment `/bot<token>/test/<method>`). */
export function parseApiPath(pathname: string): { token: string; method: string } | undefined {
  const m = /^\/bot([^/]+)\/(?:test\/)?([A-Za-z]+)$/.exec(pathname);
  if (m === null || m[1] === undefined || m[2] === undefined) return undefined;
  return { token: decodeURIComponent(m[1]), method: m[2] };
}
