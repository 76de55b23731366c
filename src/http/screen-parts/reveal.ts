// The reveal card (亮分): when a round closes the scoreboard shows, for SCREEN_REVEAL_S seconds,
// the unit, each counted judge's total ("评委 1…n", best first, never in joining order), the
// dropped highest and lowest struck through, panel subtotals and the blend, and the final score
// counting up to its value; then the standings again, the unit's row highlighted.
// Everything is timed from when the round closed (server clock), so a reload resumes the card.
// Its data is ScreenState.revealCard (reveal-state.ts).
import type { ScreenPart } from "../screen-page.js";

const css = `
.rv { position: absolute; inset: 0; z-index: 20; display: grid; place-items: center; padding: 3cqh 3cqw;
  background: rgba(4, 10, 28, 0.82); opacity: 0; transition: opacity 0.35s ease; }
.rv[hidden] { display: none; }
.rv.on { opacity: 1; }
.rv-card { --mk: 5.6cqh; width: 100%; max-height: 94cqh; overflow: hidden; display: flex; flex-direction: column; align-items: center;
  gap: 2cqh; padding: 3cqh 3cqw; border-radius: 2cqh; background: linear-gradient(180deg, #14295f 0%, #0c1a40 100%);
  border: 0.3cqh solid var(--accent); box-shadow: 0 0 6cqh rgba(255, 207, 64, 0.25); transform: scale(0.96);
  transition: transform 0.35s ease; }
.rv.on .rv-card { transform: none; }
/* Nothing shrinks: what does not fit shows as overflow, and the marks get smaller (rvFit). */
.rv-card > * { flex-shrink: 0; }
.rv-kicker { font-size: 3.2cqh; font-weight: 700; letter-spacing: 0.1em; color: var(--accent); }
.rv-unit { font-size: 8.4cqh; font-weight: 800; line-height: 1.1; max-width: 100%; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; text-align: center; }
.rv-unit .tag { font-size: 0.45em; font-weight: 600; color: var(--muted); margin-left: 0.6em; }
.rv-panels { display: flex; justify-content: center; align-items: stretch; gap: 2cqw; width: 100%; }
.rv-panels:empty { display: none; }
.rv-panel { flex: 1 1 0; min-width: 0; max-width: 60cqw; display: flex; flex-direction: column; gap: 1cqh; padding: 1.4cqh 1.4cqw;
  border-radius: 1.4cqh; background: rgba(255, 255, 255, 0.05); border: 0.2cqh solid var(--line); }
.rv-panel h3 { font-size: calc(var(--mk) * 0.55); color: var(--muted); font-weight: 700; text-align: center; }
.rv-marks { display: flex; flex-wrap: wrap; justify-content: center; gap: calc(var(--mk) * 0.22); }
.rv-mk { display: flex; flex-direction: column; align-items: center; min-width: calc(var(--mk) * 2.9); padding: calc(var(--mk) * 0.12) calc(var(--mk) * 0.2);
  border-radius: calc(var(--mk) * 0.18); background: var(--panel); border: 0.15cqh solid var(--line);
  opacity: 0; transform: translateY(1.5cqh); transition: opacity 0.3s ease, transform 0.3s ease, color 0.3s ease; }
.rv-mk.on { opacity: 1; transform: none; }
.rv-mk .j { font-size: calc(var(--mk) * 0.4); color: var(--muted); font-weight: 600; }
.rv-mk .v { font-size: var(--mk); font-weight: 800; line-height: 1.1; }
.rv-mk.struck { opacity: 0.5; }
.rv-mk.struck .v { text-decoration: line-through; text-decoration-thickness: 0.09em; text-decoration-color: #ff6b6b; color: var(--muted); }
.rv-sub { font-size: calc(var(--mk) * 0.62); text-align: center; color: var(--text); font-weight: 700; opacity: 0; transition: opacity 0.3s ease; }
.rv-sub b { color: var(--accent); font-weight: 800; }
.rv-sub.on, .rv-blend.on, .rv-note.on { opacity: 1; }
.rv-blend { font-size: 3.4cqh; font-weight: 600; color: var(--text); opacity: 0; transition: opacity 0.3s ease; text-align: center; }
.rv-blend:empty { display: none; }
.rv-blend b { color: var(--accent); }
.rv-final { display: flex; align-items: baseline; justify-content: center; gap: 2.4cqw; }
.rv-final-label { font-size: 3.6cqh; color: var(--muted); font-weight: 700; }
.rv-score { font-size: 16cqh; font-weight: 900; line-height: 1; color: var(--gold); text-shadow: 0 0 4cqh rgba(247, 201, 72, 0.35); }
.rv-score.small { font-size: 7cqh; color: var(--muted); text-shadow: none; }
.rv-rank { font-size: 4cqh; font-weight: 800; color: #141414; background: var(--gold); border-radius: 1cqh; padding: 0.4cqh 1.2cqw; }
.rv-rank:empty { display: none; }
/* The rank comes after the score has counted up. */
.rv-rank { opacity: 0; transition: opacity 0.3s ease; }
.rv-rank.on { opacity: 1; }
.rv-note { font-size: 3cqh; color: var(--muted); text-align: center; opacity: 0; transition: opacity 0.3s ease; }
.rv-note:empty { display: none; }
.rv-sealed { font-size: 7cqh; font-weight: 800; color: var(--accent); }
`;

