// The draw (抽签) on the scoreboard: for a few seconds after /draw, the names of the units shuffle
// over the presenting places, then settle into the drawn order, with the seed and the rule shown so
// the hall can check it. Units already scored keep their place (marked, never moving).
// State: ScreenState.draw (./draw-state.ts), present only while the draw is fresh.
import type { ScreenPart } from "../screen-page.js";
import { DRAW_SHOW_MS } from "./draw-state.js";

/** How long the names shuffle before they settle (ms). */
export const DRAW_SHUFFLE_MS = 3_500;
/** The settled order stays at least this long (ms), and until DRAW_SHOW_MS after the draw. */
export const DRAW_HOLD_MS = 7_000;

const css = `
.draw { position: absolute; inset: 0; z-index: 30; display: flex; align-items: center; justify-content: center;
  background: rgba(4, 10, 28, 0.9); opacity: 1; transition: opacity 0.6s ease; }
.draw[hidden] { display: none; }
.draw.leaving { opacity: 0; }
.draw-card { width: 84cqw; max-height: 92cqh; display: flex; flex-direction: column; gap: 2cqh; padding: 3cqh 3.6cqw;
  background: var(--panel); border: 0.25cqh solid var(--line); border-top: 1cqh solid var(--accent); border-radius: 2cqh; }
.draw-head { display: flex; align-items: center; gap: 2cqw; }
.draw-die { width: 5.2cqh; height: 5.2cqh; border-radius: 1cqh; background: var(--accent); position: relative; flex: none; }
.draw-die::before, .draw-die::after { content: ""; position: absolute; width: 1.1cqh; height: 1.1cqh; border-radius: 50%; background: var(--bg); }
.draw-die::before { left: 1cqh; top: 1cqh; box-shadow: 1.55cqh 1.55cqh 0 var(--bg); }
.draw-die::after { right: 1cqh; bottom: 1cqh; }
.draw:not(.settled) .draw-die { animation: draw-roll 0.5s linear infinite; }
@keyframes draw-roll { to { transform: rotate(360deg); } }
.draw-title { font-size: 6cqh; font-weight: 800; }
.draw-phase { font-size: 3.2cqh; font-weight: 700; color: var(--accent); letter-spacing: 0.06em; }
.draw.settled .draw-phase { color: var(--live); }
.draw-board { position: relative; }
.draw-slot, .draw-name { position: absolute; height: var(--draw-row); display: flex; align-items: center; }
.draw-slot { border-bottom: 0.12cqh solid rgba(34, 54, 107, 0.8); font-size: calc(var(--draw-row) * 0.5); font-weight: 800;
  color: var(--accent); padding-left: 0.6cqw; }
.draw-name { font-size: calc(var(--draw-row) * 0.56); font-weight: 700; white-space: nowrap; overflow: hidden;
  padding-right: 1cqw; transition: top 0.22s ease, left 0.22s ease; }
.draw.settled .draw-name { transition: top 0.7s cubic-bezier(0.2, 0.8, 0.2, 1), left 0.7s cubic-bezier(0.2, 0.8, 0.2, 1); }
.draw-name .tag { font-size: 0.62em; font-weight: 600; color: var(--muted); margin-left: 0.8em; }
.draw-name .unit { font-size: 0.62em; font-weight: 600; color: var(--muted); margin-left: 0.6em; }
.draw-name.kept { color: var(--muted); }
.draw-name.kept .mark { font-size: 0.6em; margin-left: 0.8em; color: var(--live); }
.draw:not(.settled) .draw-name.moving { color: #ffe27a; }
.draw-foot { display: flex; flex-direction: column; gap: 0.6cqh; font-size: 2.8cqh; color: var(--muted); }
.draw-seed { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; color: var(--text); font-size: 3cqh;
  word-break: break-all; }
`;

const html = `<section class="draw" id="draw" hidden aria-live="polite">
  <div class="draw-card">
    <div class="draw-head"><span class="draw-die"></span><span class="draw-title" id="draw-title"></span><span class="draw-phase" id="draw-phase"></span></div>
    <div class="draw-board" id="draw-board"></div>
    <div class="draw-foot"><div id="draw-method"></div><div class="draw-seed" id="draw-seed"></div></div>
  </div>
</section>`;

/**
 * Every place is a slot (its number never moves); every unit is a name laid over a slot. While the
 * draw shuffles, the drawn names jump between the drawn places; then each goes to its own place.
 */
