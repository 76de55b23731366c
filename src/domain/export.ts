// CSV exports of a contest: every ballot (for the chair) and the standings with criterion
// averages (fit to share). Pure: the caller loads the data and translates the labels.
//
// Format: RFC 4180 (comma separated, CRLF line ends, a field quoted when it holds a comma, a quote,
// CR or LF, quotes doubled), UTF-8 with a byte order mark so that Excel shows Chinese correctly.
// A text cell that a spreadsheet would read as a formula (starting with = + - @ or a tab/CR) gets a
// leading apostrophe: names and comments come from users.
import type { Ballot, Contest, Judge } from "./contest.js";
import { formatHalfUp, type Rational } from "./rational.js";
import { receiptOf } from "./receipt.js";
import type { PresenterResult, ScoredBallot } from "./scoring.js";
import type { Standings } from "./standings.js";

export type CsvCell = string | number | null | undefined;

const BOM = "\uFEFF";
const NUMBER = /^-?\d+(\.\d+)?$/;

/** One field, quoted when needed (RFC 4180) and defused when a spreadsheet would run it. */
export const csvField = (cell: CsvCell): string => {
  if (cell === null || cell === undefined) return "";
  let text = typeof cell === "number" ? String(cell) : cell;
  if (typeof cell === "string" && /^[=+\-@\t\r]/.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** Rows as CSV text: CRLF after every row, a BOM in front. */
export const toCsv = (rows: readonly (readonly CsvCell[])[]): string =>
  BOM + rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";

/** How a ballot took part in its round's result. */
export type BallotStatus = "counted" | "dropped" | "abstained" | "observer" | "excluded";

export type ExportLabels = {
  /** Column headers. */
  number: string;
  presenter: string;
  group: string;
  judge: string;
  judgeId: string;
  panel: string;
  total: string;
  status: string;
  comment: string;
  version: string;
  submittedAt: string;
  receipt: string;
  rank: string;
  final: string;
  live: string;
  prior: string;
  ballots: string;
  prize: string;
  band: string;
  /** Header of a criterion's average column, e.g. "平均：实施性". */
  average: (criterion: string) => string;
  statuses: Record<BallotStatus, string>;
};

/** One closed round as loaded for the ranking: its ballots, how the maths saw them, its result. */
export type RoundData = { presenter: number; ballots: Ballot[]; scored: ScoredBallot[]; result: PresenterResult };

const two = (value: Rational | null | undefined): string => (value ? formatHalfUp(value, 2) : "");

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/**
 * A time as text: ISO 8601 in UTC ("2025-03-01T06:03:05.120Z"), or, given an IANA time zone,
 * local time with its offset ("2025-03-01 14:03:05 +08:00").
 */
export const formatExportTime = (ms: number, timeZone?: string): string => {
  if (!timeZone) return new Date(ms).toISOString();
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZoneName: "longOffset",
  }).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const offset = part("timeZoneName").replace(/^GMT/, "") || "+00:00";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}:${part("second")} ${offset}`;
};

export const ballotStatus = (ballot: Ballot, scored: ScoredBallot | undefined, judge: Judge | undefined, dropped: readonly number[]): BallotStatus => {
  if (ballot.abstain) return "abstained";
  if (judge?.observer) return "observer";
  if (!scored?.counted) return "excluded";
  return dropped.includes(ballot.judgeId) ? "dropped" : "counted";
};

export type BallotsInput = {
  contest: Contest;
  rounds: RoundData[];
  judges: Map<number, Judge>;
  labels: ExportLabels;
  timeZone?: string;
  /** The presenting order (presenter indexes, a draw's; see draw.ts); default the setup list's. */
  order?: readonly number[];
};

/** Sorts presenter indexes (or things with one) by their place in the presenting order. */
export const byPresentingOrder = (order: readonly number[] | undefined) => {
  const place = new Map((order ?? []).map((p, i) => [p, i] as const));
  return (a: number, b: number): number => (place.get(a) ?? a + 1e6) - (place.get(b) ?? b + 1e6);
};

/** One ballot as the exports list it; `total` is the 0–100 total (none when abstained). */
export type BallotLine = {
  presenter: number;
  presenterName: string;
  group: string | undefined;
  judge: string | undefined;
  judgeId: number;
  panel: string | undefined;
  scores: (number | undefined)[];
  total: Rational | undefined;
  status: BallotStatus;
  comment: string | undefined;
  version: number;
  submittedAt: number;
  receipt: string;
};

/** Every ballot of the given rounds, in presenting order (a draw's, when given) then judge order. */
export const ballotLines = ({ contest, rounds, judges, order }: Pick<BallotsInput, "contest" | "rounds" | "judges" | "order">): BallotLine[] => {
  const { criteria, presenters, panels } = contest.setup;
  const presenting = byPresentingOrder(order);
  return [...rounds]
    .sort((a, b) => presenting(a.presenter, b.presenter))
    .flatMap((round) =>
      [...round.ballots]
        .sort((a, b) => a.judgeId - b.judgeId)
        .map((ballot): BallotLine => {
          const judge = judges.get(ballot.judgeId);
          const scored = round.scored.find((s) => s.judgeId === ballot.judgeId);
          return {
            presenter: round.presenter,
            presenterName: presenters[round.presenter]?.name ?? `#${round.presenter + 1}`,
            group: presenters[round.presenter]?.group,
            judge: judge?.name,
            judgeId: ballot.judgeId,
            // The panel the ballot counted in (as the round closed), not the judge's panel now.
            panel: panels.length > 0 ? panels[scored?.panel ?? judge?.panel ?? 0]?.name : undefined,
            scores: criteria.map((_, i) => (ballot.abstain ? undefined : ballot.scores[i])),
            total: ballot.abstain ? undefined : (round.result.totals.get(ballot.judgeId) ?? undefined),
            status: ballotStatus(ballot, scored, judge, round.result.dropped),
            comment: ballot.comment,
            version: ballot.version,
            submittedAt: ballot.submittedAt,
            receipt: receiptOf(contest.id, ballot),
          };
        }),
    );
};

