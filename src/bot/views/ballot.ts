// The judge's private ballot: one criterion at a time, then a review with submit.
import { InlineKeyboard } from "grammy";
import { completeScores, gradeOf, type Ballot, type Contest, type Criterion, type Draft } from "../../domain/contest.js";
import { ballotTotal } from "../../domain/scoring.js";
import { contestOrder, placeVars } from "../../domain/draw.js";
import { formatHalfUp } from "../../domain/rational.js";
import { encodeCallback } from "../callback-data.js";
import type { Translate } from "../i18n.js";
import { chunk, valueGroups, valuesOnPage } from "./keypad.js";
import { receiptLine } from "./receipt.js";
import { gradesText } from "./rubric.js";

export type View = { text: string; keyboard?: InlineKeyboard };

/** Where the judge is in the ballot: a criterion (optionally one keypad group of it) or the review. */
export type BallotStep = { criterion: number; group?: number } | { review: true };

export type BallotViewInput = {
  contest: Contest;
  presenter: number;
  draft: Draft;
  ballot: Ballot | undefined;
  roundOpen: boolean;
  /** Once the round has closed: the digest of its counted ballots, shown under a ballot that counted. */
  digest?: { count: number; digest: string };
  /** The Mini App's address for this ballot (https only); adds the 📝 表单评分 button. */
  appUrl?: string | undefined;
};

type Button = ReturnType<typeof InlineKeyboard.text>;
type ValueRows = { values: number[][]; buttons: Button[][] };
/** What a ballot screen shows that depends only on the contest version, the presenter and the locale. */
type FixedParts = {
  header: string;
  /** The review's "✏️ <criterion>" buttons, in rows of two. */
  changes: Button[][];
  abstain: Button;
  reviewButton: Button;
  /** Per criterion: its "N/M <name> (max)" line and its back button (to the previous criterion), if any. */
  criteria: Array<{ line: string; back: Button | undefined }>;
};

/**
 * The parts of ballot screens kept for the next tap (one per bot: BotDeps.ballotViews). Keyed by
 * the contest object, which the store hands out once per contest version and status (frozen), so
 * a changed contest is a new key and the old entries go with the old object.
 */
export type BallotViewCache = {
  keypads: WeakMap<Contest, Map<string, ValueRows>>;
  fixed: WeakMap<Contest, WeakMap<Translate, Map<number, FixedParts>>>;
  /** An Intl formatter per locale (costly to build), and the last second's text (submits come in the same seconds). */
  times: Map<string, { format: Intl.DateTimeFormat; second: number; text: string }>;
};

export const createBallotViewCache = (): BallotViewCache => ({ keypads: new WeakMap(), fixed: new WeakMap(), times: new Map() });

// (A formatter is made on first use, after main has set the process's TZ.)
const formatTime = (cache: BallotViewCache, ms: number, locale: string): string => {
  let kept = cache.times.get(locale);
  if (!kept) {
    const format = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });
    cache.times.set(locale, (kept = { format, second: Number.NaN, text: "" }));
  }
  const second = Math.floor(ms / 1000);
  if (second !== kept.second) {
    kept.text = kept.format.format(ms);
    kept.second = second;
  }
  return kept.text;
};

// The place is the one in the presenting order the contest carries (read with it, in the same
// version: a draw bumps it), so the header stays one of the fixed parts, built once per version.
const header = (t: Translate, { contest, presenter }: BallotViewInput): string => {
  const { presenters } = contest.setup;
  return t("ballot-header", {
    title: contest.setup.title,
    ...placeVars(contestOrder(contest), presenter),
    name: presenters[presenter]?.name ?? "?",
  });
};

const scoredList = (criteria: Criterion[], scores: Record<string, number>): string =>
  criteria
    .flatMap((c, i) => (scores[String(i)] === undefined ? [] : [`${c.name} ${scores[String(i)]}`]))
    .join(" · ");