const html = `
<section class="rv" id="rv" hidden aria-live="polite">
  <div class="rv-card" id="rv-card">
    <div class="rv-kicker" id="rv-kicker"></div>
    <div class="rv-unit" id="rv-unit"></div>
    <div class="rv-panels" id="rv-panels"></div>
    <div class="rv-blend" id="rv-blend"></div>
    <div class="rv-final" id="rv-final"><span class="rv-final-label" id="rv-final-label"></span><span class="rv-score" id="rv-score"></span><span class="rv-rank" id="rv-rank"></span></div>
    <div class="rv-note" id="rv-note"></div>
  </div>
</section>`;

const labels: ScreenPart["labels"] = (t) => ({
  rvTitle: t("screen-reveal-title"),
  rvJudge: t("screen-reveal-judge", { i: "{i}" }),
  rvSubtotal: t("screen-reveal-subtotal", { score: "{score}" }),
  rvLive: t("screen-reveal-live", { score: "{score}" }),
  rvTrimmed: t("screen-reveal-trimmed", { trim: "{trim}" }),
  rvMedian: t("screen-reveal-median"),
  rvMean: t("screen-reveal-mean"),
  rvBlend: t("screen-reveal-blend", { live: "{live}", livePercent: "{livePercent}", prior: "{prior}", priorPercent: "{priorPercent}" }),
  rvFinal: t("screen-reveal-final"),
  rvRank: t("screen-reveal-rank", { rank: "{rank}" }),
  rvRankGroup: t("screen-reveal-rank-group", { rank: "{rank}" }),
  rvNoScore: t("screen-reveal-no-score"),
  rvBallots: t("screen-reveal-ballots", { n: "{n}" }),
  rvRankLater: t("screen-reveal-rank-later"),
  rvSealed: t("screen-reveal-sealed"),
  rvSealedFinish: t("screen-reveal-sealed-finish"),
  rvSealedChair: t("screen-reveal-sealed-chair"),
});

/**
 * The page side. A card is known by its unit and the moment its round closed (serverNow − ageMs):
 * a new close (also of a reopened round) plays a new card, the same one keeps its timeline.
 * Each step of the card is "on" from a time after the close; the final score counts up; at the
 * end the card fades and the unit's row flashes on the standings.
 */
