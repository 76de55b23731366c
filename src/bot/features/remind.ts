// /remind: the chair nudges every judge who has not submitted in the open round.
import { Composer } from "grammy";
import type { Contest } from "../../domain/contest.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { commandBody, contestCommand } from "../group-contest.js";
import type { Translate } from "../i18n.js";
import type { Reminders } from "../reminders.js";
import { presenterName } from "../views/round.js";

export const remindFeature = (deps: BotDeps, reminders: Reminders) => {
  const composer = new Composer<BotContext>();

  const remind = async (ctx: BotContext, contest: Contest, t: Translate) => {
    if (commandBody(ctx).args) return ctx.reply(t("remind-usage"));
    const current = await deps.store.contests.currentRound(contest.id);
    if (current === undefined) return ctx.reply(t("round-none-open"));
    const vars = { n: current + 1, name: presenterName(contest, current) };
    const pending = await reminders.pendingJudges(contest, current);
    if (pending.length === 0) return ctx.reply(t("remind-nobody", vars));
    const outcome = await reminders.remind(ctx.api, contest, current, t);
    return ctx.reply(t("remind-done", { ...vars, reminded: outcome.reminded.length, unreachable: outcome.unreachable.length }));
  };

  composer.command("remind", contestCommand(deps, remind, { chairOnly: true }));
  return composer;
};
