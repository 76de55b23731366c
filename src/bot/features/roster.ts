// The chair manages who judges and who chairs: /cochair, /removejudge (or 🗑 on /status),
// /lockjudges and /unlockjudges, /conflict and /observer. Every command and button is checked
// against the contest's chairs on the server, every time.
import { Composer, InlineKeyboard, type Api } from "grammy";
import type { User } from "grammy/types";
import { isChair, type Contest, type Judge } from "../../domain/contest.js";
import type { Actor } from "../../store/audit.js";
import { callbackPattern, encodeCallback } from "../callback-data.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { commandBody, contestCommand, displayName } from "../group-contest.js";
import type { WelcomeChair } from "./setup.js";
import { type Translate } from "../i18n.js";
import type { LiveMessages } from "../live-messages.js";
import { editIgnoringSame } from "../telegram-errors.js";
import { sendPrivate } from "../private-message.js";
import { chairButtonPress } from "../roles.js";
import { presenterName } from "../views/round.js";

const normalize = (name: string): string => name.normalize("NFKC").replace(/\s+/g, "").toLowerCase();

/** The member whose message the command replies to (never a bot). */
const repliedUser = (ctx: BotContext): User | undefined => {
  const from = ctx.msg?.reply_to_message?.from;
  return from && !from.is_bot ? from : undefined;
};

type JudgeLookup = { judge: Judge } | { error: string; vars?: Record<string, string | number> };

