// The scoreboard page: one self-contained HTML document (inline CSS and JS, no network but its
// own event stream), laid out for a 16:9 projector and readable from the back of a hall.
// Every contest-supplied text is put in with textContent, never as HTML.
import type { Translate } from "../bot/i18n.js";
import type { ScreenState } from "./screen-state.js";
import { drawPart } from "./screen-parts/draw.js";
import { clocksPart } from "./screen-parts/clocks.js";
import { joinPart } from "./screen-parts/join.js";
import { revealPart } from "./screen-parts/reveal.js";
import { finalPart } from "./screen-parts/final.js";

/**
 * A part of the page beyond the live board (the reveal card, the clocks, the join view, the draw):
 * its CSS, its HTML inside the stage (an overlay: the stage is position: relative), its labels, and
 * a block of the page script, which may use L, $, el, fill, onState(fn), highlight(n), state and
 * serverTime() (the server's clock now, from the last state's serverNow).
 * Each part lives in its own module under src/http/screen-parts/ and is listed in PARTS.
 */
export type ScreenPart = {
  css: string;
  html: string;
  labels: (t: Translate) => Record<string, string>;
  script: string;
};

/** The parts the page is made of, in drawing order (a later part's overlay lies above). */
const PARTS: ScreenPart[] = [
  drawPart,
  joinPart,
  clocksPart,
  finalPart,
  revealPart,
];

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

/** JSON that is safe inside a <script> element (no "</script>", no U+2028/2029 surprises). */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");

/** Page texts, with {name} placeholders the script fills in. */
const baseLabels = (t: Translate) => ({
  live: t("screen-page-live"),
  reconnecting: t("screen-page-reconnecting"),
  now: t("screen-page-now"),
  next: t("screen-page-next"),
  progress: t("screen-page-progress", { n: "{n}", total: "{total}", moved: "no", unit: "{unit}" }),
  /** The same, when a draw moved the unit: its presenting place {n} and its setup number {unit}. */
  progressMoved: t("screen-page-progress", { n: "{n}", total: "{total}", moved: "yes", unit: "{unit}" }),
  ballots: t("screen-page-ballots"),
  standings: t("screen-page-standings"),
  final: t("screen-page-final"),
  colRank: t("screen-page-col-rank"),
  colName: t("screen-page-col-name"),
  colScore: t("screen-page-col-score"),
  colBallots: t("screen-page-col-ballots"),
  empty: t("screen-page-empty"),
  notStarted: t("screen-page-not-started"),
  finished: t("screen-page-finished"),
  cancelled: t("screen-page-cancelled"),
  unranked: t("screen-page-unranked"),
  done: t("screen-page-done", { closed: "{closed}", total: "{total}" }),
  gone: t("screen-page-gone"),
});

export const screenLabels = (t: Translate): ReturnType<typeof baseLabels> & Record<string, string> =>
  Object.assign(baseLabels(t), ...PARTS.map((part) => part.labels(t)));

const FONTS = `"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Hiragino Sans GB", "Helvetica Neue", Arial, sans-serif`;