/** Sum of points, and the 0–100 total when the two differ. */
export const totalLine = (t: Translate, criteria: Criterion[], scores: number[]): string => {
  const total = formatHalfUp(ballotTotal(criteria, scores));
  const sum = scores.reduce((a, b) => a + b, 0);
  const plain = Number(total) === Math.round(sum * 100) / 100;
  return plain ? t("ballot-total", { total }) : t("ballot-total-scaled", { total, sum: String(Math.round(sum * 100) / 100) });
};

const sameScores = (draft: number[] | undefined, ballot: Ballot | undefined): boolean =>
  !!draft && !!ballot && draft.length === ballot.scores.length && draft.every((v, i) => v === ballot.scores[i]);

export const firstUnscored = (criteria: Criterion[], draft: Draft, after = -1): number | undefined => {
  for (let i = after + 1; i < criteria.length; i++) if (draft.scores[String(i)] === undefined) return i;
  for (let i = 0; i <= after && i < criteria.length; i++) if (draft.scores[String(i)] === undefined) return i;
  return undefined;
};

// A keypad page's value buttons depend only on the contest version (the store's contests are
// frozen and shared), the presenter, the criterion and the page: built once, not on every tap.
const valueRows = (cache: BallotViewCache, contest: Contest, presenter: number, index: number, group: number | undefined): ValueRows => {
  const key = `${presenter}|${index}|${group ?? ""}`;
  const kept = cache.keypads.get(contest)?.get(key);
  if (kept) return kept;
  const criterion = contest.setup.criteria[index]!;
  const values = chunk(valuesOnPage(criterion, group), 6);
  const rows: ValueRows = {
    values,
    buttons: values.map((row) => row.map((value) => Object.freeze(InlineKeyboard.text(String(value), encodeCallback("v", contest.id, presenter, index, value))))),
  };
  if (Object.isFrozen(contest)) {
    const byPage = cache.keypads.get(contest) ?? new Map<string, ValueRows>();
    byPage.set(key, rows);
    cache.keypads.set(contest, byPage);
  }
  return rows;
};

/** The fixed parts of the contest's ballot screens for one presenter in t's language (kept for a frozen contest). */
const fixedParts = (cache: BallotViewCache, t: Translate, input: BallotViewInput): FixedParts => {
  const { contest, presenter } = input;
  const kept = cache.fixed.get(contest)?.get(t)?.get(presenter);
  if (kept) return kept;
  const id = contest.id;
  const criteria = contest.setup.criteria;
  const parts: FixedParts = {
    header: header(t, input),
    changes: chunk(
      criteria.map((c, i) => Object.freeze(InlineKeyboard.text(t("ballot-change", { criterion: c.name }), encodeCallback("g", id, presenter, i)))),
      2,
    ),
    abstain: Object.freeze(InlineKeyboard.text(t("abstain-button"), encodeCallback("a", id, presenter, "0"))),
    reviewButton: Object.freeze(InlineKeyboard.text(t("ballot-review-button"), encodeCallback("g", id, presenter, criteria.length))),
    criteria: criteria.map((criterion, index) => ({
      line: t("ballot-criterion", {
        index: index + 1,
        count: criteria.length,
        criterion: criterion.name,
        max: String(criterion.max),
        step: criterion.step === 1 ? "" : t("ballot-step", { step: String(criterion.step) }),
      }),
      back: index > 0 ? Object.freeze(InlineKeyboard.text(t("ballot-back"), encodeCallback("g", id, presenter, index - 1))) : undefined,
    })),
  };
  if (Object.isFrozen(contest)) {
    let byT = cache.fixed.get(contest);
    if (!byT) cache.fixed.set(contest, (byT = new WeakMap()));
    let byPresenter = byT.get(t);
    if (!byPresenter) byT.set(t, (byPresenter = new Map()));
    byPresenter.set(presenter, parts);
  }
  return parts;
};

