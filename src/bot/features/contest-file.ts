// The whole contest from a file: /import (JSON contest file, XLSX workbook or CSV of presenters),
// /template (the XLSX workbook and the JSON file), /settings.
import { Composer, InputFile, type Api } from "grammy";
import type { Document } from "grammy/types";
import type { Contest, ContestSetup, Locale } from "../../domain/contest.js";
import {
  CONTEST_TEMPLATE_JSON,
  WORKBOOK_ERROR_CODES,
  parseContestJson,
  parsePresentersCsv,
  type CellPlace,
  type FileError,
  type FileResult,
  type WorkbookErrorCode,
} from "../../domain/contest-file.js";
import { contestTemplate, parseContestWorkbook, workbookReadError } from "../../domain/contest-workbook.js";
import { readXlsx, writeXlsx, XLSX_MIME, type XlsxLimits } from "../../xlsx.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { commandBody, contestCommand, isGroupChat } from "../group-contest.js";
import { localeOfLanguageCode, type Translate } from "../i18n.js";
import { formulaText } from "../views/formula.js";
import { settingsText } from "../views/settings.js";

/** Contest files are small; anything larger is refused before it is downloaded. */
export const MAX_FILE_BYTES = 256 * 1024;

/**
 * An uploaded workbook is read within these bounds: its XML parts may unpack to 8 MB (a contest of
 * 1000 presenters takes well under 1 MB), a sheet may have 1100 rows and 40 columns with content.
 */
export const XLSX_LIMITS: XlsxLimits = { maxUnpackedBytes: 8 * 1024 * 1024, maxRows: 1100, maxColumns: 40 };

export type DownloadFile = (filePath: string) => Promise<Uint8Array>;

const isWorkbookCode = (code: FileError["code"]): code is WorkbookErrorCode => (WORKBOOK_ERROR_CODES as readonly string[]).includes(code);

/** "评分项 第 3 行 满分" — the sheet and column names as written in the workbook. */
const placeText = (t: Translate, { sheet, row, column }: CellPlace): string => {
  if (row !== undefined && column !== undefined) return t("workbook-at-cell", { sheet, row: String(row), column });
  if (row !== undefined) return t("workbook-at-row", { sheet, row: String(row) });
  if (column !== undefined) return t("workbook-at-column", { sheet, column });
  return t("workbook-at-sheet", { sheet });
};

export const fileErrorsText = (t: Translate, errors: FileError[]): string =>
  t("import-invalid", {
    errors: errors
      .slice(0, 15)
      .map((e) => {
        const vars = { expected: e.expected ?? "", received: e.received ?? "", line: "", column: "", first: "", ref: "", error: "", limit: "", ...e.detail };
        const where = e.cell ? `${placeText(t, e.cell)}：` : e.path ? `${e.path}：` : "";
        const received = e.received ? t("import-received", { received: e.received }) : "";
        const key = isWorkbookCode(e.code) ? `workbook-error-${e.code.replaceAll("_", "-")}` : `file-${e.code.replaceAll("_", "-")}`;
        return `• ${where}${t(key, vars)}${received}`;
      })
      .concat(errors.length > 15 ? [t("import-more-errors", { count: errors.length - 15 })] : [])
      .join("\n"),
  });

const isCsv = (document: Document): boolean =>
  /\.csv$/i.test(document.file_name ?? "") || document.mime_type === "text/csv";

/** A workbook by its name or type, or by its bytes: every XLSX is a zip ("PK\x03\x04"). */
const isWorkbook = (document: Document, bytes: Uint8Array): boolean =>
  /\.xlsx$/i.test(document.file_name ?? "") ||
  document.mime_type === XLSX_MIME ||
  (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04);

/** The contest setup in an uploaded workbook, read within XLSX_LIMITS. */
const workbookSetup = (bytes: Uint8Array): FileResult<ContestSetup> => {
  const read = readXlsx(bytes, XLSX_LIMITS);
  return read.ok ? parseContestWorkbook(read.sheets) : { ok: false, errors: [workbookReadError(read.error)] };
};

const TEMPLATE_SETUP = ((): ContestSetup => {
  const parsed = parseContestJson(CONTEST_TEMPLATE_JSON);
  if (!parsed.ok) throw new Error("the contest template does not parse");
  return parsed.value;
})();

/** The /template workbook in `locale`, with the sample contest as its example rows. */
export const templateWorkbook = (t: Translate, locale: Locale): Uint8Array =>
  writeXlsx(contestTemplate(TEMPLATE_SETUP, locale, (key) => t(`workbook-note-${key.replaceAll(".", "-").toLowerCase()}`), t("workbook-font")));