const script = `
const DRAW_SHUFFLE_MS = ${DRAW_SHUFFLE_MS}, DRAW_HOLD_MS = ${DRAW_HOLD_MS}, DRAW_SHOW_MS = ${DRAW_SHOW_MS};
let drawSeed = null, drawTimers = [];
const drawBox = $("draw");
const drawStop = () => { for (const id of drawTimers) clearTimeout(id), clearInterval(id); drawTimers = []; };
const drawHide = () => {
  drawStop();
  drawBox.classList.add("leaving");
  drawTimers.push(setTimeout(() => { drawBox.hidden = true; drawBox.classList.remove("leaving", "settled"); }, 650));
};
const drawPlay = (d) => {
  drawStop();
  const count = d.rows.length;
  const cols = count > 24 ? 3 : count > 10 ? 2 : 1;
  const perCol = Math.ceil(count / cols);
  const row = Math.min(8.4, 60 / perCol);
  const board = $("draw-board");
  board.style.setProperty("--draw-row", row + "cqh");
  board.style.height = perCol * row + "cqh";
  const place = (node, slot) => {
    node.style.top = (slot % perCol) * row + "cqh";
    node.style.left = "calc(" + Math.floor(slot / perCol) * (100 / cols) + "% + 2.4em)";
  };
  const slots = d.rows.map((r, i) => {
    const s = el("div", "draw-slot", i + 1);
    s.style.top = (i % perCol) * row + "cqh";
    s.style.left = Math.floor(i / perCol) * (100 / cols) + "%";
    s.style.width = "calc(" + 100 / cols + "% - 1cqw)";
    return s;
  });
  const names = d.rows.map((r, i) => {
    const n = el("div", "draw-name" + (r.drawn ? " moving" : " kept"));
    n.dataset.n = r.n;
    n.dataset.final = i;
    n.style.width = "calc(" + 100 / cols + "% - 2.4em - 1cqw)";
    n.append(el("span", "", r.name), el("span", "unit", fill(L.drawUnit, { n: r.n })));
    if (r.group) n.append(el("span", "tag", r.group));
    if (!r.drawn) n.append(el("span", "mark", L.drawKept));
    place(n, i);
    return n;
  });
  board.replaceChildren(...slots, ...names);
  $("draw-title").textContent = L.drawTitle;
  $("draw-method").textContent = d.scope === "all" ? L.drawMethodAll : L.drawMethodGroup;
  $("draw-seed").textContent = fill(L.drawSeed, { seed: d.seed });
  drawBox.classList.remove("leaving", "settled");
  drawBox.hidden = false;
  // The drawn places, and the names that move over them.
  const free = d.rows.map((r, i) => (r.drawn ? i : -1)).filter((i) => i >= 0);
  const moving = names.filter((n, i) => d.rows[i].drawn);
  // The arrangements shown while shuffling (the page says how many on #draw, data-arrangements).
  const shown = new Set();
  const shuffle = () => {
    const spots = free.slice();
    for (let i = spots.length - 1; i > 0; i--) { const j = Math.floor(Math.random() * (i + 1)); const t = spots[i]; spots[i] = spots[j]; spots[j] = t; }
    moving.forEach((n, i) => place(n, spots[i]));
    shown.add(spots.join(","));
    drawBox.dataset.arrangements = String(shown.size);
  };
  const settle = () => {
    drawStop();
    drawBox.classList.add("settled");
    $("draw-phase").textContent = L.drawSettled;
    names.forEach((n) => place(n, Number(n.dataset.final)));
    const hideIn = Math.max(d.at + DRAW_SHOW_MS - serverTime(), DRAW_HOLD_MS);
    drawTimers.push(setTimeout(drawHide, hideIn));
  };
  $("draw-phase").textContent = L.drawShuffling;
  shuffle();
  drawTimers.push(setInterval(shuffle, 240));
  drawTimers.push(setTimeout(settle, DRAW_SHUFFLE_MS));
};
onState((s) => {
  const d = s.draw;
  if (!d || d.seed === drawSeed) return;
  if (serverTime() - d.at > DRAW_SHOW_MS) return;
  drawSeed = d.seed;
  drawPlay(d);
});
`;

export const drawPart: ScreenPart = {
  css,
  html,
  labels: (t) => ({
    drawTitle: t("screen-draw-title"),
    drawShuffling: t("screen-draw-shuffling"),
    drawSettled: t("screen-draw-settled"),
    drawMethodGroup: t("screen-draw-method-group"),
    drawMethodAll: t("screen-draw-method-all"),
    drawSeed: t("screen-draw-seed", { seed: "{seed}" }),
    drawUnit: t("screen-draw-unit", { n: "{n}" }),
    drawKept: t("screen-draw-kept"),
  }),
  script,
};
