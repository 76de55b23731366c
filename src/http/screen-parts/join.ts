// The scoreboard's join view (/screen join, or the console's button): for meetings where everyone
// present scores, each panel's join QR code (drawn on the server, an <img> of a data: URL) with
// the number of judges who joined it, live. /screen board (or the button) brings the board back.
import type { ScreenPart } from "../screen-page.js";

const css = `
.join-view { position: absolute; inset: 0; z-index: 15; display: flex; flex-direction: column; align-items: center;
  gap: 2.4cqh; padding: 3.6cqh 3.6cqw; background: radial-gradient(120% 90% at 50% 0%, #12275a 0%, var(--bg) 60%); }
.join-view[hidden] { display: none; }
.join-head { width: 100%; display: flex; align-items: baseline; gap: 2cqw; }
.join-head h2 { font-size: 7cqh; font-weight: 800; color: var(--accent); white-space: nowrap; }
.join-head .jtitle { flex: 1; min-width: 0; font-size: 4cqh; color: var(--muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.join-head .jtotal { font-size: 5cqh; font-weight: 800; white-space: nowrap; }
.join-cards { flex: 1; min-height: 0; width: 100%; display: grid; gap: 2.4cqh 2cqw; align-content: center; justify-content: center; }
.join-card { display: flex; flex-direction: column; align-items: center; gap: 1cqh; background: var(--panel);
  border: 0.2cqh solid var(--line); border-radius: 1.6cqh; padding: 1.6cqh 1.6cqw; min-width: 0; }
.join-card .jname { font-size: 4.4cqh; font-weight: 800; max-width: 100%; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.join-card img { width: var(--qr); height: var(--qr); background: #fff; border-radius: 1cqh; image-rendering: pixelated; }
.join-card .jcount { font-size: 4.4cqh; font-weight: 700; color: var(--live); }
.join-card .jcount.bump { animation: fresh 2.4s ease-out; }
.join-none { font-size: 4cqh; color: var(--muted); }
`;

const html = `<section class="join-view" id="join-view" hidden>
  <div class="join-head"><h2 id="join-heading"></h2><div class="jtitle" id="join-title"></div><div class="jtotal" id="join-total"></div></div>
  <div class="join-cards" id="join-cards"></div>
</section>`;

const script = `
  let joinCounts = new Map();
  onState((s) => {
    const box = $("join-view");
    const j = s.join;
    box.hidden = !j;
    if (!j) { joinCounts = new Map(); return; }
    $("join-heading").textContent = L.joinHeading;
    $("join-title").textContent = s.title;
    $("join-total").textContent = fill(L.joinTotal, { n: j.joined });
    const cards = $("join-cards");
    const n = j.panels.length;
    if (n === 0) { cards.dataset.key = ""; cards.replaceChildren(el("div", "join-none", L.joinNone)); return; }
    const next = new Map();
    const key = j.panels.map((p) => p.url + "|" + (p.name || "")).join("\\n");
    if (cards.dataset.key !== key) {
      const cols = n <= 3 ? n : Math.ceil(n / 2);
      const rows = Math.ceil(n / cols);
      const high = (72 - rows * 13) / rows;
      const wide = (92 - (cols - 1) * 2) / cols - 4;
      cards.style.gridTemplateColumns = "repeat(" + cols + ", auto)";
      cards.style.setProperty("--qr", "min(" + high.toFixed(1) + "cqh, " + wide.toFixed(1) + "cqw)");
      cards.replaceChildren(...j.panels.map((p) => {
        const card = el("div", "join-card");
        if (p.name) card.append(el("div", "jname", p.name));
        const img = el("img");
        img.src = p.qr;
        img.alt = p.name || L.joinHeading;
        card.append(img, el("div", "jcount"));
        return card;
      }));
      cards.dataset.key = key;
    }
    j.panels.forEach((p, i) => {
      const count = cards.children[i].querySelector(".jcount");
      count.textContent = fill(L.joinJoined, { n: p.joined });
      if (joinCounts.has(i) && joinCounts.get(i) !== p.joined) { count.classList.remove("bump"); void count.offsetWidth; count.classList.add("bump"); }
      next.set(i, p.joined);
    });
    joinCounts = next;
  });
`;

export const joinPart: ScreenPart = {
  css,
  html,
  labels: (t) => ({
    joinHeading: t("screen-join-heading"),
    joinTotal: t("screen-join-total", { n: "{n}" }),
    joinJoined: t("screen-join-joined", { n: "{n}" }),
    joinNone: t("screen-join-none"),
  }),
  script,
};
