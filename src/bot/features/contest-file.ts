// The whole contest from a file: /import (JSON contest file or CSV of presenters), /template, /settings.
import { Composer, InputFile } from "grammy";
import type { Document } from "grammy/types";
import type { Contest, ContestSetup } from "../../domain/contest.js";
import {
  CONTEST_TEMPLATE_JSON,
  parseContestJson,
  parsePresentersCsv,
  type FileError,
  type FileResult,
} from "../../domain/contest-file.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { commandBody, contestCommand } from "../group-contest.js";
import type { Translate } from "../i18n.js";
import { formulaText } from "../views/formula.js";
import { settingsText } from "../views/settings.js";

/** Contest files are small; anything larger is refused before it is downloaded. */
export const MAX_FILE_BYTES = 256 * 1024;

export type DownloadFile = (filePath: string) => Promise<Uint8Array>;

export const fileErrorsText = (t: Translate, errors: FileError[]): string =>
  t("import-invalid", {
    errors: errors
      .slice(0, 15)
      .map((e) => {
        const vars = { expected: e.expected ?? "", received: e.received ?? "", line: "", column: "", first: "", ...e.detail };
        const where = e.path ? `${e.path}：` : "";
        const received = e.received ? t("import-received", { received: e.received }) : "";
        return `• ${where}${t(`file-${e.code.replaceAll("_", "-")}`, vars)}${received}`;
      })
      .concat(errors.length > 15 ? [t("import-more-errors", { count: errors.length - 15 })] : [])
      .join("\n"),
  });

const isCsv = (document: Document): boolean =>
  /\.csv$/i.test(document.file_name ?? "") || document.mime_type === "text/csv";

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

export const contestFileFeature = (deps: BotDeps, downloadFile: DownloadFile) => {
  const composer = new Composer<BotContext>();
  const { store } = deps;

  const readDocument = async (ctx: BotContext, document: Document): Promise<string> => {
    const file = await ctx.api.getFile(document.file_id);
    if (!file.file_path) throw new Error("getFile returned no file_path");
    return new TextDecoder("utf-8").decode(await downloadFile(file.file_path));
  };

  const applyImport = async (ctx: BotContext, contest: Contest, t: Translate, setup: ContestSetup) => {
    const language = setup.language ?? contest.language;
    await store.contests.save({ ...contest, language, setup }, { by: ctx.from?.id ?? 0, at: deps.now() });
    if (language !== contest.language) await store.contests.setChatLanguage(contest.chatId, language);
    deps.logger.info({ contestId: contest.id, presenters: setup.presenters.length }, "contest file imported");
    return ctx.reply(summary(t, setup));
  };

  const importFile = async (ctx: BotContext, contest: Contest, t: Translate) => {
    if (contest.status !== "draft") return ctx.reply(t("setup-locked"));
    const document = ctx.msg?.document ?? ctx.msg?.reply_to_message?.document;
    const pasted = commandBody(ctx);
    const inline = [pasted.args, ...pasted.lines].join("\n").trim();
    if (!document && !inline) return ctx.reply(t("import-usage"));
    if (document && (document.file_size ?? 0) > MAX_FILE_BYTES) return ctx.reply(t("import-too-large", { max: MAX_FILE_BYTES / 1024 }));
    const text = document ? await readDocument(ctx, document) : inline;
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
    await ctx.replyWithDocument(new InputFile(Buffer.from(CONTEST_TEMPLATE_JSON, "utf8"), "contest-template.json"), {
      caption: ctx.t("template-caption"),
    });
    return ctx.reply(ctx.t("template-fields"));
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
