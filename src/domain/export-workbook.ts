// The meeting's record as one workbook: 汇总表 (the ranking to print and sign), 评分明细 (every
// ballot), one 评分表 per judge (to sign) and 审计日志. Pure: the caller loads the data and
// translates the labels; src/xlsx.ts writes the bytes. Numbers are numeric cells shown with two
// decimals, rounded half up like the posted standings.
import type { Contest, Judge } from "./contest.js";
import { type AuditRow, type ExportLabels, type RoundData, ballotHeader, ballotLines, ballotStatus, byPresentingOrder, formatExportTime } from "./export.js";
import { formatHalfUp, type Rational } from "./rational.js";
import type { Standings } from "./standings.js";
import { type Area, type Cell, type Row, type SheetSpec, type WorkbookSpec, fitWidths } from "./workbook.js";

export type WorkbookLabels = {
  sheets: { summary: string; ballots: string; audit: string };
  /** "坡头区雄鹰擂台赛 评分汇总表" */
  summaryTitle: string;
  /** "日期：2026-11-30" */
  dateLine: string;
  /** "计分方法：…" */
  formulaLine: string;
  /** "评委签字：", "计分员签字：", "监督员签字：", "日期：" */
  signatures: string[];
  /** A judge's sheet title: "评分表 — 张三（区领导）" */
  judgeTitle: (judge: string, panel: string | undefined) => string;
  /** Header of a criterion column in a judge's sheet: "实施性（30）" */
  criterionWithMax: (criterion: string, max: number) => string;
  audit: { time: string; userId: string; user: string; event: string; values: string; entry: string; system: string };
};

export type ContestWorkbookInput = {
  contest: Contest;
  standings: Standings;
  rounds: RoundData[];
  judges: Map<number, Judge>;
  audit: AuditRow[];
  /** Display names of the users in the audit log. */
  names: Map<number, string>;
  eventName: (type: string) => string;
  labels: ExportLabels;
  book: WorkbookLabels;
  font: string;
  timeZone?: string;
  /** The presenting order (a draw's; see draw.ts): the ballots and each judge's sheet follow it. */
  order?: readonly number[];
};

const two = (value: Rational | null | undefined): number | undefined => (value ? Number(formatHalfUp(value, 2)) : undefined);

