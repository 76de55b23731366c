// /season: the meetings of a year add up to one standings table. In the group: /season (the
// table), /season unit <name>, and for administrators of every group of the season: /season new,
// add [weight], alias <old> = <new>, rules, close; /export season sends the table as CSV in private.
import { Composer, InlineKeyboard, InputFile, type Api } from "grammy";
import type { Contest } from "../../domain/contest.js";
import { exportFileName } from "../../domain/export.js";
import {
  aliasClashes,
  seasonStandings,
  SeasonNameSchema,
  SeasonWeightSchema,
  UnitNameSchema,
  unitRows,
  withAlias,
  type Season,
} from "../../domain/season.js";
import { seasonCsv, seasonWorkbook } from "../../domain/season-export.js";
import { writeXlsx } from "../../xlsx.js";
import { parseSeasonRules, type SeasonRulesError } from "../../domain/season-rules.js";
import { callbackPattern, decodeCallback, encodeCallback } from "../callback-data.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { commandBody, isGroupChat } from "../group-contest.js";
import { type Translate } from "../i18n.js";
import { addContestToSeason, addOutcomeText, chatsNotAdministered, groupLocale, newSeason } from "../seasons.js";
import { lineErrorsText } from "../setup-command.js";
import { editIgnoringSame, isForbidden } from "../telegram-errors.js";
import { publicUrl } from "../../config.js";
import type { ScreenLinkConfig } from "./screen.js";
import { contestMark, rulesText, seasonExportLabels, seasonTableText, unitHistoryText } from "../views/season.js";

/** Telegram's limit is 4096 characters; long tables go out in several messages, split at lines. */
const MESSAGE_LIMIT = 4000;

export const splitMessage = (text: string, limit = MESSAGE_LIMIT): string[] => {
  const parts: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    const next = current ? `${current}\n${line}` : line;
    if (next.length > limit && current) {
      parts.push(current);
      current = line.slice(0, limit);
    } else current = next.slice(0, limit);
  }
  if (current) parts.push(current);
  return parts;
};

type Scope = { chatId: number; userId: number; t: Translate };

/** Most groups one season spans (SeasonSchema.chats). */
const MAX_SEASON_GROUPS = 20;
/** Most contests offered as buttons by /season add (the latest ones). */
const MAX_CHOICES = 20;

/** The season table's address for a token (served by http/season-page.ts). */
export const seasonScreenUrl = (config: ScreenLinkConfig, token: string): string => `${publicUrl(config)}/season/${token}`;