const STYLE = `
:root { color-scheme: dark; --bg: #08122b; --panel: #102048; --line: #22366b; --text: #ffffff; --muted: #a9b8de;
  --accent: #ffcf40; --live: #3ddc84; --warn: #ffb020; --gold: #f7c948; --silver: #d5dde8; --bronze: #e09a5f; }
* { box-sizing: border-box; margin: 0; padding: 0; }
html, body { height: 100%; background: #000; }
body { display: grid; place-items: center; overflow: hidden; font-family: ${FONTS}; color: var(--text);
  font-variant-numeric: tabular-nums; -webkit-font-smoothing: antialiased; }
/* The stage keeps 16:9 in any window and sizes everything from its own height (cqh). */
.stage { position: relative; container-type: size; width: min(100vw, calc(100vh * 16 / 9)); height: min(100vh, calc(100vw * 9 / 16));
  background: radial-gradient(120% 90% at 50% 0%, #12275a 0%, var(--bg) 60%); display: flex; flex-direction: column;
  padding: 3.2cqh 3.6cqw; gap: 2.4cqh; }
header { display: flex; align-items: center; gap: 2cqw; }
h1 { flex: 1; min-width: 0; font-size: 6.4cqh; font-weight: 800; letter-spacing: 0.02em; line-height: 1.15;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.meta { display: flex; align-items: center; gap: 1.6cqw; font-size: 2.6cqh; color: var(--muted); white-space: nowrap; }
.dot { display: inline-block; width: 1.6cqh; height: 1.6cqh; border-radius: 50%; background: var(--live);
  margin-right: 0.6cqw; vertical-align: 0.1em; box-shadow: 0 0 1.2cqh var(--live); }
.conn.off .dot { background: var(--warn); box-shadow: 0 0 1.2cqh var(--warn); }
.now { display: grid; grid-template-columns: minmax(0, 1fr) auto; align-items: center; gap: 3cqw;
  background: var(--panel); border: 0.2cqh solid var(--line); border-left: 1cqh solid var(--accent);
  border-radius: 1.6cqh; padding: 2.2cqh 3cqw; }
.now.idle { border-left-color: var(--muted); }
.kicker { font-size: 2.8cqh; color: var(--accent); font-weight: 700; letter-spacing: 0.08em; }
.now.idle .kicker { color: var(--muted); }
.who { font-size: 7.6cqh; font-weight: 800; line-height: 1.15; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.who .tag { font-size: 3.4cqh; font-weight: 600; color: var(--muted); margin-left: 1.4cqw; }
.count { text-align: right; }
.count .label { font-size: 2.8cqh; color: var(--muted); }
.count .value { font-size: 9cqh; font-weight: 800; line-height: 1; }
.count .value small { font-size: 5cqh; color: var(--muted); font-weight: 700; }
.bar { width: 26cqw; height: 1.4cqh; background: var(--line); border-radius: 1cqh; margin-top: 1.2cqh; overflow: hidden; }
.bar > i { display: block; height: 100%; width: 0; background: var(--live); transition: width 0.4s ease; }
.board { flex: 1; min-height: 0; display: flex; flex-direction: column; gap: 1.4cqh; }
.board-head { display: flex; align-items: baseline; gap: 1.6cqw; font-size: 3.2cqh; font-weight: 700; color: var(--muted); }
.board-head .final { color: var(--gold); font-size: 5.2cqh; font-weight: 800; }
.now[hidden] { display: none; }
.groups { flex: 1; min-height: 0; display: grid; gap: 2.4cqw; align-content: start; --row: 6cqh; }
.group { min-width: 0; background: rgba(16, 32, 72, 0.55); border: 0.2cqh solid var(--line); border-radius: 1.6cqh;
  padding: 1.2cqh 1.6cqw 1.6cqh; }
.group h2 { font-size: calc(var(--row) * 0.78); color: var(--accent); font-weight: 700; padding: 0.2em 0 0.3em; }
.table { display: grid; grid-template-columns: 2.2em minmax(0, 1fr) auto auto auto; align-items: center; font-size: var(--row); }
.table > * { padding-left: 0.45em; padding-right: 0.45em; }
.table .th { font-size: 0.5em; line-height: 2; color: var(--muted); font-weight: 600; border-bottom: 0.15cqh solid var(--line);
  align-self: stretch; display: flex; align-items: flex-end; }
.row { display: contents; }
.row > * { padding-top: 0.14em; padding-bottom: 0.14em; border-bottom: 0.1cqh solid rgba(34, 54, 107, 0.7); align-self: stretch;
  display: flex; align-items: center; }
.row > .score, .row > .ballots, .th.num { justify-content: flex-end; text-align: right; }
.row > .rank, .th.rank { justify-content: center; text-align: center; }
.table > .award:empty { padding: 0; }
.row > .award { padding-right: 0.7em; }
.rank { font-weight: 800; text-align: center; color: var(--accent); }
.name { font-weight: 700; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; display: block !important; min-width: 0; }
.score { font-weight: 800; text-align: right; }
.ballots { text-align: right; color: var(--muted); font-size: 0.7em; }
.award { text-align: left; white-space: nowrap; }
.num { text-align: right; }
.chip { display: inline-block; font-size: 0.56em; font-weight: 800; padding: 0.12em 0.55em; border-radius: 0.4em;
  color: #141414; background: var(--muted); margin-right: 0.3em; vertical-align: 0.15em; }
.chip.p0 { background: var(--gold); } .chip.p1 { background: var(--silver); } .chip.p2 { background: var(--bronze); }
.chip.band { background: transparent; color: var(--text); border: 0.08em solid var(--muted); }
.unranked { color: var(--muted); font-weight: 500; font-size: 0.7em; }
.row.alt > * { background: rgba(255, 255, 255, 0.035); }
.groups.single .group { width: min(100%, 80cqw); justify-self: center; }
.fresh > * { animation: fresh 2.4s ease-out; }
@keyframes fresh { from { background: rgba(255, 207, 64, 0.45); } to { background: transparent; } }
.empty { font-size: 3.6cqh; color: var(--muted); padding: 4cqh 0; text-align: center; }
.banner { display: none; position: fixed; inset: auto 0 0 0; padding: 1.2cqh; text-align: center; font-size: 3cqh;
  background: #5a1020; color: #fff; }
.banner.show { display: block; }
`;

