// The end of a contest on the scoreboard: the final standings (the board shows them with prizes
// and bands once the contest has finished) with the formula line under them, until the link is
// revoked or expires (SCREEN_LINK_DAYS after the end; then the page says so, not "revoked").
// Its data is ScreenState.finale.
import type { ScreenPart } from "../screen-page.js";

const css = `
.finale { font-size: 3cqh; line-height: 1.35; color: var(--muted); text-align: center; padding: 1cqh 2cqw 0;
  border-top: 0.15cqh solid var(--line); }
.finale[hidden] { display: none; }
`;

const html = `<footer class="finale" id="finale" hidden></footer>`;

const script = `
onState((s) => {
  const box = $("finale");
  const wasHidden = box.hidden;
  box.hidden = !s.finale;
  box.textContent = s.finale ? s.finale.formula : "";
  // The board gets the room the line leaves it.
  if (wasHidden !== box.hidden) fit();
});
`;

/** What an open page says when its link expires (the page's "gone" banner). */
const labels: ScreenPart["labels"] = (t) => ({ expired: t("screen-final-expired") });

export const finalPart: ScreenPart = { css, html, labels, script };
