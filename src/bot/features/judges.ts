// The chair's roster: /judges with lines (or a CSV file) names the judges, each gets a personal
// invitation sent to the chair in private (one forwardable message per judge and a printable QR
// sheet); /judges alone opens the judges view in private, where the chair resends or revokes an
// invitation, moves, renames, marks as observer or removes a judge. Every button is checked
// against the contest's chairs when pressed; every change is one compare-and-set step, audited.
import { Composer, InputFile, type Api } from "grammy";
import { isChair, type Contest, type Judge } from "../../domain/contest.js";
import { parseRosterCsv, parseRosterLines, type RosterLine, type RosterLineError, type RosterResult } from "../../domain/roster-lines.js";
import { sameName, seatLink, type RosterEntry, type Seat } from "../../domain/seats.js";
import type { Actor, AuditEvent } from "../../store/audit.js";
import { newSeatToken, type RosterChange } from "../../store/seats.js";
import { callbackPattern } from "../callback-data.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { commandBody, contestCommand } from "../group-contest.js";
import { type Translate } from "../i18n.js";
import type { LiveMessages } from "../live-messages.js";
import { sendPrivate } from "../private-message.js";
import { qrSheets } from "../qr-sheet.js";
import { chairButtonPress } from "../roles.js";
import { editIgnoringSame } from "../telegram-errors.js";
import type { DownloadFile } from "./contest-file.js";
import {
  invitationText,
  judgeCardView,
  judgeRows,
  judgesListView,
  moveChoiceView,
  panelLabel,
  removeConfirmView,
  type JudgeRow,
} from "../views/judges.js";

/** How long the chair's "✏️ rename" waits for the new name. */
const RENAME_TTL_S = 10 * 60;
const MAX_CSV_BYTES = 256 * 1024;

export const rosterErrorsText = (t: Translate, errors: readonly RosterLineError[]): string =>
  t("setup-lines-invalid", {
    errors: errors
      .slice(0, 20)
      .map((e) =>
        t("setup-line-error", {
          line: e.line,
          text: e.text,
          reason: t(`roster-line-${e.code.replaceAll("_", "-")}`, { limit: "", first: "", value: "", name: "", panels: "", ...e.detail }),
        }),
      )
      .join("\n"),
  });

