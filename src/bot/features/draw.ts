// /draw (chair, in the group): draws the presenting order of the units not yet scored, within each
// group, or among all of them with /draw all (see domain/draw.ts for the rule). The seed is made and
// published at the moment of the draw; the order is stored and audited in one step (store/draws.ts)
// and announced in one group message; the scoreboard animates it.
import { Composer, type Api } from "grammy";
import type { Contest } from "../../domain/contest.js";
import { drawOrder, type DrawScope } from "../../domain/draw.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { commandBody, contestCommand } from "../group-contest.js";
import type { Translate } from "../i18n.js";
import { drawMessage } from "../views/draw.js";
import { presenterName } from "../views/round.js";

/** `/draw` → within groups; `/draw all` (全部, overall) → overall; anything else is not understood. */
export const parseDrawScope = (args: string): DrawScope | undefined => {
  const arg = args.trim().toLowerCase();
  if (arg === "") return "group";
  if (arg === "all" || arg === "全部" || arg === "overall") return "all";
  return undefined;
};

/** `changed`: told after a draw (the chairs' consoles show the new "next"). */
export const drawFeature = (deps: BotDeps, changed: (api: Api, contest: Contest) => Promise<void>) => {
  const composer = new Composer<BotContext>();
  const { store } = deps;

  const draw = async (ctx: BotContext, contest: Contest, t: Translate) => {
    const scope = parseDrawScope(commandBody(ctx).args);
    if (!scope) return ctx.reply(t("draw-usage"));
    const { presenters } = contest.setup;
    if (presenters.length === 0) return ctx.reply(t("draw-need-presenters"));
    const [rounds, { order, draw: read }] = await Promise.all([store.contests.rounds(contest.id), store.draws.order(contest)]);
    const at = deps.now();
    const record = drawOrder({ presenters, order, taken: new Set(rounds.keys()), scope, seed: deps.drawSeed(), at });
    if (!record) return ctx.reply(t("draw-nothing", { scope }));
    const committed = await store.draws.commit(contest.id, read, record, { by: ctx.from!.id, at });
    if (committed.code === "ALREADY_OPEN") return ctx.reply(t("draw-raced", { name: presenterName(contest, committed.presenter) }));
    if (committed.code === "STALE") return ctx.reply(t("draw-raced-draw"));
    if (committed.code === "CONTEST_ENDED") return ctx.reply(t("common-contest-ended"));
    deps.logger.info({ contestId: contest.id, scope, seed: record.seed, order: record.order }, "presenting order drawn");
    await ctx.api.sendMessage(contest.chatId, drawMessage(t, contest, record));
    await changed(ctx.api, contest);
  };

  composer.command("draw", contestCommand(deps, draw, { chairOnly: true }));
  return composer;
};