/** The page's buttons with the chosen value marked (• 7 •); the kept rows are not changed. */
const markValue = ({ values, buttons }: ValueRows, current: number | undefined): Button[][] =>
  buttons.map((row, r) => {
    const c = current === undefined ? -1 : values[r]!.indexOf(current);
    if (c < 0) return [...row];
    const marked = [...row];
    marked[c] = InlineKeyboard.text(`• ${current} •`, row[c]!.callback_data);
    return marked;
  });

const criterionView = (cache: BallotViewCache, t: Translate, input: BallotViewInput, index: number, group: number | undefined): View => {
  const { contest, presenter, draft } = input;
  const criteria = contest.setup.criteria;
  const criterion = criteria[index];
  if (!criterion) return reviewView(cache, t, input);
  const id = contest.id;
  const fixed = fixedParts(cache, t, input);
  const scored = scoredList(criteria, draft.scores);
  const lines = [fixed.header, "", ...(scored ? [t("ballot-chosen", { scores: scored })] : []), fixed.criteria[index]!.line];
  const groups = valueGroups(criterion);
  const current = draft.scores[String(index)];
  const choices =
    groups && group === undefined
      ? chunk(
          groups.map((g, i) =>
            InlineKeyboard.text(criterion.grades && current !== undefined && g.values.includes(current) ? `• ${g.label} •` : g.label, encodeCallback("k", id, presenter, index, i)),
          ),
          criterion.grades ? 2 : 3,
        )
      : markValue(valueRows(cache, contest, presenter, index, group), current);
  if (criterion.description) lines.push(t("miniapp-ballot-description", { description: criterion.description }));
  if (criterion.grades && group === undefined) lines.push(t("miniapp-ballot-grades", { grades: gradesText(criterion) }), t("miniapp-ballot-choose-grade"));
  else if (criterion.grades) lines.push(t("miniapp-ballot-grade-chosen", { grade: groups?.[group ?? 0]?.label ?? "" }));
  else if (groups && group === undefined) lines.push(t("ballot-choose-tens"));
  const back = groups && group !== undefined ? InlineKeyboard.text(t("ballot-back"), encodeCallback("g", id, presenter, index)) : fixed.criteria[index]!.back;
  const navigation = [
    ...(back ? [back] : []),
    ...(completeScores(criteria, draft) || input.ballot ? [fixed.reviewButton] : []),
    // Abstaining is offered before the first score and on the review (not on every page).
    ...(index === 0 && group === undefined && !input.ballot?.abstain ? [fixed.abstain] : []),
  ];
  return {
    text: lines.join("\n"),
    keyboard: InlineKeyboard.from([...choices, ...(navigation.length ? [navigation] : []), ...appRow(t, input)]),
  };
};

/** "• 实施性：25 / 30", with the grade when the criterion has grades: "• 实施性：25 / 30（良）". */
const scoreLine = (criterion: Criterion, value: number | undefined): string => {
  const grade = value === undefined ? undefined : gradeOf(criterion, value);
  return `• ${criterion.name}：${value ?? "—"} / ${criterion.max}${grade ? `（${grade.name}）` : ""}`;
};

const reviewView = (cache: BallotViewCache, t: Translate, input: BallotViewInput): View => {
  const { contest, presenter, draft, ballot } = input;
  const criteria = contest.setup.criteria;
  const id = contest.id;
  const fixed = fixedParts(cache, t, input);
  const scores = completeScores(criteria, draft);
  const lines = [fixed.header, "", t("ballot-review")];
  criteria.forEach((c, i) => lines.push(scoreLine(c, draft.scores[String(i)])));
  if (scores) lines.push("", totalLine(t, criteria, scores));
  else lines.push("", t("ballot-incomplete"));
  if (ballot?.abstain) {
    lines.push("", t("abstain-done", { version: ballot.version, time: formatTime(cache, ballot.submittedAt, contest.language) }));
  } else if (ballot) {
    lines.push("", t("ballot-submitted", { version: ballot.version, time: formatTime(cache, ballot.submittedAt, contest.language) }));
    if (!sameScores(scores, ballot)) lines.push(t("ballot-unsaved"));
    lines.push(receiptLine(t, contest, ballot));
  }
  if (ballot?.comment) lines.push(t("comment-shown", { comment: ballot.comment }));
  const submit = scores && !sameScores(scores, ballot) ? [[InlineKeyboard.text(ballot ? t("ballot-resubmit") : t("ballot-submit"), encodeCallback("s", id, presenter))]] : [];
  const extras = [
    ...(ballot && !ballot.abstain
      ? [InlineKeyboard.text(t(ballot.comment ? "comment-change-button" : "comment-add-button"), encodeCallback("m", id, presenter))]
      : []),
    ...(ballot?.abstain ? [] : [fixed.abstain]),
  ];
  return { text: lines.join("\n"), keyboard: InlineKeyboard.from([...submit, ...fixed.changes, ...(extras.length ? [extras] : []), ...appRow(t, input)]) };
};

