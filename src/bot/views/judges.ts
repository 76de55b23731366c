// The chair's judges view (private): every roster entry and judge with panel and state, a card per
// judge with its buttons, and the forwardable invitation text.
import { InlineKeyboard } from "grammy";
import type { Contest, Judge } from "../../domain/contest.js";
import { seatLink, type RosterEntry } from "../../domain/seats.js";
import { encodeCallback } from "../callback-data.js";
import type { Translate } from "../i18n.js";
import type { View } from "./ballot.js";

export const JUDGES_PAGE_SIZE = 8;

export type JudgeRowState = "joined" | "waiting" | "revoked" | "pending" | "direct";

/** One line of the view: a roster entry (maybe bound to a judge), or a judge who came without one. */
export type JudgeRow = {
  /** Roster entry id, or "u<user id>" for a judge (or a request) without an entry. */
  target: string;
  name: string;
  panel: number;
  observer: boolean;
  state: JudgeRowState;
  entry?: RosterEntry;
  judge?: Judge;
};

/** Roster entries first (in listing order), then judges who joined by button or code, then requests. */
export const judgeRows = (roster: readonly RosterEntry[], judges: readonly Judge[], pending: readonly Judge[]): JudgeRow[] => {
  const byId = new Map(judges.map((j) => [j.userId, j]));
  const entryIds = new Set(roster.map((e) => e.id));
  const fromRoster = roster.map((entry): JudgeRow => {
    const judge = entry.boundTo === undefined ? undefined : byId.get(entry.boundTo);
    const state: JudgeRowState = judge ? "joined" : entry.token ? "waiting" : "revoked";
    return {
      target: entry.id,
      name: judge?.name ?? entry.name,
      panel: judge?.panel ?? entry.panel,
      observer: judge?.observer ?? entry.observer,
      state,
      entry,
      ...(judge ? { judge } : {}),
    };
  });
  const direct = judges
    .filter((j) => j.entry === undefined || !entryIds.has(j.entry))
    .map((judge): JudgeRow => ({ target: `u${judge.userId}`, name: judge.name, panel: judge.panel, observer: judge.observer, state: "direct", judge }));
  const waiting = pending.map(
    (judge): JudgeRow => ({ target: `u${judge.userId}`, name: judge.name, panel: judge.panel, observer: judge.observer, state: "pending", judge }),
  );
  return [...fromRoster, ...direct, ...waiting];
};

export const panelLabel = (t: Translate, contest: Contest, panel: number): string =>
  contest.setup.panels[panel]?.name ?? (contest.setup.panels.length === 0 ? "—" : t("roster-no-panel"));

/** "（区领导）" after a name, or nothing when the contest has no panels. */
export const panelSuffix = (contest: Contest, panel: number): string => {
  const name = contest.setup.panels.length > 0 ? contest.setup.panels[panel]?.name : undefined;
  return name ? `（${name}）` : "";
};

export const modeLabel = (t: Translate, contest: Contest): string => t(`roster-mode-${contest.setup.join}`);

const stateText = (t: Translate, row: JudgeRow): string =>
  [t(`roster-state-${row.state}`), ...(row.observer ? [t("roster-state-observer")] : [])].join(" ");

export const judgesListView = (t: Translate, contest: Contest, rows: readonly JudgeRow[], page: number): View => {
  const pages = Math.max(1, Math.ceil(rows.length / JUDGES_PAGE_SIZE));
  const current = Math.min(Math.max(page, 0), pages - 1);
  const shown = rows.slice(current * JUDGES_PAGE_SIZE, (current + 1) * JUDGES_PAGE_SIZE);
  const enrolled = rows.filter((r) => r.state === "joined" || r.state === "direct").length;
  const lines = [t("roster-view-title", { title: contest.setup.title, count: enrolled, mode: modeLabel(t, contest) }), ""];
  if (rows.length === 0) lines.push(t("roster-view-empty"));
  shown.forEach((row, i) => {
    const vars = { n: current * JUDGES_PAGE_SIZE + i + 1, name: row.name, state: stateText(t, row) };
    lines.push(
      contest.setup.panels.length > 0
        ? t("roster-view-row", { ...vars, panel: panelLabel(t, contest, row.panel) })
        : t("roster-view-row-no-panel", vars),
    );
  });
  if (pages > 1) lines.push("", t("roster-view-page", { page: current + 1, pages }));
  const keyboard = new InlineKeyboard();
  for (const row of shown) keyboard.text(t("roster-btn-open", { name: row.name }), encodeCallback("jv", contest.id, row.target, "c", "0")).row();
  if (pages > 1) {
    if (current > 0) keyboard.text(t("roster-btn-prev"), encodeCallback("jv", contest.id, "-", "l", current - 1));
    if (current < pages - 1) keyboard.text(t("roster-btn-next"), encodeCallback("jv", contest.id, "-", "l", current + 1));
  }
  return { text: lines.join("\n"), keyboard };
};

