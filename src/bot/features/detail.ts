// /detail n: how presenter n's score came about, for anyone, once n's round has closed.
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { commandBody, contestCommand } from "../group-contest.js";
import { loadStandings } from "../standings.js";
import { detailText } from "../views/detail.js";

export const detailFeature = (deps: BotDeps) => {
  const composer = new Composer<BotContext>();
  const { store } = deps;

  composer.command(
    "detail",
    contestCommand(
      deps,
      async (ctx, contest, t) => {
        const arg = commandBody(ctx).args;
        const n = Number(arg);
        const count = contest.setup.presenters.length;
        if (!arg) return ctx.reply(t("detail-usage"));
        if (!Number.isInteger(n) || n < 1 || n > count) return ctx.reply(t("round-bad-number", { n: arg, count }));
        const { results } = await loadStandings(store, contest);
        const result = results.find((r) => r.presenter === n - 1);
        if (!result) return ctx.reply(t("detail-not-closed", { n }));
        const ballots = await store.ballots.forPresenter(contest.id, n - 1);
        const comments = ballots.flatMap((b) => (b.comment ? [b.comment] : []));
        return ctx.reply(detailText(t, { contest, result, ballots: ballots.length, comments }));
      },
      { chairOnly: false },
    ),
  );

  return composer;
};