export const judgesFeature = (deps: BotDeps, live: LiveMessages, botUsername: () => string, downloadFile: DownloadFile) => {
  const composer = new Composer<BotContext>();
  const { store } = deps;

  const loadRows = async (contest: Contest): Promise<JudgeRow[]> => {
    const [roster, judges, pending] = await Promise.all([
      store.seats.roster(contest.id),
      store.contests.judges(contest.id),
      store.seats.pending(contest.id),
    ]);
    return judgeRows(roster, judges, pending);
  };

  /** Sends the chair one forwardable message per invitation, then the printable QR sheet(s). */
  const sendInvitations = async (api: Api, contest: Contest, entries: readonly RosterEntry[]): Promise<boolean> => {
    const t = deps.translate(contest.language);
    const withToken = entries.filter((e) => e.token);
    for (const entry of withToken) {
      const sent = await deps.sendQueue.enqueue(contest.chairId, () =>
        sendPrivate(api, contest.chairId, invitationText(t, contest, entry, botUsername())),
      );
      if (!sent) return false;
    }
    const cards = withToken.map((e) => ({
      title: e.name,
      ...(contest.setup.panels[e.panel] ? { subtitle: contest.setup.panels[e.panel]!.name } : {}),
      url: seatLink(botUsername(), e.token!),
    }));
    const sheets = qrSheets(t("roster-sheet-heading", { title: contest.setup.title }), cards);
    for (const [i, sheet] of sheets.entries()) {
      await deps.sendQueue.enqueue(contest.chairId, () =>
        api.sendDocument(contest.chairId, new InputFile(sheet, sheets.length > 1 ? `invitations-${i + 1}.png` : "invitations.png"), {
          caption: t("roster-sheet-caption", { title: contest.setup.title, count: cards.length }),
        }),
      );
    }
    return true;
  };

  /** Adds checked roster lines, binds entries whose user id is already a judge, sends the invitations. */
  const addRoster = async (api: Api, contest: Contest, lines: readonly RosterLine[], actor: Actor) => {
    const entries = await store.seats.addEntries(contest.id, lines, actor);
    for (const entry of entries.filter((e) => e.userId !== undefined)) await bindEnrolled(contest, entry, actor);
    const sent = await sendInvitations(api, contest, entries);
    deps.logger.info({ contestId: contest.id, added: entries.length, by: actor.by }, "roster entries added");
    return { entries, sent };
  };

  /** A contest-file entry naming a Telegram user who already joined: the judge takes the entry. */
  const bindEnrolled = async (contest: Contest, entry: RosterEntry, actor: Actor) => {
    const judgeRead = entry.userId === undefined ? null : await store.judges.judgeJson(contest.id, entry.userId);
    const current = await store.seats.entry(contest.id, entry.id);
    if (!judgeRead || !current || entry.userId === undefined) return;
    const before = JSON.parse(judgeRead) as Judge;
    const judge: Judge = { ...before, name: entry.name, panel: entry.panel, observer: entry.observer || before.observer, entry: entry.id };
    const conflicts = contest.setup.presenters.flatMap((p, i) => (entry.conflicts.some((n) => sameName(n, p.name)) ? [i] : []));
    await store.integrity.addConflicts(contest.id, entry.userId, conflicts);
    const { token: _token, ...rest } = current.entry;
    await store.seats.write(
      contest.id,
      {
        entry: { id: entry.id, read: current.json, next: { ...rest, boundTo: entry.userId } },
        ...(entry.token ? { seat: { token: entry.token, read: (await store.seats.seatJson(contest.id, entry.token)) ?? "", next: null } } : {}),
        judge: { id: entry.userId, read: judgeRead, next: judge },
      },
      { type: "judge-updated", data: judge },
      actor,
    );
  };

  /** The judges of a contest file (setup.judges) not yet on the roster join it, with invitations; says so. */
  const importRoster = async (api: Api, contest: Contest, actor: Actor): Promise<string | undefined> => {
    const roster = await store.seats.roster(contest.id);
    const lines = contest.setup.judges
      .filter((j) => !roster.some((e) => sameName(e.name, j.name)))
      .map((j) => ({
        name: j.name,
        panel: Math.max(0, contest.setup.panels.findIndex((p) => j.panel !== undefined && sameName(p.name, j.panel))),
        observer: j.observer,
        conflicts: j.conflicts,
        ...(j.userId === undefined ? {} : { userId: j.userId }),
      }));
    if (lines.length === 0) return undefined;
    const { sent } = await addRoster(api, contest, lines, actor);
    const t = deps.translate(contest.language);
    return t(sent ? "roster-imported" : "roster-imported-unreachable", { count: lines.length });
  };

  /** The judges view's first page (every roster entry, judge and request, with its buttons). */
  const judgesView = async (contest: Contest) => judgesListView(deps.translate(contest.language), contest, await loadRows(contest), 0);

  /** The judges view, sent to `chatId` (the chair's private chat); false when the bot may not write there. */
  const openJudgesView = async (api: Api, contest: Contest, chatId: number): Promise<boolean> => {
    const view = await judgesView(contest);
    return sendPrivate(api, chatId, view.text, view.keyboard);
  };

  const saveRoster = async (ctx: BotContext, contest: Contest, t: Translate, parsed: RosterResult) => {
    if (!parsed.ok) return ctx.reply(rosterErrorsText(t, parsed.errors));
    const { entries, sent } = await addRoster(ctx.api, contest, parsed.value, { by: ctx.from!.id, at: deps.now() });
    const vars = { count: entries.length, names: entries.map((e) => e.name).join("、") };
    return ctx.reply(t(sent ? "roster-saved" : "roster-saved-unreachable", vars));
  };

  const existingNames = async (contest: Contest) => {
    const [roster, judges] = await Promise.all([store.seats.roster(contest.id), store.contests.judges(contest.id)]);
    return [...roster.map((e) => ({ name: e.name, userId: e.userId })), ...judges.filter((j) => !j.entry).map((j) => ({ name: j.name, userId: j.userId }))];
  };

  const judgesCommand = async (ctx: BotContext, contest: Contest, t: Translate) => {
    const { args, lines } = commandBody(ctx);
    // Lines are numbered from the first one after the command (or the command's own, when it has one).
    const body = (args ? [args, ...lines] : lines).join("\n");
    if (!body.trim()) {
      if (!(await openJudgesView(ctx.api, contest, ctx.from!.id))) return ctx.reply(t("roster-view-unreachable"));
      return ctx.reply(t("roster-view-sent"));
    }
    if (/^(help|\?|帮助)$/i.test(body.trim())) return ctx.reply(t("roster-usage"));
    return saveRoster(ctx, contest, t, parseRosterLines(body, contest.setup, await existingNames(contest)));
  };

  const judgesCsv = async (ctx: BotContext, contest: Contest, t: Translate) => {
    const document = ctx.msg?.document;
    if (!document) return ctx.reply(t("roster-usage"));
    if ((document.file_size ?? 0) > MAX_CSV_BYTES) return ctx.reply(t("roster-csv-failed"));
    let text: string;
    try {
      const file = await ctx.api.getFile(document.file_id);
      if (!file.file_path) throw new Error("getFile returned no file_path");
      text = new TextDecoder("utf-8", { fatal: true }).decode(await downloadFile(file.file_path));
    } catch (error) {
      deps.logger.warn({ err: error, contestId: contest.id }, "roster file unreadable");
      return ctx.reply(t("roster-csv-failed"));
    }
    return saveRoster(ctx, contest, t, parseRosterCsv(text, contest.setup, await existingNames(contest)));
  };

  composer.command("judges", contestCommand(deps, judgesCommand, { chairOnly: true }));
  composer.on(
    "message:document",
    (ctx, next) => (/^\/judges(@\w+)?(\s|$)/.test(ctx.msg.caption ?? "") ? contestCommand(deps, judgesCsv, { chairOnly: true })(ctx) : next()),
  );

  // ── changes from the judges view ──

  type Change = {
    entry?: Partial<RosterEntry>;
    judge?: Partial<Judge>;
    event: "moved" | "renamed" | "observer";
  };

  /** Applies one change to the row's entry and/or judge, as they are now; false when they changed meanwhile or are gone. */
  const applyChange = async (contest: Contest, row: JudgeRow, change: Change, actor: Actor): Promise<boolean> => {
    const entryRead = row.entry ? await store.seats.entry(contest.id, row.entry.id) : undefined;
    const judgeRead = row.judge ? await store.judges.judgeJson(contest.id, row.judge.userId) : null;
    if ((row.entry && !entryRead) || (row.judge && !judgeRead)) return false;
    const judgeBefore = judgeRead ? (JSON.parse(judgeRead) as Judge) : undefined;
    const entryNext = entryRead ? { ...entryRead.entry, ...change.entry } : undefined;
    const judgeNext = judgeBefore ? { ...judgeBefore, ...change.judge } : undefined;
    const previous = { previousName: row.name, previousPanel: row.panel };
    const event: AuditEvent = judgeNext
      ? { type: "judge-updated", data: { ...judgeNext, change: change.event, ...previous } }
      : { type: "roster-changed", data: { entry: entryNext!.id, name: entryNext!.name, panel: entryNext!.panel, observer: entryNext!.observer, change: change.event, ...previous } };
    const write: RosterChange = {
      ...(entryRead && entryNext ? { entry: { id: entryRead.entry.id, read: entryRead.json, next: entryNext } } : {}),
      ...(judgeRead && judgeNext ? { judge: { id: judgeNext.userId, read: judgeRead, next: judgeNext } } : {}),
    };
    return store.seats.write(contest.id, write, event, actor);
  };

  /** Closed rounds in which the judge has a ballot (they keep the panel they had when they closed). */
  const closedRoundsScored = async (contest: Contest, judgeId: number): Promise<number> => {
    const closed = [...(await store.contests.rounds(contest.id))].filter(([, s]) => s === "closed").map(([p]) => p);
    const ballots = await store.ballots.forPresenters(contest.id, closed);
    return closed.filter((p) => (ballots.get(p) ?? []).some((b) => b.judgeId === judgeId)).length;
  };

  const showCard = (ctx: BotContext, t: Translate, contest: Contest, row: JudgeRow) => {
    const view = judgeCardView(t, contest, row);
    return editIgnoringSame(() => ctx.editMessageText(view.text, { reply_markup: view.keyboard }));
  };

  const showList = async (ctx: BotContext, t: Translate, contest: Contest, page = 0) => {
    const view = judgesListView(t, contest, await loadRows(contest), page);
    return editIgnoringSame(() => ctx.editMessageText(view.text, { reply_markup: view.keyboard }));
  };

  /** The row again after a change, shown as its card (or the list when it is gone). */
  const refreshCard = async (ctx: BotContext, t: Translate, contest: Contest, target: string) => {
    const fresh = (await loadRows(contest)).find((r) => r.target === target);
    return fresh ? showCard(ctx, t, contest, fresh) : showList(ctx, t, contest);
  };

  const resend = async (ctx: BotContext, t: Translate, contest: Contest, row: JudgeRow, actor: Actor) => {
    const read = row.entry ? await store.seats.entry(contest.id, row.entry.id) : undefined;
    if (!read || read.entry.boundTo !== undefined) return ctx.reply(t("roster-gone"));
    let entry = read.entry;
    if (!entry.token) {
      // A revoked invitation is replaced by a new token; the old link stays void.
      const token = newSeatToken();
      const seat: Seat = { kind: "invite", entry: entry.id, createdAt: actor.at, revoked: false };
      entry = { ...entry, token };
      const ok = await store.seats.write(
        contest.id,
        { entry: { id: entry.id, read: read.json, next: entry }, seat: { token, read: "", next: seat } },
        store.seats.rosterEvent(entry, "invited"),
        actor,
      );
      if (!ok) return ctx.reply(t("roster-changed-meanwhile"));
    }
    await ctx.reply(t("roster-resent", { name: entry.name }));
    await ctx.reply(invitationText(t, contest, entry, botUsername()));
    return refreshCard(ctx, t, contest, row.target);
  };

  const revoke = async (ctx: BotContext, t: Translate, contest: Contest, row: JudgeRow, actor: Actor) => {
    const read = row.entry ? await store.seats.entry(contest.id, row.entry.id) : undefined;
    if (!read?.entry.token || read.entry.boundTo !== undefined) return refreshCard(ctx, t, contest, row.target);
    const token = read.entry.token;
    const seatRead = (await store.seats.seatJson(contest.id, token)) ?? "";
    const seat = seatRead ? (JSON.parse(seatRead) as Seat) : undefined;
    const { token: _old, ...entry } = read.entry;
    const ok = await store.seats.write(
      contest.id,
      { entry: { id: entry.id, read: read.json, next: entry }, ...(seat ? { seat: { token, read: seatRead, next: { ...seat, revoked: true } } } : {}) },
      store.seats.rosterEvent(read.entry, "revoked"),
      actor,
    );
    if (!ok) return ctx.reply(t("roster-changed-meanwhile"));
    deps.logger.info({ contestId: contest.id, entry: entry.id, by: actor.by }, "invitation revoked");
    await ctx.reply(t("roster-revoked", { name: entry.name }));
    return refreshCard(ctx, t, contest, row.target);
  };

  const move = async (ctx: BotContext, t: Translate, contest: Contest, row: JudgeRow, panel: number, actor: Actor) => {
    if (panel >= contest.setup.panels.length || panel === row.panel) return refreshCard(ctx, t, contest, row.target);
    const ok = await applyChange(contest, row, { entry: { panel }, judge: { panel }, event: "moved" }, actor);
    if (!ok) return ctx.reply(t("roster-changed-meanwhile"));
    deps.logger.info({ contestId: contest.id, target: row.target, from: row.panel, to: panel, by: actor.by }, "judge moved");
    const vars = { name: row.name, from: panelLabel(t, contest, row.panel), to: panelLabel(t, contest, panel) };
    const lines = [t("roster-moved", vars)];
    const closed = row.judge ? await closedRoundsScored(contest, row.judge.userId) : 0;
    if (closed > 0) lines.push(t("roster-moved-closed", { ...vars, count: closed }));
    await ctx.reply(lines.join("\n"));
    const current = await store.contests.currentRound(contest.id);
    if (current !== undefined) await live.refreshCounter(ctx.api, contest, current);
    return refreshCard(ctx, t, contest, row.target);
  };

  const toggleObserver = async (ctx: BotContext, t: Translate, contest: Contest, row: JudgeRow, actor: Actor) => {
    const observer = !row.observer;
    const ok = await applyChange(contest, row, { entry: { observer }, judge: { observer }, event: "observer" }, actor);
    if (!ok) return ctx.reply(t("roster-changed-meanwhile"));
    await ctx.reply(t(observer ? "judge-observer-on" : "judge-observer-off", { name: row.name }));
    const current = await store.contests.currentRound(contest.id);
    if (current !== undefined) await live.refreshCounter(ctx.api, contest, current);
    return refreshCard(ctx, t, contest, row.target);
  };

  const remove = async (ctx: BotContext, t: Translate, contest: Contest, row: JudgeRow, actor: Actor) => {
    if (row.entry) {
      const read = await store.seats.entry(contest.id, row.entry.id);
      if (read) {
        const token = read.entry.token;
        const seatRead = token ? ((await store.seats.seatJson(contest.id, token)) ?? "") : "";
        const seat = seatRead ? (JSON.parse(seatRead) as Seat) : undefined;
        const ok = await store.seats.write(
          contest.id,
          { entry: { id: read.entry.id, read: read.json, next: null }, ...(token && seat ? { seat: { token, read: seatRead, next: { ...seat, revoked: true } } } : {}) },
          store.seats.rosterEvent(read.entry, "removed"),
          actor,
        );
        if (!ok) return ctx.reply(t("roster-changed-meanwhile"));
      }
    }
    if (row.judge && row.state !== "pending") {
      const result = await store.integrity.removeJudge(contest.id, row.judge.userId, actor);
      if (result.code === "OK") {
        deps.logger.info({ contestId: contest.id, judge: row.judge.userId, by: actor.by, discarded: result.discardedBallot }, "judge removed");
        await sendPrivate(ctx.api, row.judge.userId, deps.translate(contest.language)("roster-removed-user", { title: contest.setup.title }));
        if (result.presenter !== undefined) await live.refreshCounter(ctx.api, contest, result.presenter);
        await live.refreshJoin(ctx.api, contest);
      }
    }
    await ctx.reply(t("roster-removed", { name: row.name }));
    return showList(ctx, t, contest);
  };

  composer.callbackQuery(callbackPattern("jv"), async (ctx) => {
    const pressed = await chairButtonPress(deps, ctx, "jv", "anywhere");
    if (!pressed) return;
    const { args, contest, t } = pressed;
    if (contest.status !== "draft" && contest.status !== "running") {
      await ctx.answerCallbackQuery();
      return editIgnoringSame(() => ctx.editMessageText(t("common-contest-ended")));
    }
    const [, target, action, arg] = args;
    const actor: Actor = { by: ctx.from.id, at: deps.now() };
    if (action === "l" || target === "-") {
      await ctx.answerCallbackQuery();
      return showList(ctx, t, contest, /^\d+$/.test(arg) ? Number(arg) : 0);
    }
    const row = (await loadRows(contest)).find((r) => r.target === target);
    if (!row || (row.state === "pending" && action !== "c")) {
      await ctx.answerCallbackQuery({ text: t("roster-gone"), show_alert: true });
      return showList(ctx, t, contest);
    }
    await ctx.answerCallbackQuery();
    if (action === "c") return showCard(ctx, t, contest, row);
    if (action === "i") return resend(ctx, t, contest, row, actor);
    if (action === "v") return revoke(ctx, t, contest, row, actor);
    if (action === "o") return toggleObserver(ctx, t, contest, row, actor);
    if (action === "m") {
      if (!/^\d+$/.test(arg)) {
        const view = moveChoiceView(t, contest, row);
        return editIgnoringSame(() => ctx.editMessageText(view.text, { reply_markup: view.keyboard }));
      }
      return move(ctx, t, contest, row, Number(arg), actor);
    }
    if (action === "n") {
      await store.seats.awaitRename(ctx.from.id, contest.id, row.target, RENAME_TTL_S);
      return ctx.reply(t("roster-rename-ask", { name: row.name }));
    }
    // action "d": remove
    if (arg === "a") {
      const view = removeConfirmView(t, contest, row);
      return editIgnoringSame(() => ctx.editMessageText(view.text, { reply_markup: view.keyboard }));
    }
    if (arg === "1") return remove(ctx, t, contest, row, actor);
    await ctx.reply(t("roster-removed-kept", { name: row.name }));
    return showCard(ctx, t, contest, row);
  });

  // The chair's next private text after "✏️ rename" is the new name (a command cancels it).
  composer.chatType("private").on("message:text", async (ctx, next) => {
    if (ctx.msg.text.startsWith("/")) return next();
    const rename = await store.seats.takeRename(ctx.from.id);
    if (!rename) return next();
    const contest = await store.contests.get(rename.contestId);
    if (!contest || !isChair(contest, ctx.from.id) || (contest.status !== "draft" && contest.status !== "running")) return next();
    const t = deps.translate(contest.language);
    const name = ctx.msg.text.split(/\s+/).filter(Boolean).join(" ");
    if (name.length < 1 || name.length > 80) return ctx.reply(t("roster-rename-bad"));
    const rows = await loadRows(contest);
    const row = rows.find((r) => r.target === rename.target);
    if (!row) return ctx.reply(t("roster-gone"));
    if (rows.some((r) => r.target !== row.target && sameName(r.name, name))) return ctx.reply(t("roster-name-taken", { name }));
    const ok = await applyChange(contest, row, { entry: { name }, judge: { name }, event: "renamed" }, { by: ctx.from.id, at: deps.now() });
    if (!ok) return ctx.reply(t("roster-changed-meanwhile"));
    deps.logger.info({ contestId: contest.id, target: row.target, by: ctx.from.id }, "judge renamed");
    await ctx.reply(t("roster-renamed", { from: row.name, to: name }));
    const fresh = (await loadRows(contest)).find((r) => r.target === row.target);
    if (!fresh) return;
    const view = judgeCardView(t, contest, fresh);
    return ctx.reply(view.text, { reply_markup: view.keyboard });
  });

  return { composer, judgesView, openJudgesView, importRoster };
};
export type JudgesFeature = ReturnType<typeof judgesFeature>;