const text = (value: string | undefined | null, style: Cell["style"] = "text"): Cell => ({ value: value ?? "", style });
const decimal = (value: number | undefined): Cell => (value === undefined ? { value: "", style: "decimal2" } : { value, style: "decimal2" });
const integer = (value: number | undefined | null): Cell => (value === undefined || value === null ? { value: "", style: "integer" } : { value, style: "integer" });
const header = (values: readonly string[]): Row => values.map((value) => ({ value, style: "header" }));

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique among `taken` (case-insensitive). */
export const sheetName = (wanted: string, taken: Set<string>): string => {
  const base = Array.from(wanted.replace(/[[\]:*?/\\]/g, "_").replace(/^'+|'+$/g, "").trim() || "Sheet").slice(0, 31).join("");
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${Array.from(base).slice(0, 31 - String(n).length - 2).join("")}(${n})`;
  taken.add(name.toLowerCase());
  return name;
};

/** A row spanning `cols` columns: the text in the first cell, the others empty in the same style. */
const spanning = (value: string, style: Cell["style"], cols: number): Row => [{ value, style }, ...Array.from({ length: cols - 1 }, () => ({ value: "", style }))];

/** Signature rows: the label, then a line to sign on across the other columns. */
const signatureRows = (labels: readonly string[], cols: number, firstRow: number): { rows: Row[]; merges: Area[] } => ({
  rows: labels.map((label) => [text(label, "label"), ...spanning("", "signature", Math.max(1, cols - 1))]),
  merges: cols > 2 ? labels.map((_, i) => ({ row: firstRow + i, col: 1, rows: 1, cols: cols - 1 })) : [],
});

const summarySheet = (input: ContestWorkbookInput, name: string): SheetSpec => {
  const { contest, standings, rounds, labels, book } = input;
  const { presenters, blend } = contest.setup;
  const grouped = presenters.some((p) => p.group);
  const results = new Map(rounds.map((r) => [r.presenter, r.result]));
  const columns = [
    ...(grouped ? [labels.group] : []),
    labels.rank,
    labels.number,
    labels.presenter,
    labels.final,
    ...(blend ? [labels.live, labels.prior] : []),
    labels.ballots,
    labels.prize,
    labels.band,
  ];
  const cols = columns.length;
  const body: Row[] = standings.groups.flatMap((group) =>
    group.rows.map((row): Row => {
      const result = results.get(row.presenter);
      return [
        ...(grouped ? [text(group.name)] : []),
        integer(row.rank),
        integer(row.presenter + 1),
        text(row.name),
        decimal(row.finalText === null ? undefined : Number(row.finalText)),
        ...(blend ? [decimal(two(result?.live)), decimal(result?.prior)] : []),
        integer(row.counted),
        text(row.prize),
        text(row.band),
      ];
    }),
  );
  const top: Row[] = [spanning(book.summaryTitle, "title", cols), spanning(book.dateLine, "subtitle", cols), header(columns)];
  const lineRow = top.length + body.length + 1;
  const signFrom = lineRow + 2;
  const signatures = signatureRows(book.signatures, cols, signFrom);
  const rows: Row[] = [...top, ...body, [], spanning(book.formulaLine, "line", cols), [], ...signatures.rows];
  const merges: Area[] = [
    { row: 0, col: 0, rows: 1, cols },
    { row: 1, col: 0, rows: 1, cols },
    { row: lineRow, col: 0, rows: 1, cols },
    ...signatures.merges,
  ];
  const heights: Record<number, number> = { 0: 30, [lineRow]: 36 };
  book.signatures.forEach((_, i) => (heights[signFrom + i] = 30));
  return {
    name,
    rows,
    widths: fitWidths(rows, [...merges, ...book.signatures.map((_, i) => ({ row: signFrom + i, col: 0, rows: 1, cols: 1 }))], 8, 40),
    merges,
    freezeRows: top.length,
    validations: [],
    heights,
    print: { landscape: cols > 7, repeatRows: top.length },
  };
};

const ballotsSheet = (input: ContestWorkbookInput, name: string): SheetSpec => {
  const { labels, timeZone } = input;
  const rows: Row[] = [
    header(ballotHeader(input.contest, labels)),
    ...ballotLines(input).map((line): Row => [
      integer(line.presenter + 1),
      text(line.presenterName),
      text(line.group),
      text(line.judge),
      integer(line.judgeId),
      text(line.panel),
      ...line.scores.map(decimal),
      decimal(two(line.total)),
      text(labels.statuses[line.status]),
      text(line.comment),
      integer(line.version),
      text(formatExportTime(line.submittedAt, timeZone)),
      text(line.receipt),
    ]),
  ];
  return {
    name,
    rows,
    widths: fitWidths(rows, [], 6, 40),
    merges: [],
    freezeRows: 1,
    validations: [],
    print: { landscape: true, repeatRows: 1 },
  };
};

const judgeSheet = (input: ContestWorkbookInput, judge: Judge, name: string): SheetSpec => {
  const { contest, rounds, labels, book } = input;
  const { criteria, presenters, panels } = contest.setup;
  const byPresenter = new Map(rounds.map((r) => [r.presenter, r]));
  const columns = [labels.number, labels.presenter, labels.group, ...criteria.map((c) => book.criterionWithMax(c.name, c.max)), labels.total, labels.status];
  const cols = columns.length;
  const indexes = presenters.map((_, index) => index).sort(byPresentingOrder(input.order));
  const body: Row[] = indexes.map((index): Row => {
    const presenter = presenters[index]!;
    const round = byPresenter.get(index);
    const ballot = round?.ballots.find((b) => b.judgeId === judge.userId);
    const scored = round?.scored.find((s) => s.judgeId === judge.userId);
    const counted = ballot && !ballot.abstain;
    return [
      integer(index + 1),
      text(presenter.name),
      text(presenter.group),
      ...criteria.map((_, i) => decimal(counted ? ballot.scores[i] : undefined)),
      decimal(counted ? two(round!.result.totals.get(judge.userId)) : undefined),
      text(ballot && round ? labels.statuses[ballotStatus(ballot, scored, judge, round.result.dropped)] : ""),
    ];
  });
  const panel = panels.length > 0 ? panels[judge.panel]?.name : undefined;
  const top: Row[] = [spanning(contest.setup.title, "title", cols), spanning(book.judgeTitle(judge.name, panel), "subtitle", cols), header(columns)];
  const signFrom = top.length + body.length + 1;
  const signatures = signatureRows([book.signatures[0]!, book.signatures.at(-1)!], cols, signFrom);
  const rows: Row[] = [...top, ...body, [], ...signatures.rows];
  const merges: Area[] = [{ row: 0, col: 0, rows: 1, cols }, { row: 1, col: 0, rows: 1, cols }, ...signatures.merges];
  return {
    name,
    rows,
    widths: fitWidths(rows, [...merges, { row: signFrom, col: 0, rows: 2, cols: 1 }], 8, 40),
    merges,
    freezeRows: top.length,
    validations: [],
    heights: { 0: 30, [signFrom]: 30, [signFrom + 1]: 30 },
    print: { landscape: cols > 8, repeatRows: top.length },
  };
};

const auditSheet = (input: ContestWorkbookInput, name: string): SheetSpec => {
  const { audit, names, eventName, book, timeZone } = input;
  const l = book.audit;
  const rows: Row[] = [
    header([l.time, l.userId, l.user, l.event, l.values, l.entry]),
    ...audit.map((e): Row => [
      text(formatExportTime(e.at, timeZone)),
      integer(e.by),
      text(e.by === 0 ? l.system : names.get(e.by)),
      text(eventName(e.type)),
      text(JSON.stringify(e.data)),
      text(e.id),
    ]),
  ];
  return { name, rows, widths: fitWidths(rows, [], 8, 60), merges: [], freezeRows: 1, validations: [], print: { landscape: true, repeatRows: 1 } };
};

/** Judges in the order they joined (then by id), each with a sheet of their own. */
const judgesInOrder = (judges: Map<number, Judge>): Judge[] => [...judges.values()].sort((a, b) => a.joinedAt - b.joinedAt || a.userId - b.userId);

/** The whole record: 汇总表, 评分明细, one sheet per judge, 审计日志. */
export const contestWorkbook = (input: ContestWorkbookInput): WorkbookSpec => {
  const taken = new Set<string>();
  const { sheets } = input.book;
  const summary = sheetName(sheets.summary, taken);
  const ballots = sheetName(sheets.ballots, taken);
  const audit = sheetName(sheets.audit, taken);
  const judgeSheets = judgesInOrder(input.judges).map((judge) => judgeSheet(input, judge, sheetName(judge.name, taken)));
  return {
    font: input.font,
    sheets: [summarySheet(input, summary), ballotsSheet(input, ballots), ...judgeSheets, auditSheet(input, audit)],
  };
};
