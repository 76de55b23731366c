// The scoreboard's clocks. A timed round (/open n <minutes>) shows its remaining time in the
// "now scoring" box, red in the last minute. The chair's speaking timer (/timer <minutes>) fills
// the stage with large digits for the presenter, then says "time is up" until it is stopped or
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
.speaking { position: absolute; inset: 0; z-index: 20; display: flex; flex-direction: column; align-items: center; justify-content: center;
  gap: 1.6cqh; background: radial-gradient(120% 90% at 50% 0%, #12275a 0%, var(--bg) 60%); padding: 4cqh 4cqw; }
.speaking[hidden] { display: none; }
.speaking .kicker { font-size: 4.2cqh; }
.speaking .speaker { font-size: 8cqh; font-weight: 800; max-width: 100%; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.speaking .digits { font-size: 40cqh; font-weight: 800; line-height: 1; letter-spacing: 0.02em; }
.speaking .sbar { width: 70cqw; height: 2cqh; background: var(--line); border-radius: 1cqh; overflow: hidden; }
.speaking .sbar > i { display: block; height: 100%; width: 100%; background: var(--live); }
.speaking.last .digits { color: #ff4d4f; }
.speaking.last .sbar > i { background: #ff4d4f; }
.speaking.over .digits { color: #ff4d4f; animation: clock-pulse 1s steps(2, jump-none) infinite; }
.speaking .up { font-size: 6cqh; font-weight: 800; color: #ff4d4f; min-height: 7cqh; }
`;

const html = `<div class="round-clock" id="round-clock" hidden><div class="label" id="round-clock-label"></div><div class="value" id="round-clock-value"></div></div>
<section class="speaking" id="speaking" hidden>
  <div class="kicker" id="speaking-kicker"></div>
  <div class="speaker" id="speaking-name"></div>
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
    $("speaking-name").textContent = sp && sp.name ? fill(L.clockSpeaker, { n: sp.n, name: sp.name }) : "";
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
    clockSpeaker: t("screen-clocks-speaker", { n: "{n}", name: "{name}" }),
    clockTimeUp: t("screen-clocks-time-up"),
  }),
  script,
};
