// The chair runs the meeting from the group: /open, /reopen, /close, /status (answered in
// private), /finish (/ranking: see release.ts). The steps themselves are meeting actions (../meeting/actions.ts), shared with
// the buttons of the chair's console; this file reads the commands' arguments.
import { Composer } from "grammy";
import type { Contest } from "../../domain/contest.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { commandBody, contestCommand } from "../group-contest.js";
import type { Translate } from "../i18n.js";
import { statusKeyboard, statusText } from "../views/status.js";
import { MAX_ROUND_MINUTES, type MeetingActions } from "../meeting/actions.js";
import { commandInput } from "../meeting/action-input.js";
import type { ChairMessenger } from "../meeting/chair-messages.js";
import { loadMeetingState } from "../meeting/state.js";

type OpenArgs = { presenter?: number; minutes?: number } | { error: string; vars?: Record<string, string | number> };

/** `/open [n] [minutes]` and `/reopen n [minutes]`: the presenter (0-based) and the time limit. */
const parseOpenArgs = (args: string, count: number, reopen: boolean): OpenArgs => {
  const [first = "", minutesArg, ...extra] = args.split(/\s+/).filter(Boolean);
  if (reopen && !first) return { error: "reopen-usage" };
  const minutes = minutesArg === undefined ? undefined : Number(minutesArg);
  if (extra.length > 0 || (minutes !== undefined && (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_ROUND_MINUTES)))
    return { error: reopen ? "reopen-usage" : "remind-time-usage", vars: { max: MAX_ROUND_MINUTES } };
  if (!first) return minutes === undefined ? {} : { minutes };
  const n = Number(first);
  if (!Number.isInteger(n) || n < 1 || n > count) return { error: "round-bad-number", vars: { n: first, count } };
  return minutes === undefined ? { presenter: n - 1 } : { presenter: n - 1, minutes };
};

export const roundsFeature = (deps: BotDeps, actions: MeetingActions, chairs: ChairMessenger) => {
  const composer = new Composer<BotContext>();
  const { store } = deps;

  const open = (reopen: boolean) => async (ctx: BotContext, contest: Contest, t: Translate) => {
    const { criteria, presenters } = contest.setup;
    if (criteria.length === 0 || presenters.length === 0) return ctx.reply(t("round-need-setup"));
    const parsed = parseOpenArgs(commandBody(ctx).args, presenters.length, reopen);
    if ("error" in parsed) return ctx.reply(t(parsed.error, parsed.vars));
    return actions.open(commandInput(ctx, contest, t, deps.now), { ...parsed, reopen });
  };

  /** /status goes to the chair in private (it names judges); the group sees nothing. */
  const status = async (ctx: BotContext, contest: Contest, t: Translate) => {
    const state = await loadMeetingState(store, contest);
    const keyboard = statusKeyboard(t, contest, state.judges);
    await chairs.toChair(ctx.api, contest, t, ctx.from!.id, statusText(t, state), keyboard ? { reply_markup: keyboard } : {}, "always");
  };

  composer.command("open", contestCommand(deps, open(false), { chairOnly: true }));
  composer.command("reopen", contestCommand(deps, open(true), { chairOnly: true }));
  composer.command("close", contestCommand(deps, (ctx, contest, t) => actions.close(commandInput(ctx, contest, t, deps.now)), { chairOnly: true }));
  composer.command("status", contestCommand(deps, status, { chairOnly: true }));
  composer.command("finish", contestCommand(deps, (ctx, contest, t) => actions.finish(commandInput(ctx, contest, t, deps.now)), { chairOnly: true }));
  return composer;
};