export const judgeCardView = (t: Translate, contest: Contest, row: JudgeRow): View => {
  const telegram = row.judge ? `${row.judge.telegramName ?? row.judge.name} (ID ${row.judge.userId})` : t("roster-card-nobody");
  const text = t("roster-card", { name: row.name, panel: panelLabel(t, contest, row.panel), state: stateText(t, row), telegram });
  const data = (action: string, arg: string | number = "0") => encodeCallback("jv", contest.id, row.target, action, arg);
  const keyboard = new InlineKeyboard();
  if (row.state === "pending") {
    const userId = row.judge!.userId;
    keyboard
      .text(t("roster-approve"), encodeCallback("ap", contest.id, userId, "1"))
      .text(t("roster-refuse"), encodeCallback("ap", contest.id, userId, "0"))
      .row();
  } else {
    if (row.entry && !row.judge) keyboard.text(t("roster-btn-resend"), data("i"));
    if (row.entry?.token && !row.judge) keyboard.text(t("roster-btn-revoke"), data("v"));
    if (row.entry && !row.judge) keyboard.row();
    if (contest.setup.panels.length > 1) keyboard.text(t("roster-btn-move"), data("m", "-"));
    keyboard.text(t("roster-btn-rename"), data("n")).row();
    keyboard.text(t(row.observer ? "roster-btn-unobserver" : "roster-btn-observer"), data("o"));
    keyboard.text(t("roster-btn-remove"), data("d", "a")).row();
  }
  keyboard.text(t("roster-btn-back"), encodeCallback("jv", contest.id, "-", "l", "0"));
  return { text, keyboard };
};

export const moveChoiceView = (t: Translate, contest: Contest, row: JudgeRow): View => {
  const keyboard = new InlineKeyboard();
  contest.setup.panels.forEach((panel, i) => {
    if (i !== row.panel) keyboard.text(panel.name, encodeCallback("jv", contest.id, row.target, "m", i)).row();
  });
  keyboard.text(t("roster-btn-back"), encodeCallback("jv", contest.id, row.target, "c", "0"));
  return { text: t("roster-move-choose", { name: row.name }), keyboard };
};

export const removeConfirmView = (t: Translate, contest: Contest, row: JudgeRow): View => ({
  text: t("roster-remove-confirm", { name: row.name }),
  keyboard: new InlineKeyboard()
    .text(t("roster-btn-remove-yes"), encodeCallback("jv", contest.id, row.target, "d", "1"))
    .text(t("roster-btn-remove-no"), encodeCallback("jv", contest.id, row.target, "d", "0")),
});

/** The invitation as one message the chair can forward to the judge as it is. */
export const invitationText = (t: Translate, contest: Contest, entry: RosterEntry, botUsername: string): string =>
  t("roster-invitation", {
    title: contest.setup.title,
    name: entry.name,
    panel: panelSuffix(contest, entry.panel),
    link: seatLink(botUsername, entry.token ?? ""),
  });

export const approvalView = (t: Translate, contest: Contest, judge: Judge): View => ({
  text: t("roster-pending-chair", { name: judge.name, id: judge.userId, title: contest.setup.title, panel: panelSuffix(contest, judge.panel) }),
  keyboard: new InlineKeyboard()
    .text(t("roster-approve"), encodeCallback("ap", contest.id, judge.userId, "1"))
    .text(t("roster-refuse"), encodeCallback("ap", contest.id, judge.userId, "0")),
});