/** The browser side: render the state, follow the event stream, reconnect after any drop. */
const SCRIPT = `
(() => {
  const L = JSON.parse(document.getElementById("labels").textContent);
  let state = JSON.parse(document.getElementById("state").textContent);
  const base = location.pathname.replace(/\\/+$/, "");
  const $ = (id) => document.getElementById(id);
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = String(text); return e; };
  const fill = (text, vars) => text.replace(/\\{(\\w+)\\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
  /** "第 n/N 位" of a unit {n (setup number), place (its presenting place, when a draw moved it)}. */
  const placeText = (p, total) => (p.place ? fill(L.progressMoved, { n: p.place, total, unit: p.n }) : fill(L.progress, { n: p.n, total }));
  let shown = new Map();
  /** What the parts want to hear of: every rendered state, in order. */
  const listeners = [];
  const onState = (fn) => listeners.push(fn);
  let clockSkew = state.serverNow - Date.now();
  const serverTime = () => Date.now() + clockSkew;
  /** Marks presenter n's row as just changed (it flashes), wherever it is on the board. */
  const highlight = (n) => {
    for (const row of document.querySelectorAll('.row[data-n="' + n + '"]')) {
      row.classList.remove("fresh"); void row.offsetWidth; row.classList.add("fresh");
    }
  };

  const renderNow = (s) => {
    const box = $("now"), kicker = $("kicker"), who = $("who"), count = $("count");
    who.textContent = ""; count.hidden = true; box.className = "now";
    box.hidden = s.status === "finished";
    if (s.status === "finished") return;
    if (s.status === "cancelled") { box.className = "now idle"; kicker.textContent = ""; who.textContent = L.cancelled; return; }
    const p = s.current || s.next;
    if (!p) { box.className = "now idle"; kicker.textContent = L.standings; who.textContent = fill(L.done, { closed: s.closed, total: s.presenters }); return; }
    kicker.textContent = (s.current ? L.now : L.next) + " · " + placeText(p, s.presenters);
    if (!s.current) box.className = "now idle";
    who.append(el("span", "", p.name));
    if (p.group) who.append(el("span", "tag", p.group));
    if (s.current) {
      count.hidden = false;
      $("count-value").replaceChildren(String(s.current.submitted), el("small", "", " / " + s.current.judges));
      const pct = s.current.judges > 0 ? Math.min(100, (100 * s.current.submitted) / s.current.judges) : 0;
      $("bar").style.width = pct + "%";
    }
  };

  const renderBoard = (s) => {
    const final = s.status === "finished";
    const head = $("board-head");
    head.replaceChildren(el("span", final ? "final" : "", final ? L.final : L.standings));
    if (final) head.append(el("span", "", L.finished));
    if (!final && s.presenters > 0) head.append(el("span", "", fill(L.done, { closed: s.closed, total: s.presenters })));
    const groups = $("groups");
    const next = new Map();
    const boxes = [];
    for (const g of s.groups) {
      const box = el("section", "group");
      if (g.name) box.append(el("h2", "", g.name));
      const table = el("div", "table");
      table.append(el("div", "th rank", L.colRank), el("div", "th", L.colName), el("div", "th award", ""), el("div", "th num", L.colScore), el("div", "th num", L.colBallots));
      for (const r of g.rows) {
        const key = r.n + "|" + r.score + "|" + r.rank;
        next.set(r.n, key);
        const row = el("div", "row" + (table.children.length % 2 === 0 ? " alt" : "") + (shown.size > 0 && shown.get(r.n) !== key ? " fresh" : ""));
        row.dataset.n = r.n;
        const award = el("div", "award");
        if (r.prize) award.append(el("span", "chip p" + Math.min(r.prizeLevel || 0, 3), r.prize));
        if (r.band) award.append(el("span", "chip band", r.band));
        if (r.score === null) {
          row.append(el("div", "rank", "–"), el("div", "name", r.name), award, el("div", "score unranked", L.unranked), el("div", "ballots", r.ballots));
        } else {
          row.append(el("div", "rank", r.rank === null ? "" : r.rank), el("div", "name", r.name), award, el("div", "score", r.score), el("div", "ballots", r.ballots));
        }
        table.append(row);
      }
      box.append(table);
      boxes.push(box);
    }
    shown = next;
    if (boxes.length === 0) boxes.push(el("div", "empty", s.status === "draft" ? L.notStarted : L.empty));
    groups.replaceChildren(...boxes);
    groups.classList.toggle("single", s.groups.length === 1);
    columns = Math.max(1, Math.min(s.groups.length, 3));
    fit();
  };

  let columns = 1;
  /**
   * The largest rows at which every group fits on the screen and every name is whole, with the
   * groups side by side or one under the other, whichever allows larger rows.
   */
  const fit = () => {
    const groups = $("groups");
    const names = groups.querySelectorAll(".name");
    const overflows = () =>
      groups.scrollHeight > groups.clientHeight + 1 || Array.prototype.some.call(names, (n) => n.scrollWidth > n.clientWidth + 1);
    const fitWith = (cols) => {
      groups.style.gridTemplateColumns = "repeat(" + cols + ", minmax(0, 1fr))";
      let size = 6;
      groups.style.setProperty("--row", size + "cqh");
      while (size > 1.6 && overflows()) {
        size = Math.round(size * 0.94 * 100) / 100;
        groups.style.setProperty("--row", size + "cqh");
      }
      return size;
    };
    const wide = fitWith(columns);
    if (columns > 1 && fitWith(1) <= wide) fitWith(columns);
  };

  const render = (s) => {
    if (!s) return;
    state = s;
    clockSkew = s.serverNow - Date.now();
    document.title = s.title;
    $("title").textContent = s.title;
    renderNow(s);
    renderBoard(s);
    for (const fn of listeners) fn(s);
  };

  const setLive = (live) => {
    const c = $("conn");
    c.classList.toggle("off", !live);
    $("conn-text").textContent = live ? L.live : L.reconnecting;
  };

  /** The link stopped working: revoked, or (reason "expired") SCREEN_LINK_DAYS after the contest ended. */
  const gone = (reason) => {
    setLive(false);
    $("conn-text").textContent = "";
    $("banner").textContent = reason === "expired" && L.expired ? L.expired : L.gone;
    $("banner").classList.add("show");
  };

  let source, watchdog, retry, delay = 1000, over = false;
  const arm = () => { clearTimeout(watchdog); watchdog = setTimeout(reconnect, 45000); };
  const reconnect = () => {
    if (over) return;
    if (source) source.close();
    setLive(false);
    clearTimeout(retry);
    // A closed stream may mean the link was revoked: ask once before trying again.
    retry = setTimeout(async () => {
      try {
        const res = await fetch(base + "/state.json", { cache: "no-store" });
        if (res.status === 404) { over = true; return gone((await res.json().catch(() => ({}))).error); }
        if (res.ok) render(await res.json());
      } catch (e) { /* still offline */ }
      delay = Math.min(delay * 2, 15000);
      connect();
    }, delay);
  };
  const connect = () => {
    source = new EventSource(base + "/events");
    source.addEventListener("open", () => { setLive(true); delay = 1000; arm(); });
    source.addEventListener("state", (e) => { arm(); setLive(true); render(JSON.parse(e.data)); });
    source.addEventListener("ping", arm);
    source.addEventListener("hello", arm);
    source.addEventListener("gone", (e) => { over = true; source.close(); gone(JSON.parse(e.data || "{}").reason); });
    source.addEventListener("error", () => {
      setLive(false);
      // The browser retries by itself after a dropped connection; after an error status it gives up.
      if (source.readyState === EventSource.CLOSED) reconnect();
    });
  };
  /*PARTS*/
  render(state);
  window.addEventListener("resize", fit);
  connect();
})();
`;