const script = `
const rv = { key: null, ended: null, data: "", closedAt: 0, until: 0, n: 0, steps: [], count: null, frame: 0, timer: 0 };
const rvStop = () => { cancelAnimationFrame(rv.frame); clearTimeout(rv.timer); };
const rvEnd = (flash) => {
  rvStop();
  const box = $("rv");
  box.classList.remove("on");
  rv.timer = setTimeout(() => { box.hidden = true; }, 400);
  if (flash && rv.n) highlight(rv.n);
  rv.ended = rv.key; rv.key = null; rv.data = "";
};
/** The largest marks at which the card fits the stage. */
const rvFit = () => {
  const card = $("rv-card");
  let size = 5.6;
  card.style.setProperty("--mk", size + "cqh");
  while (size > 1.8 && card.scrollHeight > card.clientHeight + 1) {
    size = Math.round(size * 0.92 * 100) / 100;
    card.style.setProperty("--mk", size + "cqh");
  }
};
const rvTick = () => {
  const t = serverTime() - rv.closedAt;
  if (serverTime() >= rv.until) return rvEnd(true);
  for (const step of rv.steps) step.el.classList.toggle(step.cls, t >= step.at);
  const c = rv.count;
  if (c) {
    const p = Math.max(0, Math.min(1, (t - c.at) / c.ms));
    const eased = 1 - Math.pow(1 - p, 3);
    c.el.textContent = p >= 1 ? c.text : (c.value * eased).toFixed(2);
  }
  const settled = rv.steps.every((s) => t >= s.at) && (!c || t >= c.at + c.ms);
  if (settled) rv.timer = setTimeout(rvTick, Math.max(50, rv.until - serverTime()));
  else rv.frame = requestAnimationFrame(rvTick);
};
const rvShow = (s, c) => {
  rvStop();
  rv.closedAt = s.serverNow - c.ageMs;
  rv.until = rv.closedAt + c.durationMs;
  rv.n = c.n;
  const steps = [];
  let judge = 0;
  $("rv-kicker").textContent = L.rvTitle + " · " + placeText(c, s.presenters);
  const unit = $("rv-unit");
  unit.replaceChildren(el("span", "", c.name));
  if (c.group) unit.append(el("span", "tag", c.group));
  const panels = $("rv-panels");
  panels.replaceChildren();
  $("rv-blend").replaceChildren();
  const marks = (c.panels || []).reduce((sum, p) => sum + p.marks.length, 0);
  const stepMs = marks > 0 ? Math.min(300, 2400 / marks) : 0;
  const marksDone = 500 + marks * stepMs;
  const strikeAt = marksDone + 300, subAt = marksDone + 800, blendAt = marksDone + 1300;
  let countAt = 600;
  for (const p of c.panels || []) {
    const box = el("div", "rv-panel");
    // A panel with more judges gets more of the width.
    box.style.flexGrow = String(Math.max(2, p.marks.length));
    if (p.name) box.append(el("h3", "", p.percent === null ? p.name : p.name + " · " + p.percent + "%"));
    const list = el("div", "rv-marks");
    for (const m of p.marks) {
      judge += 1;
      const mk = el("div", "rv-mk");
      mk.dataset.total = m.total;
      if (m.dropped) mk.dataset.dropped = "1";
      mk.append(el("span", "j", fill(L.rvJudge, { i: judge })), el("span", "v", m.total));
      list.append(mk);
      steps.push({ el: mk, cls: "on", at: 500 + (judge - 1) * stepMs });
      if (m.dropped) steps.push({ el: mk, cls: "struck", at: strikeAt });
    }
    box.append(list);
    const many = (c.panels || []).length > 1;
    const sub = el("div", "rv-sub");
    const label = many ? L.rvSubtotal : L.rvLive;
    const [before, after] = label.split("{score}");
    sub.append(before || "", el("b", "", p.score === null ? "–" : p.score), after || "");
    box.append(sub);
    steps.push({ el: sub, cls: "on", at: subAt });
    panels.append(box);
    countAt = blendAt + 300;
  }
  if (c.blend) {
    const blend = $("rv-blend");
    const parts = L.rvBlend.split(/(\\{\\w+\\})/);
    for (const part of parts) {
      const m = /^\\{(\\w+)\\}$/.exec(part);
      if (m && (m[1] === "live" || m[1] === "prior")) blend.append(el("b", "", c.blend[m[1]]));
      else blend.append(m ? String(c.blend[m[1]]) : part);
    }
    steps.push({ el: blend, cls: "on", at: blendAt });
  }
  const score = $("rv-score");
  const rank = $("rv-rank");
  score.className = "rv-score";
  rank.textContent = "";
  const note = [];
  rv.count = null;
  if (c.kind === "sealed") {
    $("rv-final-label").textContent = "";
    score.className = "rv-sealed";
    score.textContent = L.rvSealed;
    note.push(fill(L.rvBallots, { n: c.ballots }), c.heldUntil === "chair" ? L.rvSealedChair : L.rvSealedFinish);
  } else if (c.final === null) {
    $("rv-final-label").textContent = "";
    score.className = "rv-score small";
    score.textContent = L.rvNoScore;
  } else {
    $("rv-final-label").textContent = L.rvFinal;
    score.textContent = "0.00";
    rv.count = { el: score, text: c.final, value: Number(c.final), at: countAt, ms: 1800 };
    if (c.rank !== null) {
      rank.textContent = fill(c.group ? L.rvRankGroup : L.rvRank, { rank: c.rank });
      steps.push({ el: rank, cls: "on", at: countAt + 1800 });
    }
    if (c.kind === "detail") {
      note.push(fill(L.rvBallots, { n: c.ballots }));
      note.push(c.median ? L.rvMedian : c.trim > 0 ? fill(L.rvTrimmed, { trim: c.trim }) : L.rvMean);
    } else if (c.heldUntil) note.push(L.rvRankLater);
  }
  const noteEl = $("rv-note");
  noteEl.textContent = note.join(" · ");
  steps.push({ el: noteEl, cls: "on", at: rv.count ? rv.count.at + 1800 : countAt });
  // A short SCREEN_REVEAL_S squeezes the steps so the score stands still for its last fifth.
  const last = Math.max(rv.count ? rv.count.at + rv.count.ms : 0, ...steps.map((x) => x.at));
  const room = 0.8 * c.durationMs;
  if (last > room) {
    const k = room / last;
    for (const x of steps) x.at *= k;
    if (rv.count) { rv.count.at *= k; rv.count.ms *= k; }
  }
  rv.steps = steps;
  for (const x of steps) x.el.classList.remove(x.cls);
  const box = $("rv");
  box.hidden = false;
  rvFit();
  void box.offsetWidth;
  box.classList.add("on");
  rvTick();
};
onState((s) => {
  const c = s.revealCard;
  // The chair moves on (opens the next round, or draws the order): the card gives way for good.
  if (!c || s.draw || s.current) { if (rv.key !== null) rvEnd(!s.draw); return; }
  const key = c.n + ":" + (s.serverNow - c.ageMs);
  const data = JSON.stringify({ ...c, ageMs: 0 });
  if (key === rv.ended || (key === rv.key && data === rv.data)) return;
  rv.key = key; rv.data = data;
  rvShow(s, c);
});
window.addEventListener("resize", () => { if (rv.key !== null) rvFit(); });
`;

export const revealPart: ScreenPart = { css, html, labels, script };