const closedView = (t: Translate, input: BallotViewInput): View => {
  const { contest, ballot } = input;
  if (!ballot) return { text: [header(t, input), "", t("ballot-not-submitted")].join("\n") };
  if (ballot.abstain) return { text: [header(t, input), "", t("abstain-closed")].join("\n") };
  const criteria = contest.setup.criteria;
  const lines = [header(t, input), "", t("ballot-closed")];
  criteria.forEach((c, i) => lines.push(scoreLine(c, ballot.scores[i])));
  if (ballot.scores.length === criteria.length) lines.push("", totalLine(t, criteria, ballot.scores), receiptLine(t, contest, ballot));
  // The round's digest comes with the judge's own receipt: /verify checks the one against the other.
  if (input.digest) lines.push(t("receipt-round-digest", input.digest), t("closing-verify-hint"));
  return { text: lines.join("\n") };
};

/** The Mini App button (a web_app button works in private chats with an https address only). */
const appRow = (t: Translate, input: BallotViewInput) => (input.appUrl ? [[InlineKeyboard.webApp(t("miniapp-button"), input.appUrl)]] : []);

/** The text of a refusal that leaves the ballot as it is; the same for buttons and the Mini App. */
export const refusalKey = (code: string): string =>
  code === "NOT_JUDGE"
    ? "common-not-judge"
    : code === "BAD_SCORE"
      ? "ballot-bad-score"
      : code === "CONFLICT"
        ? "conflict-ballot-refused"
        : code === "INCOMPLETE"
          ? "ballot-incomplete"
          : code === "CONTEST_ENDED"
            ? "closing-contest-ended"
            : "common-round-closed";

/** Asks the judge to confirm an abstention; "back" returns to the review. */
export const abstainConfirmView = (t: Translate, input: BallotViewInput): View => {
  const { contest, presenter } = input;
  return {
    text: [header(t, input), "", t("abstain-confirm", { n: presenter + 1, name: contest.setup.presenters[presenter]?.name ?? "?" })].join("\n"),
    keyboard: InlineKeyboard.from([
      [
        InlineKeyboard.text(t("abstain-yes"), encodeCallback("a", contest.id, presenter, "1")),
        InlineKeyboard.text(t("ballot-back"), encodeCallback("g", contest.id, presenter, contest.setup.criteria.length)),
      ],
    ]),
  };
};

/**
 * The ballot screen at `step`. `cache`: the bot's (BotDeps.ballotViews), so that what does not
 * depend on the tap is built once; without it, everything is built for this screen alone.
 */
export const ballotView = (t: Translate, input: BallotViewInput, step: BallotStep, cache: BallotViewCache = createBallotViewCache()): View => {
  if (!input.roundOpen) return closedView(t, input);
  if ("review" in step) return reviewView(cache, t, input);
  return criterionView(cache, t, input, step.criterion, step.group);
};

/** The screen a judge should see first: the first unscored criterion, or the review. */
export const initialStep = (input: BallotViewInput): BallotStep => {
  const next = firstUnscored(input.contest.setup.criteria, input.draft);
  return next === undefined ? { review: true } : { criterion: next };
};