export const rosterFeature = (deps: BotDeps, live: LiveMessages, welcomeChair: WelcomeChair) => {
  const composer = new Composer<BotContext>();
  const { store } = deps;
  const actorOf = (ctx: BotContext): Actor => ({ by: ctx.from!.id, at: deps.now() });

  /** The judge a command means: the author of the replied-to message, or the judge named `name`. */
  const findJudge = async (ctx: BotContext, contest: Contest, name: string): Promise<JudgeLookup> => {
    const judges = await store.contests.judges(contest.id);
    const replied = repliedUser(ctx);
    if (replied && !name) {
      const judge = judges.find((j) => j.userId === replied.id);
      return judge ? { judge } : { error: "judge-not-a-judge", vars: { name: displayName(replied) } };
    }
    const matches = judges.filter((j) => normalize(j.name) === normalize(name));
    if (matches.length === 1) return { judge: matches[0]! };
    if (matches.length > 1) return { error: "judge-ambiguous", vars: { name } };
    return { error: "judge-not-found", vars: { name } };
  };

  /** The open round's counter shows the new numbers. */
  const refreshOpenCounter = async (api: Api, contest: Contest) => {
    const current = await store.contests.currentRound(contest.id);
    if (current !== undefined) await live.refreshCounter(api, contest, current);
  };

  // ── /cochair ──

  const memberName = async (api: Api, chatId: number, userId: number): Promise<string> => {
    try {
      return displayName((await api.getChatMember(chatId, userId)).user);
    } catch {
      return String(userId);
    }
  };

  const cochair = async (ctx: BotContext, contest: Contest, t: Translate) => {
    const arg = commandBody(ctx).args.toLowerCase();
    const target = repliedUser(ctx);
    if (!arg && !target) {
      const chair = await memberName(ctx.api, contest.chatId, contest.chairId);
      const cochairs = await Promise.all(contest.cochairs.map((id) => memberName(ctx.api, contest.chatId, id)));
      return ctx.reply(
        [t("cochair-list", { chair, cochairs: cochairs.length ? cochairs.join("、") : t("status-nobody") }), "", t("cochair-usage")].join("\n"),
      );
    }
    if (!target || (arg !== "" && arg !== "remove")) return ctx.reply(t("cochair-usage"));
    const name = displayName(target);
    if (arg === "remove") {
      if (target.id === contest.chairId) return ctx.reply(t("cochair-is-chair", { name }));
      if (!contest.cochairs.includes(target.id)) return ctx.reply(t("cochair-not-cochair", { name }));
      await store.contests.save({ ...contest, cochairs: contest.cochairs.filter((id) => id !== target.id) }, actorOf(ctx));
      deps.logger.info({ contestId: contest.id, cochair: target.id, by: ctx.from!.id }, "co-chair removed");
      return ctx.reply(t("cochair-removed", { name }));
    }
    if (isChair(contest, target.id)) return ctx.reply(t("cochair-already", { name }));
    await store.contests.save({ ...contest, cochairs: [...contest.cochairs, target.id] }, actorOf(ctx));
    deps.logger.info({ contestId: contest.id, cochair: target.id, by: ctx.from!.id }, "co-chair added");
    const startLine = await welcomeChair(ctx.api, { ...contest, cochairs: [...contest.cochairs, target.id] }, target.id);
    return ctx.reply([t("cochair-added", { name }), ...(startLine ? [startLine] : [])].join("\n"));
  };

  // ── /removejudge and the 🗑 buttons of /status ──

  const removeConfirmation = (t: Translate, contest: Contest, judge: Judge) => ({
    text: t("judge-remove-confirm", { name: judge.name }),
    keyboard: InlineKeyboard.from([
      [
        InlineKeyboard.text(t("judge-remove-yes"), encodeCallback("r", contest.id, judge.userId, "1")),
        InlineKeyboard.text(t("judge-remove-no"), encodeCallback("r", contest.id, judge.userId, "0")),
      ],
    ]),
  });

  const removeJudge = async (ctx: BotContext, contest: Contest, t: Translate) => {
    const name = commandBody(ctx).args;
    if (!name && !repliedUser(ctx)) return ctx.reply(t("judge-remove-usage"));
    const found = await findJudge(ctx, contest, name);
    if ("error" in found) return ctx.reply(t(found.error, found.vars));
    const view = removeConfirmation(t, contest, found.judge);
    return ctx.reply(view.text, { reply_markup: view.keyboard });
  };

  // 🗑 is on /status and the judges list, both sent to the chair in private.
  composer.callbackQuery(callbackPattern("r"), async (ctx) => {
    const pressed = await chairButtonPress(deps, ctx, "r", "group-or-private");
    if (!pressed) return;
    const { args, contest, t } = pressed;
    const [, judgeId, step] = args;
    if (contest.status !== "draft" && contest.status !== "running") {
      await ctx.answerCallbackQuery();
      return editIgnoringSame(() => ctx.editMessageText(t("common-contest-ended")));
    }
    const judge = (await store.contests.judges(contest.id)).find((j) => j.userId === judgeId);
    if (step === "a") {
      if (!judge) return ctx.answerCallbackQuery({ text: t("judge-already-removed"), show_alert: true });
      await ctx.answerCallbackQuery();
      const view = removeConfirmation(t, contest, judge);
      return ctx.reply(view.text, { reply_markup: view.keyboard });
    }
    await ctx.answerCallbackQuery();
    if (step === "0") return editIgnoringSame(() => ctx.editMessageText(t("judge-remove-kept", { name: judge?.name ?? "?" })));
    const result = await store.integrity.removeJudge(contest.id, judgeId, actorOf(ctx));
    if (result.code !== "OK") return editIgnoringSame(() => ctx.editMessageText(t("judge-already-removed")));
    deps.logger.info({ contestId: contest.id, judge: judgeId, by: ctx.from.id, discarded: result.discardedBallot }, "judge removed");
    const lines = [t("judge-removed", { name: result.judge.name })];
    if (result.presenter !== undefined && (result.discardedBallot || result.discardedDraft))
      lines.push(t("judge-removed-discarded", { n: result.presenter + 1, name: presenterName(contest, result.presenter) }));
    await editIgnoringSame(() => ctx.editMessageText(lines.join("\n")));
    await sendPrivate(ctx.api, judgeId, t("roster-removed-user", { title: contest.setup.title }));
    if (result.presenter !== undefined) await live.refreshCounter(ctx.api, contest, result.presenter);
    await live.refreshJoin(ctx.api, contest);
  });

  // ── /lockjudges, /unlockjudges ──

  const setLocked = (locked: boolean) => async (ctx: BotContext, contest: Contest, t: Translate) => {
    if (commandBody(ctx).args) return ctx.reply(t(locked ? "judge-lock-usage" : "judge-unlock-usage"));
    const count = await store.judges.count(contest.id);
    if (contest.locked === locked) return ctx.reply(t(locked ? "judge-already-locked" : "judge-already-unlocked", { count }));
    await store.contests.save({ ...contest, locked }, actorOf(ctx));
    deps.logger.info({ contestId: contest.id, locked, by: ctx.from!.id }, locked ? "judges locked" : "judges unlocked");
    return ctx.reply(t(locked ? "judge-locked" : "judge-unlocked", { count }));
  };

  // ── /conflict ──

  const conflictList = async (contest: Contest, t: Translate): Promise<string> => {
    const [conflicts, judges, removed] = await Promise.all([
      store.integrity.conflicts(contest.id),
      store.contests.judges(contest.id),
      store.integrity.removedJudges(contest.id),
    ]);
    const names = new Map([...removed, ...judges].map((j) => [j.userId, j.name]));
    const enrolled = new Set(judges.map((j) => j.userId));
    const rows = conflicts
      .filter((c) => enrolled.has(c.judgeId))
      .map((c) => t("conflict-row", { judge: names.get(c.judgeId) ?? String(c.judgeId), n: c.presenter + 1, name: presenterName(contest, c.presenter) }));
    return rows.length ? [t("conflict-list-title"), ...rows].join("\n") : t("conflict-none");
  };

  const conflict = async (ctx: BotContext, contest: Contest, t: Translate) => {
    const tokens = commandBody(ctx).args.split(/\s+/).filter(Boolean);
    const remove = tokens[0]?.toLowerCase() === "remove";
    if (remove) tokens.shift();
    if (tokens.length === 0 && !repliedUser(ctx) && !remove)
      return ctx.reply([await conflictList(contest, t), "", t("conflict-usage")].join("\n"));
    const number = tokens.pop();
    const name = tokens.join(" ");
    if (!number || !/^\d+$/.test(number) || (!name && !repliedUser(ctx))) return ctx.reply(t("conflict-usage"));
    const count = contest.setup.presenters.length;
    const n = Number(number);
    if (n < 1 || n > count) return ctx.reply(t("round-bad-number", { n: number, count }));
    const found = await findJudge(ctx, contest, name);
    if ("error" in found) return ctx.reply(t(found.error, found.vars));
    const { judge } = found;
    const vars = { judge: judge.name, n, name: presenterName(contest, n - 1) };
    const result = await store.integrity.setConflict(contest.id, judge.userId, n - 1, !remove, actorOf(ctx));
    deps.logger.info({ contestId: contest.id, judge: judge.userId, presenter: n - 1, remove, by: ctx.from!.id }, "conflict changed");
    if (remove) return ctx.reply(t(result.changed ? "conflict-removed" : "conflict-not-found", vars));
    const lines = [t(result.changed ? "conflict-added" : "conflict-already", vars)];
    if (result.discardedBallot) lines.push(t("conflict-discarded"));
    if (result.round === "closed") lines.push(t("conflict-closed-round", { n }));
    if (result.round === "open") await live.refreshCounter(ctx.api, contest, n - 1);
    return ctx.reply(lines.join("\n"));
  };

  // ── /observer ──

  const observer = async (ctx: BotContext, contest: Contest, t: Translate) => {
    const name = commandBody(ctx).args;
    if (!name && !repliedUser(ctx)) {
      const observers = (await store.contests.judges(contest.id)).filter((j) => j.observer).map((j) => j.name);
      return ctx.reply([t("judge-observer-list", { names: observers.length ? observers.join("、") : t("status-nobody") }), "", t("judge-observer-usage")].join("\n"));
    }
    const found = await findJudge(ctx, contest, name);
    if ("error" in found) return ctx.reply(t(found.error, found.vars));
    const judge = { ...found.judge, observer: !found.judge.observer };
    if (!(await store.integrity.updateJudge(contest.id, judge, actorOf(ctx)))) return ctx.reply(t("judge-already-removed"));
    deps.logger.info({ contestId: contest.id, judge: judge.userId, observer: judge.observer, by: ctx.from!.id }, "observer changed");
    await refreshOpenCounter(ctx.api, contest);
    return ctx.reply(t(judge.observer ? "judge-observer-on" : "judge-observer-off", { name: judge.name }));
  };

  composer.command("cochair", contestCommand(deps, cochair, { chairOnly: true }));
  composer.command("removejudge", contestCommand(deps, removeJudge, { chairOnly: true }));
  composer.command("lockjudges", contestCommand(deps, setLocked(true), { chairOnly: true }));
  composer.command("unlockjudges", contestCommand(deps, setLocked(false), { chairOnly: true }));
  composer.command("conflict", contestCommand(deps, conflict, { chairOnly: true }));
  composer.command("observer", contestCommand(deps, observer, { chairOnly: true }));
  return composer;
};
