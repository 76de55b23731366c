// Setting up a contest in the group: /newcontest, /criteria, /presenters, /lang, /cancel.
import { Composer, InlineKeyboard, type Api } from "grammy";
import { isChair, ContestSetupSchema, type Contest, type Criterion, type Presenter } from "../../domain/contest.js";
import { newContestId } from "../../store/contests.js";
import { parseCriteriaLines, parsePresenterLines } from "../../domain/setup-lines.js";
import { setupCommand } from "../setup-command.js";
import { callbackPattern, encodeCallback } from "../callback-data.js";
import { rubricLines } from "../views/rubric.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { commandBody, contestCommand, displayName, isGroupChat, refuseInPrivate } from "../group-contest.js";
import { chairButtonPress, type AdminCheck } from "../roles.js";
import type { LiveMessages } from "../live-messages.js";
import { editIgnoringSame } from "../telegram-errors.js";

export const criteriaList = (criteria: Criterion[]): string =>
  criteria
    .flatMap((c, i) => [`${i + 1}. ${c.name} ${c.max}${c.step === 1 ? "" : ` (${c.step})`}`, ...rubricLines(c)])
    .join("\n");

export const presentersList = (presenters: Presenter[]): string =>
  presenters
    .map((p, i) => `${i + 1}. ${p.name}${p.group ? ` | ${p.group}` : ""}${p.prior === undefined ? "" : ` | ${p.prior}`}`)
    .join("\n");

const sumOf = (values: number[]): number => Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;

/** Sends a chair their console; the line to add to the group's reply when it could not be sent. */
export type WelcomeChair = (api: Api, contest: Contest, chairId: number) => Promise<string | undefined>;

/** The chairs' consoles, as set-up sees them: a new chair gets theirs, a cancel shows on them. */
export type SetupConsoles = { welcome: WelcomeChair; changed: (api: Api, contest: Contest) => Promise<void> };

export const setupFeature = (deps: BotDeps, isAdmin: AdminCheck, consoles: SetupConsoles, live: LiveMessages) => {
  const composer = new Composer<BotContext>();
  const group = composer.filter(isGroupChat);
  const { store } = deps;

  group.command("newcontest", async (ctx) => {
    const chatId = ctx.chat.id;
    const from = ctx.from;
    if (!from) return;
    const locale = (await store.contests.chatLanguage(chatId)) ?? deps.config.DEFAULT_LOCALE;
    ctx.i18n.useLocale(locale);
    if (!(await isAdmin(ctx.api, chatId, from.id))) return refuseInPrivate(ctx, ctx.t("common-admin-only"));
    const title = commandBody(ctx).args;
    if (!title) return ctx.reply(ctx.t("setup-title-missing"));
    if (title.length > 120) return ctx.reply(ctx.t("setup-title-too-long"));
    const contest: Contest = {
      id: newContestId(),
      chatId,
      chairId: from.id,
      cochairs: [],
      language: locale,
      status: "draft",
      locked: false,
      createdAt: deps.now(),
      // Every rule at its documented default: no criteria or presenters yet, plain mean.
      setup: ContestSetupSchema.parse({ title }),
    };
    const created = await store.contests.create(contest);
    if (!created.ok) return ctx.reply(ctx.t("setup-already-active", { title: created.existing.setup.title }));
    deps.logger.info({ contestId: contest.id, chatId, chair: from.id }, "contest created");
    // The chair's console comes in private; a chair the bot may not write to yet is told how here.
    const startLine = await consoles.welcome(ctx.api, contest, from.id);
    return ctx.reply([ctx.t("setup-created", { title, chair: displayName(from) }), ...(startLine ? ["", startLine] : [])].join("\n"));
  });

  composer.command(
    "criteria",
    setupCommand(deps, {
      usage: "setup-criteria-usage",
      parse: parseCriteriaLines,
      apply: (setup, criteria) => ({ ...setup, criteria }),
      saved: (t, criteria) =>
        t("setup-criteria-saved", {
          count: criteria.length,
          max: String(sumOf(criteria.map((c) => c.max))),
          list: criteriaList(criteria),
        }),
    }),
  );

  composer.command(
    "presenters",
    setupCommand(deps, {
      usage: "setup-presenters-usage",
      parse: parsePresenterLines,
      apply: (setup, presenters) => ({ ...setup, presenters }),
      saved: (t, presenters) => t("setup-presenters-saved", { count: presenters.length, list: presentersList(presenters) }),
    }),
  );

  group.command("lang", async (ctx) => {
    if (!ctx.from) return;
    const arg = commandBody(ctx).args.toLowerCase();
    const locale = arg.startsWith("zh") ? "zh-CN" : arg.startsWith("en") ? "en" : undefined;
    const contest = await store.contests.activeForChat(ctx.chat.id);
    const current = contest?.language ?? (await store.contests.chatLanguage(ctx.chat.id)) ?? deps.config.DEFAULT_LOCALE;
    ctx.i18n.useLocale(current);
    const allowed = contest ? isChair(contest, ctx.from.id) : await isAdmin(ctx.api, ctx.chat.id, ctx.from.id);
    if (!allowed) return refuseInPrivate(ctx, ctx.t(contest ? "common-chair-only" : "common-admin-only"));
    if (!locale) return ctx.reply(ctx.t("setup-lang-usage"));
    await store.contests.setChatLanguage(ctx.chat.id, locale);
    if (contest) await store.contests.save({ ...contest, language: locale }, { by: ctx.from.id, at: deps.now() });
    ctx.i18n.useLocale(locale);
    return ctx.reply(ctx.t("setup-lang-set"));
  });

  group.command(
    "cancel",
    contestCommand(
      deps,
      (ctx, contest, t) =>
        ctx.reply(t("setup-cancel-confirm", { title: contest.setup.title }), {
          reply_markup: new InlineKeyboard()
            .text(t("setup-cancel-yes"), encodeCallback("x", contest.id, "1"))
            .text(t("setup-cancel-no"), encodeCallback("x", contest.id, "0")),
        }),
      { chairOnly: true },
    ),
  );

  // The confirmation is posted in the group: pressed anywhere else, it is not this contest's.
  composer.callbackQuery(callbackPattern("x"), async (ctx) => {
    const pressed = await chairButtonPress(deps, ctx, "x", "group");
    if (!pressed) return;
    const { args, contest, t } = pressed;
    await ctx.answerCallbackQuery();
    if (contest.status !== "draft" && contest.status !== "running")
      return editIgnoringSame(() => ctx.editMessageText(t("common-contest-ended")));
    if (args[1] === "0") return editIgnoringSame(() => ctx.editMessageText(t("setup-cancel-kept")));
    // A round still open closes with the contest (atomically): no ballot is taken after this.
    const { closedRound } = await store.contests.end(contest, "cancelled", { by: ctx.from.id, at: deps.now() });
    deps.logger.info({ contestId: contest.id, by: ctx.from.id, closedRound }, "contest cancelled");
    if (closedRound !== undefined) {
      await store.timers.cancel(contest.id, closedRound);
      await live.closeCounter(ctx.api, { ...contest, status: "cancelled" }, closedRound);
    }
    await editIgnoringSame(() => ctx.editMessageText(t("setup-cancelled", { title: contest.setup.title })));
    await consoles.changed(ctx.api, contest);
  });

  return composer;
};
