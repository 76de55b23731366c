// The scoreboard's clocks. A timed round (/open n <minutes>) shows its remaining time in the
// "now scoring" box, red in the last minute. The chair's speaking timer (/timer <minutes>) covers
// the board below that box with large digits, then says "time is up" until it is stopped or
// forgotten. Both tick in the page on the server's clock (serverTime()), from times in the state.
import type { ScreenPart } from "../screen-page.js";

const css = `
.round-clock { text-align: right; }
.round-clock[hidden] { display: none; }
.now.has-clock { grid-template-columns: minmax(0, 1fr) auto auto; }
.round-clock .label { font-size: 2.8cqh; color: var(--muted); }
.round-clock .value { font-size: 9cqh; font-weight: 800; line-height: 1; letter-spacing: 0.02em; }
.round-clock.last .value, .round-clock.last .label { color: #ff4d4f; }
.round-clock.last .value { animation: clock-pulse 1s steps(2, jump-none) infinite; }
@keyframes clock-pulse { 50% { opacity: 0.55; } }
/* The speaking timer covers the board, below the "now" box (its top is set by the script). */
.speaking { position: absolute; left: 3.6cqw; right: 3.6cqw; bottom: 3.2cqh; top: 30cqh; z-index: 20; container-type: size;
  display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 2cqh;
  background: var(--panel); border: 0.2cqh solid var(--line); border-top: 1cqh solid var(--accent); border-radius: 1.6cqh; }
.speaking[hidden] { display: none; }
.speaking .sline { display: flex; align-items: baseline; gap: 2cqw; max-width: 94%; font-size: 10cqh; }
.speaking .kicker { font-size: 1em; white-space: nowrap; }
.speaking .speaker { font-size: 1em; font-weight: 700; color: var(--muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.speaking .digits { font-size: 60cqh; font-weight: 800; line-height: 0.95; letter-spacing: 0.02em; }
.speaking .sbar { width: 80cqw; height: 3cqh; background: var(--line); border-radius: 2cqh; overflow: hidden; }
.speaking .sbar > i { display: block; height: 100%; width: 100%; background: var(--live); }
.speaking.last { border-top-color: #ff4d4f; }
.speaking.last .digits { color: #ff4d4f; }
.speaking.last .sbar > i { background: #ff4d4f; }
.speaking.over .digits { animation: clock-pulse 1s steps(2, jump-none) infinite; }
.speaking .up { position: absolute; right: 3cqw; top: 3cqh; font-size: 12cqh; font-weight: 800; color: #ff4d4f; }
`;

const html = `<div class="round-clock" id="round-clock" hidden><div class="label" id="round-clock-label"></div><div class="value" id="round-clock-value"></div></div>
<section class="speaking" id="speaking" hidden>
  <div class="sline"><span class="kicker" id="speaking-kicker"></span><span class="speaker" id="speaking-name"></span></div>
  <div class="digits" id="speaking-digits"></div>
  <div class="sbar"><i id="speaking-bar"></i></div>
  <div class="up" id="speaking-up"></div>
</section>`;

const script = `
  const roundClock = $("round-clock");
  $("now").insertBefore(roundClock, $("count"));
  $("round-clock-label").textContent = L.clockLeft;
  /** m:ss of what is left (rounded up, so "0:00" only once it is over). */
  const mmss = (ms) => { const s = Math.max(0, Math.ceil(ms / 1000)); return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0"); };
  const tickClocks = () => {
    const c = state.clocks;
    const round = c && c.round && state.current && state.current.n === c.round.n ? c.round : null;
    roundClock.hidden = !round;
    $("now").classList.toggle("has-clock", !!round);
    if (round) {
      const left = round.deadline - serverTime();
      $("round-clock-value").textContent = mmss(left);
      roundClock.classList.toggle("last", left <= 60000);
    }
    const sp = c && c.speaking && serverTime() < c.speaking.until ? c.speaking : null;
    const box = $("speaking");
    box.hidden = !sp;
    if (!sp) return;
    // Below the "now" box (or the header when it is hidden): the hall still sees who and the ballots.
    const now = $("now"), stage = $("stage");
    const above = now.hidden ? stage.querySelector("header") : now;
    const gap = stage.clientHeight * 0.024;
    box.style.top = Math.round(above.offsetTop + above.offsetHeight + gap) + "px";
    const left = sp.endsAt - serverTime();
    $("speaking-digits").textContent = mmss(left);
    box.classList.toggle("last", left <= 60000);
    box.classList.toggle("over", left <= 0);
    $("speaking-up").textContent = left <= 0 ? L.clockTimeUp : "";
    const total = Math.max(1, sp.endsAt - sp.startedAt);
    $("speaking-bar").style.width = Math.max(0, Math.min(100, (100 * left) / total)) + "%";
  };
  onState((s) => {
    const sp = s.clocks && s.clocks.speaking;
    $("speaking-kicker").textContent = L.clockSpeaking;
    $("speaking-name").textContent = sp && sp.name ? (sp.place ? fill(L.clockSpeakerMoved, { n: sp.place, unit: sp.n, name: sp.name }) : fill(L.clockSpeaker, { n: sp.n, name: sp.name })) : "";
    tickClocks();
  });
  setInterval(tickClocks, 250);
`;

export const clocksPart: ScreenPart = {
  css,
  html,
  labels: (t) => ({
    clockLeft: t("screen-clocks-left"),
    clockSpeaking: t("screen-clocks-speaking"),
    clockSpeaker: t("screen-clocks-speaker", { n: "{n}", moved: "no", unit: "{unit}", name: "{name}" }),
    clockSpeakerMoved: t("screen-clocks-speaker", { n: "{n}", moved: "yes", unit: "{unit}", name: "{name}" }),
    clockTimeUp: t("screen-clocks-time-up"),
  }),
  script,
};
