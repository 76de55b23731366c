// The season table for a projector or a browser: one server-rendered page per season link
// (/season screen), no scripts, reloaded every 30 seconds (a season changes when a contest is
// added). Every user-supplied text is escaped. A season with a contest whose results were for its
// chair only shows no table here either (release policy), as in the group.
//
//   GET <base>/:token   the page (404 page for an unknown or revoked link)
import { Hono } from "hono";
import type { Locale } from "../domain/contest.js";
import { recordText } from "../domain/season-export.js";
import { seasonStandings, type Season, type SeasonStandings } from "../domain/season.js";
import { createI18n, type Translate } from "../bot/i18n.js";
import { groupLocale } from "../bot/seasons.js";
import { contestMark, trendMark } from "../bot/views/season.js";
import type { Logger } from "../logger.js";
import type { Store } from "../store/store.js";
import { notFoundPage } from "./screen-page.js";

export type SeasonRoutesDeps = { store: Store; logger: Logger; defaultLocale?: Locale };

const HEADERS = {
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
} as const;

/** Seconds between reloads of the page. */
export const SEASON_PAGE_REFRESH_S = 30;

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

const STYLE = `
:root { color-scheme: dark; }
body { margin: 0; background: #08122b; color: #fff; font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", Arial, sans-serif;
  font-variant-numeric: tabular-nums; padding: 3vh 4vw; }
h1 { font-size: 5vh; margin: 0 0 1vh; }
.sub { color: #a9b8de; font-size: 2.4vh; margin: 0 0 2vh; }
.contests { color: #a9b8de; font-size: 2.2vh; margin: 0 0 2vh; }
h2 { font-size: 3.2vh; margin: 2.4vh 0 1vh; color: #ffcf40; }
table { border-collapse: collapse; width: 100%; font-size: 2.8vh; }
th, td { padding: 0.8vh 1vw; border-bottom: 1px solid #22366b; text-align: right; white-space: nowrap; }
th { color: #a9b8de; font-weight: 600; }
td.name, th.name { text-align: left; white-space: normal; }
td.score { font-weight: 800; color: #ffcf40; }
td.absent { color: #5d6b92; }
p.note { font-size: 3vh; color: #a9b8de; }
`;

const groupTable = (t: Translate, standings: SeasonStandings, rows: SeasonStandings["groups"][number]["rows"]): string => {
  const head = [
    `<th>${escapeHtml(t("season-col-rank"))}</th>`,
    `<th class="name">${escapeHtml(t("season-col-unit"))}</th>`,
    `<th>${escapeHtml(t("season-col-score"))}</th>`,
    ...standings.contests.map((_, i) => `<th>${contestMark(i)}</th>`),
    `<th>${escapeHtml(t("season-col-trend"))}</th>`,
    `<th>${escapeHtml(t("season-col-prize"))}</th>`,
    `<th>${escapeHtml(t("season-col-band"))}</th>`,
    `<th class="name">${escapeHtml(t("season-col-record"))}</th>`,
  ].join("");
  const body = rows
    .map((row) =>
      [
        `<td>${row.rank}</td>`,
        `<td class="name">${escapeHtml(row.name)}</td>`,
        `<td class="score">${row.scoreText}</td>`,
        ...row.cells.map((cell) => (cell ? `<td>${cell.text}</td>` : `<td class="absent">—</td>`)),
        `<td>${row.trend ? escapeHtml(trendMark(t, row.trend)) : ""}</td>`,
        `<td>${escapeHtml(row.prize ?? "")}</td>`,
        `<td>${escapeHtml(row.band ?? "")}</td>`,
        `<td class="name">${escapeHtml(recordText(row.record))}</td>`,
      ].join(""),
    )
    .map((cells) => `<tr>${cells}</tr>`)
    .join("\n");
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
};

export const seasonPage = (t: Translate, season: Season, content: { standings: SeasonStandings } | { note: string }): string => {
  const title = t(season.status === "closed" ? "season-page-title-closed" : "season-page-title", { season: season.name });
  let main: string;
  if ("note" in content) main = `<p class="note">${escapeHtml(content.note)}</p>`;
  else {
    const { standings } = content;
    const contests = standings.contests
      .map((c, i) => escapeHtml(t("season-table-contest", { mark: contestMark(i), title: c.title, weight: String(c.weight) })))
      .join(" · ");
    const showGroups = standings.groups.length > 1 || standings.groups.some((g) => g.name !== null);
    main = [
      `<p class="sub">${escapeHtml(t(season.rules.absent === "skip" ? "season-absent-skip" : "season-absent-zero"))}</p>`,
      `<p class="contests">${contests}</p>`,
      ...standings.groups.map((g) => `${showGroups && g.name !== null ? `<h2>${escapeHtml(g.name)}</h2>` : ""}${groupTable(t, standings, g.rows)}`),
      `<p class="contests">${escapeHtml(t("season-table-legend"))}</p>`,
    ].join("\n");
  }
  return `<!doctype html>
<html>
<head><meta charset="utf-8"><meta name="robots" content="noindex, nofollow"><meta http-equiv="refresh" content="${SEASON_PAGE_REFRESH_S}">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(title)}</h1>
${main}
</body>
</html>`;
};

export const createSeasonRoutes = (deps: SeasonRoutesDeps) => {
  const { store } = deps;
  const defaultLocale = deps.defaultLocale ?? "zh-CN";
  const i18n = createI18n(defaultLocale);
  const translator =
    (locale: Locale): Translate =>
    (key, vars) =>
      i18n.t(locale, key, vars);
  const app = new Hono();

  app.get("/:token", async (c) => {
    const seasonId = await store.seasons.screenSeason(c.req.param("token"));
    const season = seasonId ? await store.seasons.get(seasonId) : undefined;
    if (!season) return c.html(notFoundPage([translator(defaultLocale)]), 404, HEADERS);
    const locale = await groupLocale(store, season.chats[0]!, defaultLocale);
    const t = translator(locale);
    const snapshots = await store.seasons.snapshots(season.id);
    if (snapshots.length === 0) return c.html(seasonPage(t, season, { note: t("season-empty", { season: season.name }) }), 200, HEADERS);
    if (!snapshots.every((s) => s.public)) return c.html(seasonPage(t, season, { note: t("season-page-private") }), 200, HEADERS);
    return c.html(seasonPage(t, season, { standings: seasonStandings(season, snapshots) }), 200, HEADERS);
  });

  return { app };
};