const pageScript = (): string => SCRIPT.replace("/*PARTS*/", PARTS.map((part) => `{\n${part.script}\n}`).join("\n"));

export type ScreenPageInput = { state: ScreenState; t: Translate; nonce: string };

export const screenPage = ({ state, t, nonce }: ScreenPageInput): string => {
  const labels = screenLabels(t);
  return `<!doctype html>
<html lang="${state.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(state.title)}</title>
<style>${STYLE}${PARTS.map((part) => part.css).join("\n")}</style>
</head>
<body>
<main class="stage" id="stage">
  <header>
    <h1 id="title">${escapeHtml(state.title)}</h1>
    <div class="meta"><span class="conn off" id="conn"><span class="dot"></span><span id="conn-text">${escapeHtml(labels.reconnecting)}</span></span></div>
  </header>
  <section class="now" id="now">
    <div><div class="kicker" id="kicker"></div><div class="who" id="who"></div></div>
    <div class="count" id="count" hidden>
      <div class="label">${escapeHtml(labels.ballots)}</div>
      <div class="value" id="count-value"></div>
      <div class="bar"><i id="bar"></i></div>
    </div>
  </section>
  <section class="board">
    <div class="board-head" id="board-head"></div>
    <div class="groups" id="groups"></div>
  </section>
${PARTS.map((part) => part.html).join("\n")}
</main>
<div class="banner" id="banner" role="alert"></div>
<script type="application/json" id="labels">${scriptJson(labels)}</script>
<script type="application/json" id="state">${scriptJson(state)}</script>
<script nonce="${nonce}">${pageScript()}</script>
</body>
</html>`;
};

/** The page for an unknown or revoked link (or `key`'s text), in both languages (the contest is not known). */
export const notFoundPage = (translators: Translate[], key = "screen-page-not-found"): string => `<!doctype html>
<html>
<head><meta charset="utf-8"><meta name="robots" content="noindex, nofollow"><title>404</title>
<style>body{margin:0;min-height:100vh;display:grid;place-items:center;background:#08122b;color:#fff;font-family:${FONTS};text-align:center}
h1{font-size:8vh;margin:0 0 2vh}p{font-size:3.4vh;color:#a9b8de;margin:1vh 4vw}</style></head>
<body><main><h1>404</h1>${translators.map((t) => `<p>${escapeHtml(t(key))}</p>`).join("")}</main></body>
</html>`;