const summary = (t: Translate, setup: ContestSetup): string => {
  const groups = new Set(setup.presenters.map((p) => p.group ?? ""));
  return [
    t("import-done", {
      title: setup.title,
      criteria: setup.criteria.length,
      presenters: setup.presenters.length,
      groups: groups.size,
      panels: setup.panels.length,
      judges: setup.judges.length,
    }),
    formulaText(t, setup),
    t("import-next"),
  ].join("\n");
};

/**
 * Runs after a contest file was saved (the roster takes the file's judges and invites them);
 * resolves with a line to add to the import's summary, if any.
 */
export type AfterImport = (api: Api, contest: Contest, actor: { by: number; at: number }) => Promise<string | undefined>;

export const contestFileFeature = (deps: BotDeps, downloadFile: DownloadFile, afterImport?: AfterImport) => {
  const composer = new Composer<BotContext>();
  const { store } = deps;

  const readDocument = async (ctx: BotContext, document: Document): Promise<Uint8Array> => {
    const file = await ctx.api.getFile(document.file_id);
    if (!file.file_path) throw new Error("getFile returned no file_path");
    return downloadFile(file.file_path);
  };

  const applyImport = async (ctx: BotContext, contest: Contest, t: Translate, setup: ContestSetup) => {
    const language = setup.language ?? contest.language;
    const actor = { by: ctx.from?.id ?? 0, at: deps.now() };
    await store.contests.save({ ...contest, language, setup }, actor);
    if (language !== contest.language) await store.contests.setChatLanguage(contest.chatId, language);
    deps.logger.info({ contestId: contest.id, presenters: setup.presenters.length }, "contest file imported");
    const invited = afterImport ? await afterImport(ctx.api, { ...contest, language, setup }, actor) : undefined;
    return ctx.reply(invited ? `${summary(t, setup)}\n\n${invited}` : summary(t, setup));
  };

  const importFile = async (ctx: BotContext, contest: Contest, t: Translate) => {
    if (contest.status !== "draft") return ctx.reply(t("setup-locked"));
    const document = ctx.msg?.document ?? ctx.msg?.reply_to_message?.document;
    const pasted = commandBody(ctx);
    const inline = [pasted.args, ...pasted.lines].join("\n").trim();
    if (!document && !inline) return ctx.reply(t("import-usage"));
    const tooLarge = () => ctx.reply(t("import-too-large", { max: MAX_FILE_BYTES / 1024 }));
    if (document && (document.file_size ?? 0) > MAX_FILE_BYTES) return tooLarge();
    const bytes = document ? await readDocument(ctx, document) : undefined;
    if (bytes && bytes.length > MAX_FILE_BYTES) return tooLarge();
    if (document && bytes && isWorkbook(document, bytes)) {
      const parsed = workbookSetup(bytes);
      if (!parsed.ok) return ctx.reply(fileErrorsText(t, parsed.errors));
      return applyImport(ctx, contest, t, parsed.value);
    }
    const text = bytes ? new TextDecoder("utf-8").decode(bytes) : inline;
    if (document && isCsv(document)) {
      const parsed: FileResult<ContestSetup["presenters"]> = parsePresentersCsv(text);
      if (!parsed.ok) return ctx.reply(fileErrorsText(t, parsed.errors));
      return applyImport(ctx, contest, t, { ...contest.setup, presenters: parsed.value });
    }
    const parsed = parseContestJson(text);
    if (!parsed.ok) return ctx.reply(fileErrorsText(t, parsed.errors));
    return applyImport(ctx, contest, t, parsed.value);
  };

  composer.command("import", contestCommand(deps, importFile, { chairOnly: true }));
  // A document whose caption starts with /import.
  composer.on("message:document").filter(
    (ctx) => /^\/import(@\w+)?(\s|$)/.test(ctx.msg.caption ?? ""),
    contestCommand(deps, importFile, { chairOnly: true }),
  );

  composer.command("template", async (ctx) => {
    const locale =
      isGroupChat(ctx) && ctx.chat
        ? ((await store.contests.chatLanguage(ctx.chat.id)) ?? deps.config.DEFAULT_LOCALE)
        : localeOfLanguageCode(ctx.from?.language_code, deps.config.DEFAULT_LOCALE);
    const t = deps.translate(locale);
    await ctx.replyWithDocument(new InputFile(Buffer.from(templateWorkbook(t, locale)), `${t("workbook-template-file")}.xlsx`), {
      caption: t("workbook-template-caption"),
    });
    await ctx.replyWithDocument(new InputFile(Buffer.from(CONTEST_TEMPLATE_JSON, "utf8"), "contest-template.json"), {
      caption: t("template-caption"),
    });
    return ctx.reply(t("template-fields"));
  });

  composer.command(
    "settings",
    contestCommand(
      deps,
      async (ctx, contest, t) => ctx.reply(settingsText(t, contest, await store.contests.judges(contest.id))),
      { chairOnly: false },
    ),
  );

  return composer;
};
