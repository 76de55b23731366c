// /remind: the chair nudges every judge who has not submitted in the open round.
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { commandBody, contestCommand } from "../group-contest.js";
import type { MeetingActions } from "../meeting/actions.js";
import { commandInput } from "../meeting/action-input.js";

export const remindFeature = (deps: BotDeps, actions: MeetingActions) => {
  const composer = new Composer<BotContext>();
  composer.command(
    "remind",
    contestCommand(
      deps,
      (ctx, contest, t) => (commandBody(ctx).args ? ctx.reply(t("remind-usage")) : actions.remind(commandInput(ctx, contest, t, deps.now))),
      { chairOnly: true },
    ),
  );
  return composer;
};
