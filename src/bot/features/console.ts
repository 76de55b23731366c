// /console and the console's buttons. The buttons run the same meeting actions as the group
// commands (/open, /close, /remind, /reopen, /finish); close, reopen and finish first ask for a
// confirmation tap, shown in place of the buttons. Only a chair's press in their own private chat
// does anything; anyone else's gets an answer only they see.
import { Composer } from "grammy";
import { isChair, type Contest } from "../../domain/contest.js";
import { callbackPattern } from "../callback-data.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { contestCommand, isGroupChat } from "../group-contest.js";
import { chairButtonPress } from "../roles.js";
import { screenLinkText, type ScreenLinkConfig } from "./screen.js";
import { CONSOLE_STEPS } from "../views/console.js";
import type { ActionInput } from "../meeting/action-input.js";
import type { MeetingActions } from "../meeting/actions.js";
import { CONSOLE_PAYLOAD, type ChairMessenger } from "../meeting/chair-messages.js";
import type { Consoles } from "../meeting/console.js";
import type { ShowJudges } from "../meeting/judges-view.js";
import { switchScreenView } from "../screen-controls.js";

/** Telegram's limit on a callback answer's text. */
const ANSWER_LIMIT = 200;
const clip = (text: string): string => (text.length > ANSWER_LIMIT ? `${text.slice(0, ANSWER_LIMIT - 1)}…` : text);

const isActive = (contest: Contest): boolean => contest.status === "draft" || contest.status === "running";

export type ConsoleFeatureParts = {
  consoles: Consoles;
  actions: MeetingActions;
  chairs: ChairMessenger;
  showJudges: ShowJudges;
  screen: ScreenLinkConfig;
};

export const consoleFeature = (deps: BotDeps, { consoles, actions, chairs, showJudges, screen }: ConsoleFeatureParts) => {
  const composer = new Composer<BotContext>();
  const { store } = deps;

  /** /console in private: the consoles of the contests this user chairs, sent anew. */
  const privateConsole = async (ctx: BotContext) => {
    const userId = ctx.from!.id;
    let sent = 0;
    for (const id of await store.consoles.contestsOf(userId)) {
      const contest = await store.contests.get(id);
      if (!contest || !isChair(contest, userId) || !isActive(contest)) continue;
      if ((await consoles.send(ctx.api, contest, [userId])).length === 0) sent += 1;
    }
    if (sent === 0) await ctx.reply(ctx.t("console-none"));
  };

  // /console in the group: every chair gets the console in private; the group hears nothing
  // unless some chair cannot be written to.
  composer.command(
    "console",
    async (ctx, next) => (isGroupChat(ctx) ? next() : privateConsole(ctx)),
    contestCommand(
      deps,
      async (ctx, contest, t) => {
        const unreachable = await consoles.send(ctx.api, contest, [contest.chairId, ...contest.cochairs]);
        if (unreachable.length > 0) await chairs.askToStart(ctx.api, contest, t, unreachable, false);
      },
      { chairOnly: true },
    ),
  );

  // The group's "open the private chat" button: /start console-<contest id>.
  composer.chatType("private").command("start", async (ctx, next) => {
    const match = CONSOLE_PAYLOAD.exec(ctx.match.trim());
    if (!match) return next();
    await store.judges.markStarted(ctx.from.id);
    const contest = await store.contests.get(match[1]!);
    if (!contest || !isChair(contest, ctx.from.id) || !isActive(contest)) return ctx.reply(ctx.t("console-none"));
    await consoles.send(ctx.api, contest, [ctx.from.id]);
  });

  /** One console step. Close, reopen and finish first ask (the question replaces the buttons). */
  const run = async (input: ActionInput, step: string, presenter: number): Promise<unknown> => {
    const { api, contest, reply, t } = input;
    const chairId = input.actor.by;
    switch (step) {
      case CONSOLE_STEPS.next:
        return actions.open(input, {});
      case CONSOLE_STEPS.close: {
        const current = await store.contests.currentRound(contest.id);
        if (current === undefined) return reply(t("round-none-open"));
        return store.consoles.ask(contest.id, chairId, { step: "close", presenter: current });
      }
      case CONSOLE_STEPS.closeConfirmed: {
        await store.consoles.clearAsk(contest.id, chairId);
        // The confirmation is for the round the chair saw; a later round needs its own.
        if ((await store.contests.currentRound(contest.id)) !== presenter) return reply(t("round-none-open"));
        return actions.close(input);
      }
      case CONSOLE_STEPS.remind:
        return actions.remind(input);
      case CONSOLE_STEPS.reopen: {
        const closed = [...(await store.contests.rounds(contest.id)).values()].includes("closed");
        if (!closed) return reply(t("console-reopen-none"));
        return store.consoles.ask(contest.id, chairId, { step: "reopen" });
      }
      case CONSOLE_STEPS.reopenConfirmed:
        await store.consoles.clearAsk(contest.id, chairId);
        return actions.reopen(input, { presenter });
      case CONSOLE_STEPS.judges:
        return showJudges(api, contest, t, chairId);
      case CONSOLE_STEPS.screen: {
        const link = await screenLinkText(deps, screen, contest, t);
        return chairs.toChair(api, contest, t, chairId, link.text, { link_preview_options: { is_disabled: true } });
      }
      case CONSOLE_STEPS.screenView: {
        await reply(await switchScreenView(deps, contest, presenter === 1 ? "join" : "board", input.actor, t));
        // The other chairs' consoles offer the other view now (the presser's is redrawn below).
        return consoles.refresh(api, contest, { now: true });
      }
      case CONSOLE_STEPS.finish:
        return store.consoles.ask(contest.id, chairId, { step: "finish" });
      case CONSOLE_STEPS.finishConfirmed:
        await store.consoles.clearAsk(contest.id, chairId);
        return actions.finish(input);
      default:
        return store.consoles.clearAsk(contest.id, chairId);
    }
  };

  // A console lives in its chair's private chat, nowhere else.
  composer.callbackQuery(callbackPattern("c"), async (ctx) => {
    const pressed = await chairButtonPress(deps, ctx, "c", "private");
    if (!pressed) return;
    const { args, contest, t } = pressed;
    const [, step, presenter] = args;
    if (!isActive(contest)) {
      await ctx.answerCallbackQuery({ text: t("common-contest-ended"), show_alert: true });
      return consoles.writeNow(ctx.api, contest.id, ctx.from.id);
    }
    const notes: string[] = [];
    const input: ActionInput = { api: ctx.api, contest, t, actor: { by: ctx.from.id, at: deps.now() }, reply: async (text) => void notes.push(text) };
    await run(input, step, presenter);
    // The step's answers (refusals, "reminded 3 judges") show as an alert over the console.
    await ctx.answerCallbackQuery(notes.length > 0 ? { text: clip(notes.join("\n")), show_alert: true } : {});
    await consoles.writeNow(ctx.api, contest.id, ctx.from.id);
  });

  return composer;
};
