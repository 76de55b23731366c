// The chair's console (a private message, edited in place): the meeting's state and the buttons
// that run it. Irreversible steps (close, reopen, finish) first turn the buttons into a question.
import { InlineKeyboard } from "grammy";
import type { MeetingState } from "../../domain/meeting-state.js";
import { placeVars } from "../../domain/draw.js";
import type { ConsoleAsk } from "../../store/consoles.js";
import type { ScreenView } from "../../store/screen-controls.js";
import { encodeCallback } from "../callback-data.js";
import type { Translate } from "../i18n.js";
import { chunk } from "./keypad.js";
import { presenterName } from "./round.js";
import type { View } from "./ballot.js";

/** What each console button does; the third part of its data is a presenter (0 when none). */
export const CONSOLE_STEPS = {
  next: "n",
  close: "c",
  closeConfirmed: "C",
  remind: "r",
  reopen: "o",
  reopenConfirmed: "O",
  judges: "j",
  screen: "s",
  /** Shows the join codes (presenter 1) or the board (0) on the scoreboard. */
  screenView: "v",
  finish: "f",
  finishConfirmed: "F",
  back: "b",
} as const;
export type ConsoleStep = (typeof CONSOLE_STEPS)[keyof typeof CONSOLE_STEPS];

export const consoleButton = (contestId: string, step: ConsoleStep, presenter = 0): string =>
  encodeCallback("c", contestId, step, presenter);

const clockFormats = new Map<string, Intl.DateTimeFormat>();
const clock = (ms: number, locale: string): string => {
  let format = clockFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hour12: false });
    clockFormats.set(locale, format);
  }
  return format.format(ms);
};

const nameList = (t: Translate, names: string[]): string => (names.length ? names.join("、") : t("status-nobody"));

const presenterLabel = (state: MeetingState, presenter: number): string => {
  const group = state.contest.setup.presenters[presenter]?.group;
  const name = presenterName(state.contest, presenter);
  return group ? `${name}（${group}）` : name;
};

/** The state lines of the console. */
export const consoleText = (t: Translate, state: MeetingState, now: number): string => {
  const { contest, round, total } = state;
  const lines = [t("console-title", { title: contest.setup.title })];
  if (state.status === "finished" || state.status === "cancelled") {
    lines.push(t(state.status === "finished" ? "console-finished" : "console-cancelled"));
    return lines.join("\n");
  }
  if (round) {
    const { presenter, submitted, expected, missing, deadline } = round;
    lines.push(t("console-round", { ...placeVars(state.order, presenter), name: presenterLabel(state, presenter) }));
    lines.push(
      missing.length > 0
        ? t("console-ballots", { submitted: submitted.length, expected: expected.length, missing: nameList(t, missing.map((j) => j.name)) })
        : t("console-ballots-all", { submitted: submitted.length, expected: expected.length }),
    );
    if (deadline !== undefined)
      lines.push(
        t("console-deadline", { at: clock(deadline, contest.language), minutes: Math.max(0, Math.ceil((deadline - now) / 60_000)) }),
      );
  } else if (state.status === "draft" && state.closed.length === 0) {
    lines.push(
      t("console-draft", {
        criteria: contest.setup.criteria.length,
        presenters: total,
        judges: state.judges.length,
      }),
    );
  } else if (state.next !== undefined) {
    lines.push(t("console-idle", { ...placeVars(state.order, state.next), name: presenterLabel(state, state.next) }));
  } else lines.push(t("console-all-done", { total }));
  lines.push(t("console-progress", { closed: state.closed.length, total, judges: state.judges.length }));
  lines.push(t("console-policy", { policy: t(`console-policy-${state.policy}`) }));
  return lines.join("\n");
};

const question = (t: Translate, state: MeetingState, ask: ConsoleAsk): string => {
  if (ask.step === "close") return t("console-ask-close", { n: ask.presenter + 1, name: presenterName(state.contest, ask.presenter) });
  if (ask.step === "finish") return t("console-ask-finish");
  return state.closed.length > 0 ? t("console-ask-reopen") : t("console-reopen-none");
};

const askKeyboard = (t: Translate, state: MeetingState, ask: ConsoleAsk): InlineKeyboard => {
  const id = state.contest.id;
  const cancel = InlineKeyboard.text(t("console-cancel"), consoleButton(id, CONSOLE_STEPS.back));
  if (ask.step === "reopen") {
    const picks = state.closed.map((p) =>
      InlineKeyboard.text(t("console-reopen-pick", { n: p + 1, name: presenterName(state.contest, p) }), consoleButton(id, CONSOLE_STEPS.reopenConfirmed, p)),
    );
    return InlineKeyboard.from([...chunk(picks, 2), [cancel]]);
  }
  const confirm =
    ask.step === "close"
      ? InlineKeyboard.text(t("console-confirm-close"), consoleButton(id, CONSOLE_STEPS.closeConfirmed, ask.presenter))
      : InlineKeyboard.text(t("console-confirm-finish"), consoleButton(id, CONSOLE_STEPS.finishConfirmed));
  return InlineKeyboard.from([[confirm, cancel]]);
};

const mainKeyboard = (t: Translate, state: MeetingState, screenView: ScreenView): InlineKeyboard => {
  const id = state.contest.id;
  const b = (key: string, step: ConsoleStep) => InlineKeyboard.text(t(key), consoleButton(id, step));
  // The scoreboard shows the board or the join codes: the button offers the other one.
  const toggle =
    screenView === "join"
      ? InlineKeyboard.text(t("screen-console-show-board"), consoleButton(id, CONSOLE_STEPS.screenView, 0))
      : InlineKeyboard.text(t("screen-console-show-join"), consoleButton(id, CONSOLE_STEPS.screenView, 1));
  return InlineKeyboard.from([
    [b("console-button-next", CONSOLE_STEPS.next), b("console-button-close", CONSOLE_STEPS.close)],
    [b("console-button-remind", CONSOLE_STEPS.remind), b("console-button-reopen", CONSOLE_STEPS.reopen)],
    [b("console-button-judges", CONSOLE_STEPS.judges), b("console-button-screen", CONSOLE_STEPS.screen)],
    ...(state.contest.setup.join === "roster" ? [] : [[toggle]]),
    [b("console-button-finish", CONSOLE_STEPS.finish)],
  ]);
};

/** The whole console: state, then either the buttons or the question being asked. */
export const consoleView = (t: Translate, state: MeetingState, ask: ConsoleAsk | undefined, now: number, screenView: ScreenView = "board"): View => {
  const text = consoleText(t, state, now);
  if (state.status === "finished" || state.status === "cancelled") return { text };
  if (!ask) return { text, keyboard: mainKeyboard(t, state, screenView) };
  return { text: [text, "", question(t, state, ask)].join("\n"), keyboard: askKeyboard(t, state, ask) };
};
