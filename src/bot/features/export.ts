// /export: the chair gets, in private, every ballot, the standings and the audit log as CSV files
// (Excel opens them) and one XLSX workbook with the printable, signable record (汇总表, 评分明细,
// one 评分表 per judge, 审计日志); /export public posts the standings with criterion averages (no
// judges) in the group. Works during the meeting and after /finish (the chat's last contest).
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { isChair, type Contest } from "../../domain/contest.js";
import { auditCsv, ballotsCsv, exportFileName, formatExportTime, standingsCsv, type ExportLabels, type RoundData } from "../../domain/export.js";
import { contestWorkbook, type WorkbookLabels } from "../../domain/export-workbook.js";
import { writeXlsx } from "../../xlsx.js";
import { publicView } from "../../domain/release.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { commandBody, isGroupChat, refuseChairCommand } from "../group-contest.js";
import { type Translate } from "../i18n.js";
import { loadStandings, type LoadedResults } from "../standings.js";
import { isForbidden } from "../telegram-errors.js";
import { formulaText } from "../views/formula.js";
import { roundDigest } from "../../domain/receipt.js";
import { countedReceipts } from "../views/receipt.js";

export const exportLabels = (t: Translate): ExportLabels => ({
  number: t("export-col-number"),
  presenter: t("export-col-presenter"),
  group: t("export-col-group"),
  judge: t("export-col-judge"),
  judgeId: t("export-col-judge-id"),
  panel: t("export-col-panel"),
  total: t("export-col-total"),
  status: t("export-col-status"),
  comment: t("export-col-comment"),
  version: t("export-col-version"),
  submittedAt: t("export-col-submitted-at"),
  receipt: t("export-col-receipt"),
  rank: t("export-col-rank"),
  final: t("export-col-final"),
  live: t("export-col-live"),
  prior: t("export-col-prior"),
  ballots: t("export-col-ballots"),
  prize: t("export-col-prize"),
  band: t("export-col-band"),
  average: (criterion) => t("export-col-average", { criterion }),
  statuses: {
    counted: t("export-status-counted"),
    dropped: t("export-status-dropped"),
    abstained: t("export-status-abstained"),
    observer: t("export-status-observer"),
    excluded: t("export-status-excluded"),
  },
});

export const auditLabels = (t: Translate): WorkbookLabels["audit"] => ({
  time: t("audit-col-time"),
  userId: t("audit-col-user-id"),
  user: t("audit-col-user"),
  event: t("audit-col-event"),
  values: t("audit-col-values"),
  entry: t("audit-col-entry"),
  system: t("audit-system"),
});

/** The workbook's own texts; the date is today's in the bot's time zone (TZ). */
export const workbookLabels = (t: Translate, contest: Contest, now: number): WorkbookLabels => ({
  sheets: { summary: t("workbook-sheet-summary"), ballots: t("workbook-sheet-ballots"), audit: t("workbook-sheet-audit") },
  summaryTitle: t("workbook-summary-title", { title: contest.setup.title }),
  dateLine: t("workbook-date", { date: formatExportTime(now, Intl.DateTimeFormat().resolvedOptions().timeZone).slice(0, 10) }),
  formulaLine: formulaText(t, contest.setup),
  signatures: [t("workbook-sign-judges"), t("workbook-sign-scorer"), t("workbook-sign-supervisor"), t("workbook-sign-date")],
  judgeTitle: (judge, panel) => (panel ? t("workbook-judge-title-panel", { judge, panel }) : t("workbook-judge-title", { judge })),
  criterionWithMax: (criterion, max) => t("workbook-criterion-max", { criterion, max: String(max) }),
  audit: auditLabels(t),
});

const csvFile = (csv: string, name: string) => new InputFile(Buffer.from(csv, "utf8"), name);

