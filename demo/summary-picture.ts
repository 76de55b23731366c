// `npm run summary-picture`: the picture of the printed 汇总表 in the README (docs/summary-sheet.png).
//
// Scores the sample contest (samples/contest.sample.json) with fixed ballots of 7 judges through the
// domain maths, builds the /export workbook exactly as the bot does (same labels, same writer),
// reads the written XLSX back, and draws its 汇总表 sheet as it prints: A4 landscape, fit to one
// page wide, with the sheet's own column widths, merges, number formats and borders. Chromium
// (CHROMIUM_PATH, default /usr/bin/chromium) takes the screenshot.
import { readFileSync, writeFileSync } from "node:fs";
import { unzipSync } from "fflate";
import { exportLabels, workbookLabels } from "../src/bot/features/export.js";
import { createI18n, translatorFor } from "../src/bot/i18n.js";
import { parseContestJson } from "../src/domain/contest-file.js";
import type { Contest, Judge } from "../src/domain/contest.js";
import { contestWorkbook } from "../src/domain/export-workbook.js";
import type { RoundData } from "../src/domain/export.js";
import { presenterResult, type ScoredBallot } from "../src/domain/scoring.js";
import { computeStandings } from "../src/domain/standings.js";
import { cellName } from "../src/domain/workbook.js";
import { readXlsx, writeXlsx } from "../src/xlsx.js";
import { launchChromium } from "../test/support/chromium.js";

const OUT = new URL("../../docs/summary-sheet.png", import.meta.url).pathname;
const parsed = parseContestJson(readFileSync(new URL("../../samples/contest.sample.json", import.meta.url), "utf8"));
if (!parsed.ok) throw new Error("the sample contest does not parse");
const setup = parsed.value;
const contest: Contest = { id: "demo01", chatId: -1, chairId: 1, cochairs: [], language: "zh-CN", status: "finished", locked: false, createdAt: 0, setup };

const names = ["李明", "王芳", "张伟", "刘洋", "陈静", "杨帆", "赵磊"];
const judges = new Map<number, Judge>(names.map((name, i) => [101 + i, { userId: 101 + i, name, panel: i < 4 ? 0 : 1, observer: false, joinedAt: i }]));
/** Points per judge and criterion, a little different for every presenter. */
const points = (p: number, j: number): number[] => [22 + ((p * 5 + j * 3) % 9), 21 + ((p * 7 + j * 2) % 10), 14 + ((p * 3 + j) % 7), 13 + ((p + j * 5) % 8)];

const rounds: RoundData[] = setup.presenters.map((_, presenter) => {
  const ballots = [...judges.values()].map((judge, j) => ({
    judgeId: judge.userId,
    presenter,
    scores: points(presenter, j),
    abstain: false,
    submittedAt: Date.UTC(2026, 10, 30, 2, 10 + presenter * 8, j * 7),
    version: 1,
  }));
  const scored: ScoredBallot[] = ballots.map((b) => ({ judgeId: b.judgeId, panel: judges.get(b.judgeId)!.panel, scores: b.scores, counted: true }));
  return { presenter, ballots, scored, result: presenterResult(setup, presenter, scored) };
});
const standings = computeStandings(
  setup,
  rounds.map((r) => r.result),
);

const t = translatorFor(createI18n("zh-CN"), "zh-CN");
const bytes = writeXlsx(
  contestWorkbook({
    contest,
    standings,
    rounds,
    judges,
    audit: [],
    names: new Map(),
    eventName: (type) => type,
    labels: exportLabels(t),
    book: workbookLabels(t, contest, Date.UTC(2026, 10, 30, 4)),
    font: t("workbook-font"),
  }),
);

