// /detail n: how presenter n's score came about, once n's round has closed and the release policy
// lets the group see details (a chair asking while they are held back gets them in private).
import { Composer } from "grammy";
import { isChair } from "../../domain/contest.js";
import { publicView } from "../../domain/release.js";
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
        const held = !publicView(contest).detail;
        const chair = isChair(contest, ctx.from!.id);
        if (held && !chair) return ctx.reply(t("reveal-detail-held"));
        const { results } = await loadStandings(store, contest);
        const result = results.find((r) => r.presenter === n - 1);
        if (!result) return ctx.reply(t("detail-not-closed", { n }));
        const ballots = await store.ballots.forPresenter(contest.id, n - 1);
        const comments = ballots.flatMap((b) => (b.comment ? [b.comment] : []));
        const text = detailText(t, { contest, result, ballots: ballots.length, comments });
        if (!held) return ctx.reply(text);
        // Held back from the group: the chair reads it in private (or is told to start the bot).
        return ctx.api.sendMessage(ctx.from!.id, text).catch(() => ctx.reply(t("reveal-start-first")));
      },
      { chairOnly: false, ended: true },
    ),
  );

  return composer;
};
