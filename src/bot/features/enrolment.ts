// How judges take their seats. Three ways, each checked on the server every time:
// - a personal invitation (/start <token>, from the chair's roster): the roster's name and panel;
// - a panel's join code (/start <token>, handed out in the room): that panel, join mode open/approve;
// - the group's button (join mode open/approve): only current members of the group, checked at
//   the tap and again when the deep link completes in private.
// In join mode "approve" a new judge waits for the chair's ✅/✖ in private and gets no ballot before.
import { Composer, InputFile, type Api } from "grammy";
import type { User } from "grammy/types";
import { JoinModeSchema, type Contest, type Judge } from "../../domain/contest.js";
import { SeatTokenSchema, sameName, seatLink, tokenPrefix, type RosterEntry } from "../../domain/seats.js";
import { messageRole } from "../../store/messages.js";
import type { FoundSeat } from "../../store/seats.js";
import { callbackPattern, decodeCallback } from "../callback-data.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { commandBody, contestCommand, displayName } from "../group-contest.js";
import { type Translate } from "../i18n.js";
import type { LiveMessages } from "../live-messages.js";
import { isGroupMember, sendPrivate } from "../private-message.js";
import { qrSheets } from "../qr-sheet.js";
import { chairButtonPress } from "../roles.js";
import { editIgnoringSame } from "../telegram-errors.js";
import { approvalView, modeLabel, panelSuffix } from "../views/judges.js";
import { joinPayload, joinView, parseJoinPayload } from "../views/join.js";

/** Where a seat request came from. */
type Way = { kind: "button"; panel: number } | { kind: "code"; found: FoundSeat; panel: number } | { kind: "invite"; found: FoundSeat };

export type EnrolOutcome =
  | "joined"
  | "already"
  | "locked"
  | "ended"
  | "unreachable"
  | "pending"
  | "pending-already"
  | "roster-only"
  | "revoked"
  | "used"
  | "busy";

/**
 * Deep-link payloads Telegram allows are up to 64 of A–Z a–z 0–9 _ -; one of 16 or more that is
 * not the group button's is taken for a (perhaps mistyped or cut) invitation or join code.
 */
const TOKEN_LIKE = /^[A-Za-z0-9_-]{16,64}$/;

const MODE_WORDS: Record<string, "open" | "approve" | "roster"> = {
  open: "open",
  开放: "open",
  approve: "approve",
  审批: "approve",
  roster: "roster",
  名单: "roster",
};

