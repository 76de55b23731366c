/**
 * Approximates how Telegram renders `parse_mode` text: returns the plain text a
 * user would see, or the "can't parse entities" error Telegram would answer.
 * Deliberately strict where Telegram is (unknown HTML tags, unclosed tags,
 * unescaped MarkdownV2 reserved characters) so escaping bugs show up in tests.
 */

export type ParseMode = "HTML" | "MarkdownV2" | "Markdown";

export type RenderResult = { ok: true; text: string } | { ok: false; error: string };

const HTML_TAGS = new Set([
  "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler",
  "a", "code", "pre", "blockquote", "tg-emoji", "tg-time",
]);

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntity(body: string): string | undefined {
  if (body.startsWith("#x") || body.startsWith("#X")) return String.fromCodePoint(parseInt(body.slice(2), 16));
  if (body.startsWith("#")) return String.fromCodePoint(parseInt(body.slice(1), 10));
  return NAMED_ENTITIES[body.toLowerCase()];
}

function byteOffset(text: string, index: number): number {
  return Buffer.byteLength(text.slice(0, index), "utf8");
}

/** Strip Telegram-HTML to plain text, validating tags like Telegram does. */
export function renderHtml(src: string): RenderResult {
  const open: string[] = [];
  let out = "";
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === "<") {
      const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(\s[^>]*)?>/.exec(src.slice(i));
      if (m === null) return { ok: false, error: `Unsupported start tag at byte offset ${byteOffset(src, i)}` };
      const [whole, slash, rawName] = m;
      const name = (rawName ?? "").toLowerCase();
      if (!HTML_TAGS.has(name)) {
        return { ok: false, error: `Unsupported start tag "${name}" at byte offset ${byteOffset(src, i)}` };
      }
      if (slash === "/") {
        const top = open.pop();
        if (top !== name) {
          return { ok: false, error: `Unmatched end tag at byte offset ${byteOffset(src, i)}, expected "</${top ?? ""}>", found "</${name}>"` };
        }
      } else {
        open.push(name);
      }
      i += whole.length;
      continue;
    }
    if (ch === "&") {
      const m = /^&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);/.exec(src.slice(i));
      const decoded = m?.[1] === undefined ? undefined : decodeEntity(m[1]);
      if (m !== null && decoded !== undefined) {
        out += decoded;
        i += m[0].length;
        continue;
      }
    }
    out += ch;
    i += 1;
  }
  const unclosed = open.pop();
  if (unclosed !== undefined) return { ok: false, error: `Can't find end tag corresponding to start tag "${unclosed}"` };
  return { ok: true, text: out };
}

const MDV2_RESERVED = new Set(["_", "*", "[", "]", "(", ")", "~", "`", ">", "#", "+", "-", "=", "|", "{", "}", ".", "!"]);
const MDV2_MARKERS = new Set(["_", "*", "~", "|"]);

/** Strip MarkdownV2 to plain text; reserved characters must be escaped outside entities. */
export function renderMarkdownV2(src: string): RenderResult {
  let out = "";
  let i = 0;
  let inCode = false;
  let atLineStart = true;
  while (i < src.length) {
    const ch = src[i] ?? "";
    if (ch === "\\") {
      out += src[i + 1] ?? "";
      i += 2;
      atLineStart = false;
      continue;
    }
    if (ch === "`") {
      inCode = !inCode;
      i += src.startsWith("```", i) ? 3 : 1;
      continue;
    }
    if (inCode) {
      out += ch;
      i += 1;
      atLineStart = ch === "\n";
      continue;
    }
    if (MDV2_MARKERS.has(ch) || ch === "[") {
      i += 1;
      continue;
    }
    if (ch === "]" && src[i + 1] === "(") {
      const close = src.indexOf(")", i);
      i = close === -1 ? src.length : close + 1;
      continue;
    }
    if (ch === ">" && atLineStart) {
      i += 1;
      continue;
    }
    if (MDV2_RESERVED.has(ch)) {
      return { ok: false, error: `Character '${ch}' is reserved and must be escaped with the preceding '\\'` };
    }
    out += ch;
    atLineStart = ch === "\n";
    i += 1;
  }
  return { ok: true, text: out };
}

/** Legacy Markdown: `*bold*`, `_italic_`, `` `code` ``, `[text](url)`; lenient. */
export function renderLegacyMarkdown(src: string): RenderResult {
  const text = src
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`]/g, "");
  return { ok: true, text };
}

export function isParseMode(v: unknown): v is ParseMode {
  return v === "HTML" || v === "MarkdownV2" || v === "Markdown";
}

/** Plain text as a user would see it, or Telegram's parse error (without the "Bad Request: " prefix). */
export function renderText(text: string, parseMode: ParseMode | undefined): RenderResult {
  switch (parseMode) {
    case undefined:
      return { ok: true, text };
    case "HTML":
      return renderHtml(text);
    case "MarkdownV2":
      return renderMarkdownV2(text);
    case "Markdown":
      return renderLegacyMarkdown(text);
  }
}
