// The judge's private ballot: one criterion at a time, then a review with submit.
import { InlineKeyboard } from "grammy";
import { completeScores, gradeOf, type Ballot, type Contest, type Criterion, type Draft } from "../../domain/contest.js";
import { ballotTotal } from "../../domain/scoring.js";
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

// Building an Intl formatter is costly and a review screen shows a time on every tap: one per locale.
// (Made on first use, after main has set the process's TZ.)
// The last time shown is kept too: the submits of a meeting come in within the same seconds.
const timeFormats = new Map<string, { format: Intl.DateTimeFormat; second: number; text: string }>();
const formatTime = (ms: number, locale: string): string => {
  let kept = timeFormats.get(locale);
  if (!kept) {
    const format = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });
    timeFormats.set(locale, (kept = { format, second: Number.NaN, text: "" }));
  }
  const second = Math.floor(ms / 1000);
  if (second !== kept.second) {
    kept.text = kept.format.format(ms);
    kept.second = second;
  }
  return kept.text;
};

const header = (t: Translate, { contest, presenter }: BallotViewInput): string => {
  const { presenters } = contest.setup;
  return t("ballot-header", {
    title: contest.setup.title,
    n: presenter + 1,
    total: presenters.length,
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

type Button = ReturnType<typeof InlineKeyboard.text>;
type ValueRows = { values: number[][]; buttons: Button[][] };

// A keypad page's value buttons depend only on the contest version (the store's contests are
// frozen and shared), the presenter, the criterion and the page: built once, not on every tap.
const keypads = new WeakMap<Contest, Map<string, ValueRows>>();

const valueRows = (contest: Contest, presenter: number, index: number, group: number | undefined): ValueRows => {
  const key = `${presenter}|${index}|${group ?? ""}`;
  const kept = keypads.get(contest)?.get(key);
  if (kept) return kept;
  const criterion = contest.setup.criteria[index]!;
  const values = chunk(valuesOnPage(criterion, group), 6);
  const rows: ValueRows = {
    values,
    buttons: values.map((row) => row.map((value) => Object.freeze(InlineKeyboard.text(String(value), encodeCallback("v", contest.id, presenter, index, value))))),
  };
  if (Object.isFrozen(contest)) {
    const byPage = keypads.get(contest) ?? new Map<string, ValueRows>();
    byPage.set(key, rows);
    keypads.set(contest, byPage);
  }
  return rows;
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

const criterionView = (t: Translate, input: BallotViewInput, index: number, group: number | undefined): View => {
  const { contest, presenter, draft } = input;
  const criteria = contest.setup.criteria;
  const criterion = criteria[index];
  if (!criterion) return reviewView(t, input);
  const id = contest.id;
  const step = criterion.step === 1 ? "" : t("ballot-step", { step: String(criterion.step) });
  const scored = scoredList(criteria, draft.scores);
  const lines = [
    header(t, input),
    "",
    ...(scored ? [t("ballot-chosen", { scores: scored })] : []),
    t("ballot-criterion", { index: index + 1, count: criteria.length, criterion: criterion.name, max: String(criterion.max), step }),
  ];
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
      : markValue(valueRows(contest, presenter, index, group), current);
  if (criterion.description) lines.push(t("miniapp-ballot-description", { description: criterion.description }));
  if (criterion.grades && group === undefined) lines.push(t("miniapp-ballot-grades", { grades: gradesText(criterion) }), t("miniapp-ballot-choose-grade"));
  else if (criterion.grades) lines.push(t("miniapp-ballot-grade-chosen", { grade: groups?.[group ?? 0]?.label ?? "" }));
  else if (groups && group === undefined) lines.push(t("ballot-choose-tens"));
  const back = groups && group !== undefined ? encodeCallback("g", id, presenter, index) : index > 0 ? encodeCallback("g", id, presenter, index - 1) : undefined;
  const navigation = [
    ...(back ? [InlineKeyboard.text(t("ballot-back"), back)] : []),
    ...(completeScores(criteria, draft) || input.ballot ? [InlineKeyboard.text(t("ballot-review-button"), encodeCallback("g", id, presenter, criteria.length))] : []),
    // Abstaining is offered before the first score and on the review (not on every page).
    ...(index === 0 && group === undefined && !input.ballot?.abstain ? [abstainButton(t, input)] : []),
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

const reviewView = (t: Translate, input: BallotViewInput): View => {
  const { contest, presenter, draft, ballot } = input;
  const criteria = contest.setup.criteria;
  const id = contest.id;
  const scores = completeScores(criteria, draft);
  const lines = [header(t, input), "", t("ballot-review")];
  criteria.forEach((c, i) => lines.push(scoreLine(c, draft.scores[String(i)])));
  if (scores) lines.push("", totalLine(t, criteria, scores));
  else lines.push("", t("ballot-incomplete"));
  if (ballot?.abstain) {
    lines.push("", t("abstain-done", { version: ballot.version, time: formatTime(ballot.submittedAt, contest.language) }));
  } else if (ballot) {
    lines.push("", t("ballot-submitted", { version: ballot.version, time: formatTime(ballot.submittedAt, contest.language) }));
    if (!sameScores(scores, ballot)) lines.push(t("ballot-unsaved"));
    lines.push(receiptLine(t, contest, ballot));
  }
  if (ballot?.comment) lines.push(t("comment-shown", { comment: ballot.comment }));
  const submit = scores && !sameScores(scores, ballot) ? [[InlineKeyboard.text(ballot ? t("ballot-resubmit") : t("ballot-submit"), encodeCallback("s", id, presenter))]] : [];
  const changes = chunk(
    criteria.map((c, i) => InlineKeyboard.text(t("ballot-change", { criterion: c.name }), encodeCallback("g", id, presenter, i))),
    2,
  );
  const extras = [
    ...(ballot && !ballot.abstain
      ? [InlineKeyboard.text(t(ballot.comment ? "comment-change-button" : "comment-add-button"), encodeCallback("m", id, presenter))]
      : []),
    ...(ballot?.abstain ? [] : [abstainButton(t, input)]),
  ];
  return { text: lines.join("\n"), keyboard: InlineKeyboard.from([...submit, ...changes, ...(extras.length ? [extras] : []), ...appRow(t, input)]) };
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

const abstainButton = (t: Translate, { contest, presenter }: BallotViewInput) =>
  InlineKeyboard.text(t("abstain-button"), encodeCallback("a", contest.id, presenter, "0"));

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

export const ballotView = (t: Translate, input: BallotViewInput, step: BallotStep): View => {
  if (!input.roundOpen) return closedView(t, input);
  if ("review" in step) return reviewView(t, input);
  return criterionView(t, input, step.criterion, step.group);
};

/** The screen a judge should see first: the first unscored criterion, or the review. */
export const initialStep = (input: BallotViewInput): BallotStep => {
  const next = firstUnscored(input.contest.setup.criteria, input.draft);
  return next === undefined ? { review: true } : { criterion: next };
};