export const enrolmentFeature = (deps: BotDeps, live: LiveMessages, botUsername: () => string) => {
  const composer = new Composer<BotContext>();
  const { store } = deps;

  const conflictIndexes = (contest: Contest, entry: RosterEntry): number[] =>
    contest.setup.presenters.flatMap((p, i) => (entry.conflicts.some((name) => sameName(name, p.name)) ? [i] : []));

  const tellChair = async (api: Api, contest: Contest, text: string, keyboard?: Parameters<typeof sendPrivate>[3]) => {
    if (await sendPrivate(api, contest.chairId, text, keyboard)) return;
    // The chair never opened a private chat: the group sees it (every button is checked on press).
    await api.sendMessage(contest.chatId, text, keyboard ? { reply_markup: keyboard } : {});
  };

  /**
   * Seats `user` by `way`. For the group button the welcome is sent first: if the bot may not write
   * to them yet the answer is "unreachable" (they get a deep link) and nothing is stored.
   */
  const seat = async (api: Api, contest: Contest, user: User, way: Way, t: Translate): Promise<EnrolOutcome> => {
    if (contest.status !== "draft" && contest.status !== "running") return "ended";
    const invite = way.kind === "invite" ? way.found : undefined;
    const roster = await store.seats.rosterWithJson(contest.id);
    let bound: { entry: RosterEntry; json: string } | undefined;
    if (invite && invite.seat.kind === "invite") {
      const { seat: inviteSeat } = invite;
      bound = roster.find((r) => r.entry.id === inviteSeat.entry);
      if (inviteSeat.usedBy !== undefined) return inviteSeat.usedBy === user.id ? "already" : "used";
      if (inviteSeat.revoked || !bound || bound.entry.token !== invite.token) return "revoked";
    } else {
      // The contest file may name this account by its Telegram user id: it takes that entry.
      bound = roster.find((r) => r.entry.userId === user.id && r.entry.boundTo === undefined);
    }
    if (await store.judges.isJudge(contest.id, user.id)) return "already";
    const mode = contest.setup.join;
    if (!bound && mode === "roster") return "roster-only";
    if (!bound && contest.locked) return "locked";
    const target = !bound && mode === "approve" ? "pending" : "judge";
    const panel = bound ? bound.entry.panel : way.kind === "invite" ? 0 : way.panel;
    const judge: Judge = {
      userId: user.id,
      name: bound?.entry.name ?? displayName(user),
      telegramName: displayName(user),
      panel,
      observer: bound?.entry.observer ?? false,
      joinedAt: deps.now(),
      ...(bound ? { entry: bound.entry.id } : {}),
    };
    const vars = { title: contest.setup.title, name: judge.name, panel: panelSuffix(contest, panel) };
    const greeting = t(target === "pending" ? "roster-pending-user" : "roster-welcome", vars);
    if (way.kind === "button" && !(await sendPrivate(api, user.id, greeting))) return "unreachable";
    const result = await store.seats.seatJudge({
      contestId: contest.id,
      judge,
      target,
      ...(invite && bound ? { invitation: { found: invite, entry: bound.entry, entryJson: bound.json } } : {}),
      ...(!invite && bound ? { entry: { entry: bound.entry, entryJson: bound.json } } : {}),
      conflicts: bound ? conflictIndexes(contest, bound.entry) : [],
      checkLock: !bound,
      ...(bound ? {} : { mode }),
    });
    if (result.code === "ALREADY") return "already";
    if (result.code === "LOCKED") return "locked";
    if (result.code === "CONTEST_ENDED" || result.code === "NO_CONTEST") return "ended";
    if (result.code === "RETRY") return "busy";
    if (way.kind !== "button") await sendPrivate(api, user.id, greeting);
    if (result.code === "PENDING") {
      if (!result.isNew) return "pending-already";
      deps.logger.info({ contestId: contest.id, user: user.id, panel }, "judge waits for approval");
      const chairT = deps.translate(contest.language);
      const view = approvalView(chairT, contest, judge);
      await tellChair(api, contest, view.text, view.keyboard);
      return "pending";
    }
    await Promise.all([store.judges.markStarted(user.id), store.judges.setJudging(user.id, contest.id)]);
    deps.logger.info(
      { contestId: contest.id, judge: user.id, panel, way: way.kind, ...(invite ? { token: tokenPrefix(invite.token) } : {}) },
      "judge enrolled",
    );
    await live.refreshJoin(api, contest);
    return "joined";
  };

  // ── /join: the group's button, and each panel's join code to the chair in private ──

  const sendPanelCodes = async (api: Api, contest: Contest, t: Translate): Promise<boolean> => {
    const codes = await store.seats.ensurePanelCodes(contest.id, contest.setup.panels.length, { by: contest.chairId, at: deps.now() });
    const cards = codes.map(({ panel, token }) => ({
      title: contest.setup.panels[panel]?.name ?? contest.setup.title,
      url: seatLink(botUsername(), token),
    }));
    const text = codes
      .map(({ panel, token }) => t("roster-code-message", { title: contest.setup.title, panel: panelSuffix(contest, panel), link: seatLink(botUsername(), token) }))
      .join("\n\n");
    if (!(await sendPrivate(api, contest.chairId, text))) return false;
    const [sheet] = qrSheets(t("roster-codes-sheet-heading", { title: contest.setup.title }), cards);
    if (sheet) await api.sendDocument(contest.chairId, new InputFile(sheet, "join-codes.png"));
    return true;
  };

  composer.command(
    "join",
    contestCommand(
      deps,
      async (ctx, contest, t) => {
        if (contest.setup.join === "roster") return ctx.reply(t("roster-join-roster-mode-group"));
        // The codes go to the chair in private; the group sees only its join message (a chair who
        // never started the bot gets them from the next /join after /start).
        if (!(await sendPanelCodes(ctx.api, contest, t))) deps.logger.info({ contestId: contest.id }, "join codes not sent: chair unreachable");
        const view = joinView(t, contest, await store.judges.count(contest.id));
        const message = await ctx.reply(view.text, { reply_markup: view.keyboard });
        await store.messages.set(contest.id, messageRole.join(), message.message_id);
      },
      { chairOnly: true },
    ),
  );

  composer.callbackQuery(callbackPattern("j"), async (ctx) => {
    const data = deps.decodeCallback(ctx.callbackQuery.data);
    const contest = data?.kind === "j" ? await store.contests.get(data.args[0]) : undefined;
    if (!data || data.kind !== "j" || !contest || contest.chatId !== ctx.chat?.id)
      return ctx.answerCallbackQuery(ctx.t("common-unknown-button"));
    const t = deps.translate(contest.language);
    const panel = Math.min(data.args[1], Math.max(contest.setup.panels.length - 1, 0));
    if (contest.setup.join === "roster" && !(await store.judges.isJudge(contest.id, ctx.from.id)))
      return ctx.answerCallbackQuery({ text: t("roster-join-roster-only"), show_alert: true });
    if (!(await isGroupMember(ctx.api, contest.chatId, ctx.from.id)))
      return ctx.answerCallbackQuery({ text: t("roster-not-member"), show_alert: true });
    const outcome = await seat(ctx.api, contest, ctx.from, { kind: "button", panel }, t);
    if (outcome === "unreachable")
      return ctx.answerCallbackQuery({ url: `https://t.me/${botUsername()}?start=${joinPayload(contest, panel)}` });
    const quiet = outcome === "joined" || outcome === "already" || outcome === "pending" || outcome === "pending-already";
    return ctx.answerCallbackQuery({ text: answerText(t, contest, outcome), show_alert: !quiet });
  });

  const answerText = (t: Translate, contest: Contest, outcome: Exclude<EnrolOutcome, "unreachable">): string => {
    const texts: Record<Exclude<EnrolOutcome, "unreachable">, string> = {
      joined: t("join-done"),
      already: t("join-already"),
      locked: t("join-locked"),
      ended: t("roster-token-ended", { title: contest.setup.title }),
      pending: t("roster-pending-already"),
      "pending-already": t("roster-pending-already"),
      "roster-only": t("roster-join-roster-only"),
      revoked: t("roster-token-revoked"),
      used: t("roster-token-used"),
      busy: t("roster-token-busy"),
    };
    return texts[outcome];
  };

  /** Replies in private to a /start that tried to seat the sender (the welcome was sent by seat()). */
  const replyOutcome = async (ctx: BotContext, contest: Contest, t: Translate, outcome: EnrolOutcome) => {
    if (outcome === "joined" || outcome === "pending" || outcome === "unreachable") return;
    await ctx.reply(answerText(t, contest, outcome));
  };

  /** /start <token> (invitation or join code) and /start j_<contest>_<panel> (the group button's deep link). */
  const startJoin = async (ctx: BotContext, payload: string): Promise<boolean> => {
    if (!ctx.from) return false;
    const deepLink = parseJoinPayload(payload);
    if (deepLink) {
      const contest = await store.contests.get(deepLink.contestId);
      if (!contest) return false;
      const t = deps.translate(contest.language);
      if (contest.status !== "draft" && contest.status !== "running") return void (await ctx.reply(answerText(t, contest, "ended"))), true;
      if (contest.setup.join === "roster") return void (await ctx.reply(t("roster-join-roster-only"))), true;
      // A member who left since the tap is refused here.
      if (!(await isGroupMember(ctx.api, contest.chatId, ctx.from.id))) return void (await ctx.reply(t("roster-not-member"))), true;
      const panel = Math.min(deepLink.panel, Math.max(contest.setup.panels.length - 1, 0));
      await replyOutcome(ctx, contest, t, await seat(ctx.api, contest, ctx.from, { kind: "button", panel }, t));
      return true;
    }
    if (!TOKEN_LIKE.test(payload)) return false;
    const token = SeatTokenSchema.safeParse(payload);
    const found = token.success ? await store.seats.find(token.data) : undefined;
    const contest = found ? await store.contests.get(found.contestId) : undefined;
    if (!found || !contest) {
      deps.logger.info({ user: ctx.from.id, token: tokenPrefix(payload) }, "unknown seat token");
      await ctx.reply(ctx.t("roster-token-unknown"));
      return true;
    }
    const t = ctx.t;
    if (contest.status !== "draft" && contest.status !== "running") {
      await ctx.reply(t("roster-token-ended", { title: contest.setup.title }));
      return true;
    }
    if (found.seat.kind === "code") {
      if (found.seat.revoked) return void (await ctx.reply(t("roster-token-revoked"))), true;
      const panel = Math.min(found.seat.panel, Math.max(contest.setup.panels.length - 1, 0));
      await replyOutcome(ctx, contest, t, await seat(ctx.api, contest, ctx.from, { kind: "code", found, panel }, t));
      return true;
    }
    const outcome = await seat(ctx.api, contest, ctx.from, { kind: "invite", found }, t);
    await replyOutcome(ctx, contest, t, outcome);
    if (outcome === "used") {
      const entry = await store.seats.entry(contest.id, found.seat.entry);
      deps.logger.warn({ contestId: contest.id, user: ctx.from.id, token: tokenPrefix(found.token) }, "used invitation opened by another account");
      const chairT = deps.translate(contest.language);
      await tellChair(
        ctx.api,
        contest,
        chairT("roster-chair-reused", { name: entry?.entry.name ?? "?", other: displayName(ctx.from), id: ctx.from.id }),
      );
    }
    return true;
  };

  // ── approve mode: the chair's ✅/✖ ──

  composer.callbackQuery(callbackPattern("ap"), async (ctx) => {
    const pressed = await chairButtonPress(deps, ctx, "ap", "anywhere");
    if (!pressed) return;
    const { args, contest, t } = pressed;
    const [, userId, yes] = args;
    const result = await store.seats.decide(contest.id, userId, yes === "1", { by: ctx.from.id, at: deps.now() });
    await ctx.answerCallbackQuery();
    if (result.code === "CONTEST_ENDED") return editIgnoringSame(() => ctx.editMessageText(t("common-contest-ended")));
    if (result.code !== "OK" && result.code !== "ALREADY") return editIgnoringSame(() => ctx.editMessageText(t("roster-decided-already")));
    const { judge } = result;
    const vars = { name: judge.name, title: contest.setup.title, panel: panelSuffix(contest, judge.panel) };
    deps.logger.info({ contestId: contest.id, judge: userId, approved: yes === "1", by: ctx.from.id }, "judge request decided");
    await editIgnoringSame(() => ctx.editMessageText(t(yes === "1" ? "roster-approved" : "roster-refused", vars)));
    if (yes !== "1") return sendPrivate(ctx.api, userId, t("roster-refused-user", vars));
    await store.judges.setJudging(userId, contest.id);
    await sendPrivate(ctx.api, userId, t("roster-approved-user", vars));
    await live.refreshJoin(ctx.api, contest);
  });

  // ── /joinmode ──

  composer.command(
    "joinmode",
    contestCommand(
      deps,
      async (ctx, contest, t) => {
        const word = commandBody(ctx).args.toLowerCase();
        const mode = JoinModeSchema.safeParse(MODE_WORDS[word]);
        if (!mode.success)
          return ctx.reply([t("roster-joinmode-current", { mode: modeLabel(t, contest) }), "", t("roster-joinmode-usage")].join("\n"));
        const next: Contest = { ...contest, setup: { ...contest.setup, join: mode.data } };
        if (mode.data !== contest.setup.join) await store.contests.save(next, { by: ctx.from!.id, at: deps.now() });
        deps.logger.info({ contestId: contest.id, mode: mode.data, by: ctx.from!.id }, "join mode set");
        return ctx.reply(t("roster-joinmode-set", { mode: modeLabel(t, next) }));
      },
      { chairOnly: true },
    ),
  );

  return { composer, startJoin };
};