export const seasonFeature = (deps: BotDeps, botUsername: () => string, config: ScreenLinkConfig) => {
  const composer = new Composer<BotContext>();
  const { store } = deps;
  const actorOf = (scope: Scope) => ({ by: scope.userId, at: deps.now() });

  const replyLong = async (ctx: BotContext, text: string) => {
    for (const part of splitMessage(text)) await ctx.reply(part);
  };

  /** The group, its language and the sender; undefined (after telling them) outside a group. */
  const scopeOf = async (ctx: BotContext): Promise<Scope | undefined> => {
    if (!isGroupChat(ctx) || !ctx.chat || !ctx.from) {
      await ctx.reply(ctx.t("common-group-only"));
      return undefined;
    }
    const locale = await groupLocale(store, ctx.chat.id, deps.config.DEFAULT_LOCALE);
    ctx.i18n.useLocale(locale);
    return { chatId: ctx.chat.id, userId: ctx.from.id, t: deps.translate(locale) };
  };

  /** The text refusing a user who does not administer every group of the season, or undefined. */
  const notManager = async (api: Api, scope: Scope, chats: readonly number[]): Promise<string | undefined> => {
    const missing = await chatsNotAdministered(api, [...chats, scope.chatId], scope.userId);
    if (missing.length === 0) return undefined;
    const groups = new Set([...chats, scope.chatId]).size;
    return groups > 1 ? scope.t("season-admins-only-all", { groups }) : scope.t("season-admins-only");
  };

  /** The group's current season, or undefined after saying there is none. */
  const currentSeason = async (ctx: BotContext, scope: Scope): Promise<Season | undefined> => {
    const season = await store.seasons.currentForChat(scope.chatId);
    if (!season) await ctx.reply(scope.t("season-no-season"));
    return season;
  };

  /** The current season for a change: it must exist, be open, and the sender must manage it. */
  const seasonToChange = async (ctx: BotContext, scope: Scope): Promise<Season | undefined> => {
    const season = await currentSeason(ctx, scope);
    if (!season) return undefined;
    const refused = await notManager(ctx.api, scope, season.chats);
    if (refused) {
      await ctx.reply(refused);
      return undefined;
    }
    if (season.status !== "open") {
      await ctx.reply(scope.t("season-is-closed", { season: season.name }));
      return undefined;
    }
    return season;
  };

  /** The season's standings when they may be shown in the group, or undefined after saying why not. */
  const publicStandings = async (ctx: BotContext, scope: Scope, season: Season) => {
    const snapshots = await store.seasons.snapshots(season.id);
    if (snapshots.length === 0) {
      await ctx.reply(scope.t("season-empty", { season: season.name }));
      return undefined;
    }
    // A contest whose results were only for its chair keeps them out of the group here too.
    if (!snapshots.every((s) => s.public)) {
      await ctx.reply(scope.t("season-private", { season: season.name }));
      return undefined;
    }
    return seasonStandings(season, snapshots);
  };

  const show = async (ctx: BotContext, scope: Scope) => {
    const season = await currentSeason(ctx, scope);
    if (!season) return;
    const standings = await publicStandings(ctx, scope, season);
    if (standings) await replyLong(ctx, seasonTableText(scope.t, season, standings));
  };

  const create = async (ctx: BotContext, scope: Scope, arg: string) => {
    const { t } = scope;
    const parsed = SeasonNameSchema.safeParse(arg);
    if (!parsed.success) return ctx.reply(t(arg ? "season-name-too-long" : "season-new-usage"));
    const name = parsed.data;
    const refused = await notManager(ctx.api, scope, []);
    if (refused) return ctx.reply(refused);
    const here = await store.seasons.byName(scope.chatId, name);
    if (here) {
      await store.seasons.setCurrent(scope.chatId, here.id);
      return ctx.reply(t("season-current-again", { season: name }));
    }
    // The same administrator's season of that name in another group: this group joins it.
    const elsewhere = await store.seasons.ownedByName(scope.userId, name);
    if (elsewhere && elsewhere.status === "open") {
      const notAll = await notManager(ctx.api, scope, elsewhere.chats);
      if (notAll) return ctx.reply(notAll);
      if (elsewhere.chats.length >= MAX_SEASON_GROUPS) return ctx.reply(t("season-too-many-groups", { season: name, max: MAX_SEASON_GROUPS }));
      const joined: Season = { ...elsewhere, chats: [...elsewhere.chats, scope.chatId] };
      const code = await store.seasons.save(joined, { type: "season-group-joined", data: { chatId: scope.chatId } }, actorOf(scope));
      if (code !== "OK") return ctx.reply(t("season-is-closed", { season: name }));
      deps.logger.info({ seasonId: joined.id, chatId: scope.chatId }, "group joined season");
      return ctx.reply(t("season-joined", { season: name, groups: joined.chats.length }));
    }
    const season = newSeason(name, scope.chatId, scope.userId, deps.now());
    await store.seasons.create(season, actorOf(scope));
    deps.logger.info({ seasonId: season.id, chatId: scope.chatId }, "season created");
    return ctx.reply(t("season-created", { season: name }));
  };

  /** The group's finished contests, oldest first, and which of them are in no season yet. */
  const finishedContests = async (chatId: number): Promise<{ all: Contest[]; unplaced: Contest[] }> => {
    const [finished, placed, latest] = await Promise.all([
      store.seasons.finishedContests(chatId),
      store.seasons.placements(chatId),
      store.contests.latestForChat(chatId),
    ]);
    const ids = finished.map((f) => f.contestId);
    // A contest finished before seasons existed is still found as the group's last one.
    if (latest?.status === "finished" && !ids.includes(latest.id)) ids.push(latest.id);
    const loaded = await Promise.all(ids.map((id) => store.contests.get(id)));
    const all = loaded.filter((c): c is Contest => c?.status === "finished" && c.chatId === chatId);
    return { all, unplaced: all.filter((c) => !placed.has(c.id)) };
  };

  const add = async (ctx: BotContext, scope: Scope, arg: string) => {
    const { t } = scope;
    const weight = arg === "" ? undefined : Number(arg.replace("．", "."));
    if (weight !== undefined && !SeasonWeightSchema.safeParse(weight).success) return ctx.reply(t("season-bad-weight", { weight: arg }));
    const season = await seasonToChange(ctx, scope);
    if (!season) return;
    const { all, unplaced } = await finishedContests(scope.chatId);
    // Nothing new: the last finished contest again (its snapshot is replaced, and the reply says so).
    const target = unplaced.length === 1 ? unplaced[0] : unplaced.length === 0 ? all.at(-1) : undefined;
    if (target) {
      const outcome = await addContestToSeason(store, season, target, weight, actorOf(scope));
      deps.logger.info({ seasonId: season.id, contestId: target.id, outcome: outcome.code }, "season add");
      return ctx.reply(addOutcomeText(t, season, target, outcome));
    }
    if (unplaced.length === 0) return ctx.reply(t("season-no-finished"));
    const choices = unplaced.slice(-MAX_CHOICES);
    const keyboard = InlineKeyboard.from(
      choices.map((c, i) => [InlineKeyboard.text(`${contestMark(i)} ${c.setup.title}`, encodeCallback("y", season.id, c.id, String(weight ?? 1)))]),
    );
    return ctx.reply(t("season-choose", { season: season.name, weight: String(weight ?? 1), count: unplaced.length }), { reply_markup: keyboard });
  };

  const unit = async (ctx: BotContext, scope: Scope, arg: string) => {
    const { t } = scope;
    if (!arg) return ctx.reply(t("season-unit-usage"));
    const season = await currentSeason(ctx, scope);
    if (!season) return;
    const standings = await publicStandings(ctx, scope, season);
    if (!standings) return;
    const entries = unitRows(standings, season.aliases, arg);
    if (entries.length === 0) return ctx.reply(t("season-unit-unknown", { name: arg, season: season.name }));
    return replyLong(ctx, unitHistoryText(t, season, standings, entries));
  };

  const alias = async (ctx: BotContext, scope: Scope, arg: string) => {
    const { t } = scope;
    const match = /^(.+?)\s*[=＝]\s*(.+)$/.exec(arg);
    const from = UnitNameSchema.safeParse(match?.[1]);
    const to = UnitNameSchema.safeParse(match?.[2]);
    if (!from.success || !to.success) return ctx.reply(t("season-alias-usage"));
    const season = await seasonToChange(ctx, scope);
    if (!season) return;
    const next = withAlias(season.aliases, from.data, to.data);
    if (!next.ok) return ctx.reply(t(next.code === "cycle" ? "season-alias-cycle" : "season-alias-same", { from: from.data, to: to.data }));
    const snapshots = await store.seasons.snapshots(season.id);
    const clashes = aliasClashes(next.aliases, snapshots);
    if (clashes.length > 0)
      return ctx.reply(
        t("season-alias-clash", {
          list: clashes.map((c) => t("season-clash-line", { title: c.title, names: c.names.join("、"), name: c.name })).join("\n"),
        }),
      );
    const code = await store.seasons.save({ ...season, aliases: next.aliases }, { type: "season-alias-added", data: { from: from.data, to: to.data } }, actorOf(scope));
    if (code !== "OK") return ctx.reply(t("season-is-closed", { season: season.name }));
    const contests = snapshots.filter((s) => s.rows.some((r) => r.name === from.data)).length;
    return ctx.reply(t("season-alias-saved", { from: from.data, to: to.data, contests }));
  };

  const rulesErrorText = (t: Translate, errors: SeasonRulesError[]): string =>
    [
      t("season-rules-invalid"),
      ...errors.map((e) =>
        e.code === "bad_items"
          ? `${t("season-rules-line", { line: e.line, text: e.text })}\n${lineErrorsText(t, e.errors)}`
          : t("season-rules-line-error", {
              line: e.line,
              text: e.text,
              reason: t(e.code === "bad_absent" ? "season-rules-bad-absent" : "season-rules-unknown"),
            }),
      ),
    ].join("\n");

  const rules = async (ctx: BotContext, scope: Scope, body: string) => {
    const { t } = scope;
    if (!body.trim()) {
      const season = await currentSeason(ctx, scope);
      if (!season) return;
      return ctx.reply([rulesText(t, season), "", t("season-rules-usage")].join("\n"));
    }
    const season = await seasonToChange(ctx, scope);
    if (!season) return;
    const parsed = parseSeasonRules(body, season.rules);
    if (!parsed.ok) return ctx.reply(rulesErrorText(t, parsed.errors));
    const changed: Season = { ...season, rules: parsed.rules };
    const code = await store.seasons.save(changed, { type: "season-rules-set", data: { rules: parsed.rules } }, actorOf(scope));
    if (code !== "OK") return ctx.reply(t("season-is-closed", { season: season.name }));
    return ctx.reply(`✅ ${rulesText(t, changed)}`);
  };

  const close = async (ctx: BotContext, scope: Scope) => {
    const season = await seasonToChange(ctx, scope);
    if (!season) return;
    const code = await store.seasons.close(season, actorOf(scope));
    if (code !== "OK") return ctx.reply(scope.t("season-is-closed", { season: season.name }));
    deps.logger.info({ seasonId: season.id }, "season closed");
    await ctx.reply(scope.t("season-closed", { season: season.name }));
    const closed = await store.seasons.get(season.id);
    if (!closed) return;
    const standings = await publicStandings(ctx, scope, closed);
    if (standings) await replyLong(ctx, seasonTableText(scope.t, closed, standings));
  };

  /** `/season screen`: the season table's link, in private; `/season screen revoke` ends it. */
  const screen = async (ctx: BotContext, scope: Scope, arg: string) => {
    const { t } = scope;
    if (arg !== "" && arg.toLowerCase() !== "revoke") return ctx.reply(t("season-screen-usage"));
    const season = await currentSeason(ctx, scope);
    if (!season) return;
    const refused = await notManager(ctx.api, scope, season.chats);
    if (refused) return ctx.reply(refused);
    if (arg) return ctx.reply(t((await store.seasons.revokeScreen(season.id)) ? "season-screen-revoked" : "season-screen-none"));
    const url = seasonScreenUrl(config, await store.seasons.ensureScreen(season.id));
    try {
      await ctx.api.sendMessage(scope.userId, t("season-screen-link", { season: season.name, url }), { link_preview_options: { is_disabled: true } });
    } catch (error) {
      if (!isForbidden(error)) throw error;
      return ctx.reply(t("export-start-first", { bot: botUsername() }), {
        reply_markup: new InlineKeyboard().url(t("export-start-button"), `https://t.me/${botUsername()}?start`),
      });
    }
    return ctx.reply(t("season-screen-sent", { season: season.name }));
  };

  composer.command("season", async (ctx) => {
    const scope = await scopeOf(ctx);
    if (!scope) return;
    const { args, lines } = commandBody(ctx);
    const [sub = "", ...restWords] = args.split(/\s+/);
    const rest = restWords.join(" ").trim();
    switch (sub.toLowerCase()) {
      case "":
        return show(ctx, scope);
      case "new":
        return create(ctx, scope, rest);
      case "add":
        return add(ctx, scope, rest);
      case "unit":
        return unit(ctx, scope, rest);
      case "alias":
        return alias(ctx, scope, rest);
      case "rules":
        // Rules on the command's own line count as line 1, else the first line after it does.
        return rules(ctx, scope, (rest ? [rest, ...lines] : lines).join("\n"));
      case "close":
        return close(ctx, scope);
      case "screen":
        return screen(ctx, scope, rest);
      default:
        return ctx.reply(scope.t("season-usage"));
    }
  });

  // A contest chosen from the /season add list; every check is made again on the press.
  composer.callbackQuery(callbackPattern("y"), async (ctx) => {
    const data = deps.decodeCallback(ctx.callbackQuery.data);
    const chatId = ctx.chat?.id;
    if (data?.kind !== "y" || chatId === undefined || !isGroupChat(ctx)) return ctx.answerCallbackQuery(ctx.t("common-unknown-button"));
    const [seasonId, contestId, weight] = data.args;
    const [season, contest] = await Promise.all([store.seasons.get(seasonId), store.contests.get(contestId)]);
    if (!season || !contest || contest.chatId !== chatId || !season.chats.includes(chatId) || !SeasonWeightSchema.safeParse(weight).success)
      return ctx.answerCallbackQuery(ctx.t("common-unknown-button"));
    const locale = await groupLocale(store, chatId, deps.config.DEFAULT_LOCALE);
    const scope: Scope = { chatId, userId: ctx.from.id, t: deps.translate(locale) };
    const refused = await notManager(ctx.api, scope, season.chats);
    if (refused) return ctx.answerCallbackQuery({ text: refused, show_alert: true });
    const outcome = await addContestToSeason(store, season, contest, weight, actorOf(scope));
    await ctx.answerCallbackQuery();
    if (outcome.code === "OK") {
      const rows = (ctx.callbackQuery.message?.reply_markup?.inline_keyboard ?? []).filter(
        (row) => !row.some((button) => "callback_data" in button && button.callback_data === ctx.callbackQuery.data),
      );
      await editIgnoringSame(() => ctx.editMessageReplyMarkup({ reply_markup: InlineKeyboard.from(rows) }));
    }
    deps.logger.info({ seasonId, contestId, outcome: outcome.code }, "season add (button)");
    return ctx.reply(addOutcomeText(scope.t, season, contest, outcome));
  });

  // `/export season`: the season table with every contest's column and the colour records, in private.
  composer.command("export", async (ctx, next) => {
    if (commandBody(ctx).args.trim().toLowerCase() !== "season") return next();
    const scope = await scopeOf(ctx);
    if (!scope) return;
    const season = await currentSeason(ctx, scope);
    if (!season) return;
    const refused = await notManager(ctx.api, scope, season.chats);
    if (refused) return ctx.reply(refused);
    const snapshots = await store.seasons.snapshots(season.id);
    if (snapshots.length === 0) return ctx.reply(scope.t("season-empty", { season: season.name }));
    const { t } = scope;
    const standings = seasonStandings(season, snapshots);
    const labels = seasonExportLabels(t);
    const name = exportFileName(season.name, t("season-file-standings"));
    const csv = new InputFile(Buffer.from(seasonCsv(standings, labels), "utf8"), name);
    const book = seasonWorkbook(standings, season.rules.bands.map((b) => b.name), labels, {
      sheets: { standings: t("season-sheet-standings"), record: t("season-sheet-record") },
      title: t("season-workbook-title", { season: season.name, absent: t(season.rules.absent === "skip" ? "season-absent-skip" : "season-absent-zero") }),
      font: t("workbook-font"),
    });
    const xlsx = new InputFile(Buffer.from(writeXlsx(book)), exportFileName(season.name, t("season-file-standings"), "xlsx"));
    try {
      await ctx.api.sendDocument(scope.userId, csv, { caption: t("season-export-caption", { season: season.name }) });
      await ctx.api.sendDocument(scope.userId, xlsx);
    } catch (error) {
      if (!isForbidden(error)) throw error;
      return ctx.reply(scope.t("export-start-first", { bot: botUsername() }), {
        reply_markup: new InlineKeyboard().url(scope.t("export-start-button"), `https://t.me/${botUsername()}?start`),
      });
    }
    deps.logger.info({ seasonId: season.id, by: scope.userId }, "season exported");
    return ctx.reply(scope.t("season-export-sent", { season: season.name }));
  });

  return composer;
};