export const exportFeature = (deps: BotDeps, botUsername: () => string) => {
  const composer = new Composer<BotContext>();
  const { store } = deps;

  const roundsOf = (loaded: LoadedResults): RoundData[] =>
    loaded.results.map((result) => ({
      presenter: result.presenter,
      ballots: loaded.ballots.get(result.presenter) ?? [],
      scored: loaded.scored.get(result.presenter) ?? [],
      result,
    }));

  /** Each closed round's digest, as its judges' ballot messages show it (checked with /verify). */
  const digestsOf = (contest: Contest, loaded: LoadedResults, t: Translate) => ({
    label: t("closing-export-digest"),
    byPresenter: new Map(loaded.closed.map((p) => [p, roundDigest(countedReceipts(contest, loaded, p))] as const)),
  });

  const standingsFile = (contest: Contest, loaded: LoadedResults, t: Translate) =>
    csvFile(
      standingsCsv({ contest, standings: loaded.standings, results: loaded.results, labels: exportLabels(t), digests: digestsOf(contest, loaded, t) }),
      exportFileName(contest.setup.title, t("export-file-standings")),
    );

  /** The three files for the chair, sent in private; false when the bot may not write to them. */
  const sendPrivately = async (ctx: BotContext, contest: Contest, loaded: LoadedResults, t: Translate): Promise<boolean> => {
    const chairId = ctx.from!.id;
    const labels = exportLabels(t);
    const rounds = roundsOf(loaded);
    const ballotCount = rounds.reduce((n, r) => n + r.ballots.length, 0);
    const entries = await store.audit.read(contest.id);
    const { order } = await store.draws.order(contest);
    const names = new Map([...loaded.judges].map(([id, judge]) => [id, judge.name] as const));
    if (!names.has(contest.chairId)) names.set(contest.chairId, t("export-chair"));
    const eventName = (type: string) => t(`audit-event-${type}`);
    const audit = auditCsv({ entries, names, labels: auditLabels(t), eventName });
    const workbook = writeXlsx(
      contestWorkbook({
        contest,
        standings: loaded.standings,
        rounds,
        judges: loaded.judges,
        audit: entries,
        names,
        eventName,
        labels,
        book: workbookLabels(t, contest, deps.now()),
        font: t("workbook-font"),
        order,
      }),
    );
    const files = [
      {
        file: csvFile(ballotsCsv({ contest, rounds, judges: loaded.judges, labels, order }), exportFileName(contest.setup.title, t("export-file-ballots"))),
        caption: t("export-caption-ballots", { title: contest.setup.title, ballots: ballotCount, rounds: rounds.length }),
      },
      { file: standingsFile(contest, loaded, t), caption: t("export-caption-standings", { title: contest.setup.title }) },
      {
        file: csvFile(audit, exportFileName(contest.setup.title, t("export-file-audit"))),
        caption: t("export-caption-audit", { title: contest.setup.title, entries: entries.length }),
      },
      {
        file: new InputFile(Buffer.from(workbook), exportFileName(contest.setup.title, t("workbook-export-file"), "xlsx")),
        caption: t("workbook-export-caption", { title: contest.setup.title, judges: loaded.judges.size }),
      },
    ];
    for (const [i, { file, caption }] of files.entries()) {
      try {
        await ctx.api.sendDocument(chairId, file, { caption });
      } catch (error) {
        // Only the first file can meet a chat the bot may not write to; later failures are real.
        if (i === 0 && isForbidden(error)) return false;
        throw error;
      }
    }
    return true;
  };

  composer.command("export", async (ctx) => {
    if (!isGroupChat(ctx) || !ctx.chat || !ctx.from) return ctx.reply(ctx.t("common-group-only"));
    const contest = await store.contests.latestForChat(ctx.chat.id);
    if (!contest) return ctx.reply(ctx.t("common-no-contest"));
    ctx.i18n.useLocale(contest.language);
    const t = deps.translate(contest.language);
    if (!isChair(contest, ctx.from.id)) return refuseChairCommand(ctx, contest, t);
    const arg = commandBody(ctx).args.toLowerCase();
    if (arg !== "" && arg !== "public") return ctx.reply(t("export-usage"));
    const loaded = await loadStandings(store, contest);
    if (loaded.closed.length === 0) return ctx.reply(t("export-nothing"));
    if (arg === "public") {
      // The public export shows what the group may see: the ranking, once the policy releases it.
      if (!publicView(contest).ranking) return ctx.reply(t("reveal-export-held"));
      deps.logger.info({ contestId: contest.id, chair: ctx.from.id }, "standings exported (public)");
      return ctx.replyWithDocument(standingsFile(contest, loaded, t), {
        caption: t("export-public-caption", { title: contest.setup.title }),
      });
    }
    if (!(await sendPrivately(ctx, contest, loaded, t))) {
      const link = `https://t.me/${botUsername()}?start`;
      return ctx.reply(t("export-start-first", { bot: botUsername() }), {
        reply_markup: new InlineKeyboard().url(t("export-start-button"), link),
      });
    }
    deps.logger.info({ contestId: contest.id, chair: ctx.from.id }, "contest exported");
    return ctx.reply(t("export-sent", { title: contest.setup.title }));
  });

  return composer;
};
