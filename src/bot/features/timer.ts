// /timer <minutes> (chair, in the group): a speaking timer for the current presenter, shown large
// on the scoreboard; /timer stop ends it. It never touches ballots or rounds. The group stays
// quiet: the chair's answer (and a usage note for a bad argument) goes to them in private, and
// to the group only when the bot may not write to them.
import { Composer } from "grammy";
import type { Contest } from "../../domain/contest.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { commandBody, contestCommand } from "../group-contest.js";
import type { Translate } from "../i18n.js";
import { noteToChair } from "../private-message.js";
import { MAX_TIMER_MINUTES, MIN_TIMER_MINUTES, parseTimerArgs, runTimer } from "../screen-controls.js";

export const timerFeature = (deps: BotDeps) => {
  const composer = new Composer<BotContext>();

  const timer = async (ctx: BotContext, contest: Contest, t: Translate) => {
    const args = parseTimerArgs(commandBody(ctx).args);
    if (!args) return noteToChair(ctx, t("screen-timer-usage", { min: MIN_TIMER_MINUTES, max: MAX_TIMER_MINUTES }));
    return noteToChair(ctx, await runTimer(deps, contest, args, { by: ctx.from!.id, at: deps.now() }, t));
  };

  composer.command("timer", contestCommand(deps, timer, { chairOnly: true }));
  return composer;
};
