// The chair gets the scoreboard link for the projector: /screen sends it in private,
// /screen revoke makes it stop working; /screen join shows each panel's join QR code on it,
// /screen board the board again (answered to the chair in private: the group stays quiet).
import { Composer, type Api } from "grammy";
import { publicUrl, type Config } from "../../config.js";
import type { Contest } from "../../domain/contest.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { commandBody, contestCommand } from "../group-contest.js";
import type { Translate } from "../i18n.js";
import { isForbidden } from "../telegram-errors.js";
import { screenLinkExpired } from "../../domain/screen-link.js";
import { switchScreenView } from "../screen-controls.js";
import { noteToChair } from "../private-message.js";

export type ScreenLinkConfig = Partial<Pick<Config, "PUBLIC_URL" | "SCREEN_LINK_DAYS">> & { PORT?: number };

/** The scoreboard address of a token. */
export const screenUrl = (config: ScreenLinkConfig, token: string): string => `${publicUrl(config)}/screen/${token}`;

/**
 * What a chair who asks for the scoreboard is told: its link, or, once the link has stopped
 * working (SCREEN_LINK_DAYS after the contest ended), that it has expired.
 */
export const screenLinkText = async (deps: BotDeps, config: ScreenLinkConfig, contest: Contest, t: Translate) => {
  const days = config.SCREEN_LINK_DAYS ?? 7;
  if (screenLinkExpired(await deps.store.moments.endedAt(contest.id), days, deps.now())) {
    return { text: t("screen-link-expired", { title: contest.setup.title, days }), sent: false };
  }
  const url = screenUrl(config, await deps.store.screens.ensure(contest.id));
  return { text: t("screen-link", { title: contest.setup.title, url }), sent: true };
};

export const screenFeature = (
  deps: BotDeps,
  config: ScreenLinkConfig,
  botUsername: () => string,
  /** Brings the chairs' consoles up to date (their button offers the other view). */
  refreshConsoles: (api: Api, contest: Contest) => Promise<void> = async () => {},
) => {
  const composer = new Composer<BotContext>();
  const { store } = deps;

  const sendLink = async (ctx: BotContext, contest: Contest, t: Translate) => {
    const link = await screenLinkText(deps, config, contest, t);
    if (!link.sent) return ctx.reply(link.text);
    try {
      await ctx.api.sendMessage(ctx.from!.id, link.text, {
        link_preview_options: { is_disabled: true },
      });
    } catch (error) {
      if (isForbidden(error)) return ctx.reply(t("screen-start-first", { bot: botUsername() }));
      throw error;
    }
    deps.logger.info({ contestId: contest.id, chair: ctx.from!.id }, "scoreboard link sent");
    return ctx.reply(t("screen-sent"));
  };

  const screen = async (ctx: BotContext, contest: Contest, t: Translate) => {
    const arg = commandBody(ctx).args.toLowerCase();
    if (arg === "") return sendLink(ctx, contest, t);
    if (arg === "join" || arg === "board") {
      const note = await switchScreenView(deps, contest, arg, { by: ctx.from!.id, at: deps.now() }, t);
      await refreshConsoles(ctx.api, contest);
      return noteToChair(ctx, note);
    }
    if (arg !== "revoke") return ctx.reply(t("screen-view-usage"));
    const revoked = await store.screens.revoke(contest.id);
    if (revoked) deps.logger.info({ contestId: contest.id }, "scoreboard link revoked");
    return ctx.reply(t(revoked ? "screen-revoked" : "screen-none"));
  };

  // Also after the end: the final table stays up until the chair revokes the link (or it expires).
  composer.command("screen", contestCommand(deps, screen, { chairOnly: true, ended: true }));
  return composer;
};