/** Column headers of the ballot list. */
export const ballotHeader = (contest: Contest, labels: ExportLabels): string[] => [
  labels.number,
  labels.presenter,
  labels.group,
  labels.judge,
  labels.judgeId,
  labels.panel,
  ...contest.setup.criteria.map((c) => c.name),
  labels.total,
  labels.status,
  labels.comment,
  labels.version,
  labels.submittedAt,
  labels.receipt,
];

/**
 * Every ballot of the given rounds, in presenting order then judge order: who scored whom, each
 * criterion, the total (0–100), whether it counted, the comment, version, time and receipt.
 */
export const ballotsCsv = (input: BallotsInput): string =>
  toCsv([
    ballotHeader(input.contest, input.labels),
    ...ballotLines(input).map((line) => [
      line.presenter + 1,
      line.presenterName,
      line.group,
      line.judge,
      line.judgeId,
      line.panel,
      ...line.scores,
      two(line.total),
      input.labels.statuses[line.status],
      line.comment,
      line.version,
      formatExportTime(line.submittedAt, input.timeZone),
      line.receipt,
    ]),
  ]);

export type StandingsCsvInput = {
  contest: Contest;
  standings: Standings;
  results: PresenterResult[];
  labels: ExportLabels;
  /**
   * Each closed round's digest of its counted receipts (receipt.ts roundDigest), in a last column
   * headed `digestLabel`: what a judge checks their receipt against with /verify.
   */
  digests?: { label: string; byPresenter: ReadonlyMap<number, string> };
};

/**
 * The standings, group by group as ranked: rank, name, final, live, prior, counted ballots, prize,
 * band, and each criterion's average over the counted ballots. No judge appears in it.
 */
export const standingsCsv = ({ contest, standings, results, labels, digests }: StandingsCsvInput): string => {
  const { criteria } = contest.setup;
  const byPresenter = new Map(results.map((r) => [r.presenter, r]));
  const rows: CsvCell[][] = [
    [
      labels.group,
      labels.rank,
      labels.number,
      labels.presenter,
      labels.final,
      labels.live,
      labels.prior,
      labels.ballots,
      labels.prize,
      labels.band,
      ...criteria.map((c) => labels.average(c.name)),
      ...(digests ? [digests.label] : []),
    ],
  ];
  for (const group of standings.groups) {
    for (const row of group.rows) {
      const result = byPresenter.get(row.presenter);
      rows.push([
        group.name,
        row.rank,
        row.presenter + 1,
        row.name,
        row.finalText,
        two(result?.live),
        result?.prior,
        row.counted,
        row.prize,
        row.band,
        ...criteria.map((_, i) => two(result?.criterionAverages[i])),
        ...(digests ? [digests.byPresenter.get(row.presenter)] : []),
      ]);
    }
  }
  return toCsv(rows);
};

/** A file name made from the contest title: no path separators or control characters, ≤ 60 characters. */
export const exportFileName = (title: string, suffix: string, extension = "csv"): string => {
  const base = Array.from(title.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, "_").trim()).slice(0, 60).join("") || "contest";
  return `${base}-${suffix}.${extension}`;
};

/** An audit log entry as the export needs it (see store/audit.ts). */
export type AuditRow = { id: string; at: number; by: number; type: string; data: unknown };

export type AuditCsvInput = {
  entries: AuditRow[];
  /** Display names of the users known to the contest (judges, the chair). */
  names: Map<number, string>;
  labels: { time: string; userId: string; user: string; event: string; values: string; entry: string; system: string };
  /** The event's name for people, e.g. "提交评分" for "ballot-submitted". */
  eventName: (type: string) => string;
  timeZone?: string;
};

/** The audit log, oldest first: time, user, event, its values (JSON) and the stream entry id. */
export const auditCsv = ({ entries, names, labels, eventName, timeZone }: AuditCsvInput): string =>
  toCsv([
    [labels.time, labels.userId, labels.user, labels.event, labels.values, labels.entry],
    ...entries.map((e) => [
      formatExportTime(e.at, timeZone),
      e.by,
      e.by === 0 ? labels.system : names.get(e.by),
      eventName(e.type),
      JSON.stringify(e.data),
      e.id,
    ]),
  ]);