// Everything below looks only at the written file.
const read = readXlsx(bytes, { maxUnpackedBytes: 8 * 1024 * 1024, maxRows: 1100, maxColumns: 40 });
if (!read.ok) throw new Error(read.error.code);
const sheet = read.sheets[0]!;
const xml = new TextDecoder().decode(unzipSync(bytes)["xl/worksheets/sheet1.xml"]);
const widths = [...xml.matchAll(/<col min="(\d+)" max="\d+" width="([\d.]+)"/g)].map((m) => Number(m[2]));
const styles = new Map([...xml.matchAll(/<c r="([A-Z]+\d+)" s="(\d+)"/g)].map((m) => [m[1]!, Number(m[2])]));
const heights = new Map([...xml.matchAll(/<row r="(\d+)" ht="([\d.]+)"/g)].map((m) => [Number(m[1]) - 1, Number(m[2])]));
const lastRow = Math.max(...[...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1])));

// Cell styles of src/xlsx.ts (cellXfs index) as CSS.
const CSS: Record<number, string> = {
  1: "font-weight:bold;font-size:16pt;text-align:center",
  2: "text-align:center",
  3: "font-weight:bold;background:#ddebf7;border:1px solid #000;text-align:center",
  5: "border:1px solid #000",
  6: "border:1px solid #000;text-align:center",
  7: "border:1px solid #000;text-align:right",
  8: "white-space:normal;vertical-align:top",
  9: "border-bottom:1px solid #000",
  10: "font-weight:bold;vertical-align:bottom",
};
const merged = new Map(sheet.merges.map((m) => [`${m.row}:${m.col}`, m]));
const covered = new Set(sheet.merges.flatMap((m) => Array.from({ length: m.rows * m.cols }, (_, i) => `${m.row + Math.floor(i / m.cols)}:${m.col + (i % m.cols)}`).slice(1)));
const rowsHtml = Array.from({ length: lastRow }, (_, r) => {
  const cells = sheet.rows.find((row) => row.row === r + 1)?.cells ?? [];
  const tds = widths.map((_, c) => {
    if (covered.has(`${r}:${c}`)) return "";
    const area = merged.get(`${r}:${c}`);
    const style = styles.get(cellName(r, c));
    const cell = cells[c];
    const value = cell === undefined ? "" : cell.kind === "number" && style === 7 ? cell.value.toFixed(2) : String(cell.value);
    const span = area ? ` colspan="${area.cols}"` : "";
    return `<td${span} style="${style === undefined ? "" : (CSS[style] ?? "")}">${value.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</td>`;
  });
  return `<tr style="height:${(heights.get(r) ?? 15) * 1.333}px">${tds.join("")}</tr>`;
}).join("");
const charPx = 7.5;
const tableWidth = widths.reduce((a, w) => a + w * charPx, 0);
// A4 landscape at 96 dpi, 0.5 inch side margins; the sheet is scaled to fit one page wide.
const page = { width: 1123, height: 794, margin: 48 };
const scale = Math.min(1, (page.width - 2 * page.margin) / tableWidth);
const html = `<!doctype html><meta charset="utf-8"><style>
body{margin:0;background:#888}
.page{width:${page.width}px;height:${page.height}px;background:#fff;margin:0;position:relative;overflow:hidden}
table{border-collapse:collapse;table-layout:fixed;font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:11pt;
 transform:scale(${scale});transform-origin:0 0;position:absolute;left:${(page.width - tableWidth * scale) / 2}px;top:${page.margin}px}
td{padding:2px 5px;white-space:nowrap;overflow:hidden}
</style><div class="page"><table><colgroup>${widths.map((w) => `<col style="width:${w * charPx}px">`).join("")}</colgroup>${rowsHtml}</table></div>`;

const browser = await launchChromium();
try {
  const tab = await browser.newPage({ viewport: { width: page.width, height: page.height }, deviceScaleFactor: 1 });
  await tab.setContent(html);
  writeFileSync(OUT, await tab.locator(".page").screenshot());
  console.log(`wrote ${OUT} (sheet "${sheet.name}", ${widths.length} columns, scale ${scale.toFixed(2)})`);
} finally {
  await browser.close();
}
