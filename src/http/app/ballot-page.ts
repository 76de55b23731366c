// The judge's Mini App page: one self-contained HTML document (inline CSS and JS; it fetches
// nothing but its own /state, /draft and /submit). Telegram hands it the launch parameters in the
// URL hash (tgWebAppData = initData, tgWebAppThemeParams); the few client events it sends
// (ready, expand, haptics) go through the client's own bridge, so no outside script is loaded.
// Every contest-supplied text is put in with textContent, never as HTML.
import type { Locale } from "../../domain/contest.js";
import { LOCALES } from "../../domain/contest.js";
import type { Translate } from "../../bot/i18n.js";

/** JSON that is safe inside a <script> element. */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");

/** Page texts, with {name} placeholders the script fills in. */
export const ballotPageLabels = (t: Translate) => ({
  loading: t("miniapp-page-loading"),
  presenter: t("miniapp-page-presenter", { n: "{n}", total: "{total}", moved: "no", unit: "{unit}", name: "{name}" }),
  /** The same, when a draw moved the unit: its presenting place {n} and its setup number {unit}. */
  presenterMoved: t("miniapp-page-presenter", { n: "{n}", total: "{total}", moved: "yes", unit: "{unit}", name: "{name}" }),
  range: t("miniapp-page-range", { max: "{max}" }),
  step: t("miniapp-page-step", { step: "{step}" }),
  grade: t("miniapp-page-grade", { grade: "{grade}" }),
  noGrade: t("miniapp-page-no-grade"),
  notScored: t("miniapp-page-not-scored"),
  decrease: t("miniapp-page-decrease"),
  increase: t("miniapp-page-increase"),
  total: t("ballot-total", { total: "{total}" }),
  totalScaled: t("ballot-total-scaled", { total: "{total}", sum: "{sum}" }),
  incomplete: t("ballot-incomplete"),
  submit: t("miniapp-page-submit"),
  resubmit: t("miniapp-page-resubmit"),
  sending: t("miniapp-page-sending"),
  submitted: t("ballot-submitted", { version: "{version}", time: "{time}" }),
  unsaved: t("ballot-unsaved"),
  abstained: t("abstain-done", { version: "{version}", time: "{time}" }),
  closed: t("ballot-closed"),
  abstainedClosed: t("abstain-closed"),
  notSubmitted: t("ballot-not-submitted"),
  notOpen: t("miniapp-page-not-open"),
  saved: t("miniapp-draft-saved"),
  network: t("miniapp-page-network"),
  unauthorized: t("miniapp-unauthorized"),
  offStep: t("miniapp-page-off-step", { max: "{max}", step: "{step}" }),
});
export type BallotPageLabels = ReturnType<typeof ballotPageLabels>;

const FONTS = `-apple-system, "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "Helvetica Neue", Roboto, Arial, sans-serif`;

// Telegram's theme (themeParams) arrives as CSS variables set by the script; these are the
// fallbacks outside Telegram.
const STYLE = `
:root { --bg: #ffffff; --text: #111111; --hint: #707579; --link: #2481cc; --button: #2481cc; --button-text: #ffffff;
  --secondary-bg: #f1f1f4; --section-bg: #ffffff; --accent: #2481cc; --destructive: #e53935; --line: rgba(127,127,127,.25); }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--secondary-bg); color: var(--text); font-family: ${FONTS}; font-size: 19px; line-height: 1.45;
  font-variant-numeric: tabular-nums; padding-bottom: 150px; }
header { padding: 18px 18px 8px; }
h1 { font-size: 22px; margin: 0 0 4px; font-weight: 700; }
.presenter { font-size: 26px; font-weight: 800; margin: 0; }
.banner { margin: 8px 14px; padding: 12px 14px; border-radius: 12px; background: var(--section-bg); border-left: 5px solid var(--accent); font-size: 18px; }
.banner.warn { border-left-color: #f5a623; }
.banner.error { border-left-color: var(--destructive); color: var(--destructive); }
.banner:empty { display: none; }
.card { background: var(--section-bg); margin: 12px 14px; border-radius: 16px; padding: 16px; border: 1px solid var(--line); }
.card h2 { font-size: 22px; margin: 0; display: flex; justify-content: space-between; gap: 8px; align-items: baseline; }
.card h2 .range { font-size: 17px; color: var(--hint); font-weight: 400; white-space: nowrap; }
.desc { color: var(--hint); margin: 6px 0 0; font-size: 17px; }
.grades { display: grid; grid-template-columns: repeat(auto-fit, minmax(70px, 1fr)); gap: 6px; margin-top: 12px; }
.grades button { font: inherit; font-size: 16px; border: 1px solid var(--line); background: var(--secondary-bg); color: var(--text);
  border-radius: 999px; padding: 6px 2px; min-height: 44px; white-space: nowrap; }
.grades button.on { background: var(--button); color: var(--button-text); border-color: var(--button); }
.stepper { display: grid; grid-template-columns: 64px 1fr 64px; gap: 10px; margin-top: 14px; align-items: stretch; }
.stepper button { font: inherit; font-size: 34px; font-weight: 700; border: 0; border-radius: 14px; min-height: 64px;
  background: var(--button); color: var(--button-text); touch-action: manipulation; }
.stepper input { font: inherit; font-size: 34px; font-weight: 800; text-align: center; width: 100%; min-height: 64px;
  border: 2px solid var(--line); border-radius: 14px; background: var(--bg); color: var(--text); }
.stepper input:focus { outline: none; border-color: var(--accent); }
.stepper input.bad { border-color: var(--destructive); }
button:disabled, input:disabled { opacity: .45; }
.now { margin-top: 8px; color: var(--hint); font-size: 17px; min-height: 1.45em; }
footer { position: fixed; left: 0; right: 0; bottom: 0; background: var(--bg); border-top: 1px solid var(--line);
  padding: 12px 14px calc(12px + env(safe-area-inset-bottom)); display: grid; gap: 10px; }
.total { font-size: 24px; font-weight: 800; display: flex; justify-content: space-between; align-items: baseline; }
.total small { font-size: 15px; color: var(--hint); font-weight: 400; }
#submit { font: inherit; font-size: 21px; font-weight: 700; min-height: 56px; border: 0; border-radius: 14px;
  background: var(--button); color: var(--button-text); }
[hidden] { display: none !important; }
`;

// The page's script. Kept in ES2019 without a build step; runs with the labels and locale data
// the server put in #data.
const SCRIPT = `
"use strict";
(function () {
  var boot = JSON.parse(document.getElementById("data").textContent);
  var api = location.pathname.replace(/\\/+$/, "");
  var hash = new URLSearchParams(location.hash.slice(1));
  var tg = (window.Telegram && window.Telegram.WebApp) || null;
  var initData = (tg && tg.initData) || hash.get("tgWebAppData") || "";
  var theme = (tg && tg.themeParams) || parseJson(hash.get("tgWebAppThemeParams")) || {};
  var locale = pickLocale();
  var L = boot.labels[locale];
  var state = null, values = [], busy = false, timers = {};
  var $ = function (id) { return document.getElementById(id); };

  function parseJson(text) { try { return text ? JSON.parse(text) : null; } catch (e) { return null; } }
  function pickLocale() {
    var user = parseJson(new URLSearchParams(initData).get("user")) || {};
    var code = String(user.language_code || navigator.language || "");
    return code.toLowerCase().indexOf("en") === 0 ? "en" : boot.defaultLocale;
  }
  function fill(text, vars) { return text.replace(/\\{(\\w+)\\}/g, function (m, k) { return vars[k] === undefined ? m : String(vars[k]); }); }
  // Telegram's bridge: the mobile and desktop clients inject TelegramWebviewProxy; the web client listens for messages.
  function postEvent(type, data) {
    var body = JSON.stringify(data || {});
    try {
      if (window.TelegramWebviewProxy) window.TelegramWebviewProxy.postEvent(type, body);
      else if (window.external && "notify" in window.external) window.external.notify(JSON.stringify({ eventType: type, eventData: data || {} }));
      else if (window.parent !== window) window.parent.postMessage(JSON.stringify({ eventType: type, eventData: data || {} }), "https://web.telegram.org");
    } catch (e) { /* outside Telegram */ }
  }
  function applyTheme(params) {
    var map = { bg_color: "--bg", text_color: "--text", hint_color: "--hint", link_color: "--link", button_color: "--button",
      button_text_color: "--button-text", secondary_bg_color: "--secondary-bg", section_bg_color: "--section-bg",
      accent_text_color: "--accent", destructive_text_color: "--destructive" };
    Object.keys(map).forEach(function (key) {
      if (typeof params[key] === "string" && /^#[0-9a-fA-F]{3,8}$/.test(params[key])) document.documentElement.style.setProperty(map[key], params[key]);
    });
  }
  function onClientEvent(type, data) { if (type === "theme_changed" && data && data.theme_params) applyTheme(data.theme_params); }
  window.Telegram = window.Telegram || {};
  window.Telegram.WebView = window.Telegram.WebView || { receiveEvent: onClientEvent };
  window.addEventListener("message", function (e) { var m = parseJson(typeof e.data === "string" ? e.data : ""); if (m && m.eventType) onClientEvent(m.eventType, m.eventData); });

  // Scores in hundredths, so that steps like 0.5 or 0.1 add up exactly.
  function hundredths(v) { return Math.round(v * 100); }
  function fmt(v) { return String(Math.round(v * 100) / 100); }
  function allowed(c, v) { var h = hundredths(v); return isFinite(v) && Math.abs(v * 100 - h) < 1e-6 && h >= 0 && h <= hundredths(c.max) && h % hundredths(c.step) === 0; }
  function gradeOf(c, v) { return (c.grades || []).filter(function (g) { return v !== null && v >= g.min && v <= g.max; })[0]; }

  function banner(text, kind) { var b = $("banner"); b.textContent = text || ""; b.className = "banner" + (kind ? " " + kind : ""); }
  function time(ms) { return new Date(ms).toLocaleTimeString(state.language, { hour12: false }); }

  function request(method, path, body) {
    return fetch(api + path, {
      method: method,
      headers: Object.assign({ Authorization: "tma " + initData }, body ? { "Content-Type": "application/json" } : {}),
      body: body ? JSON.stringify(body) : undefined,
      cache: "no-store",
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) { return { status: response.status, json: json }; });
    });
  }

  function render() {
    L = boot.labels[state.language] || L;
    document.documentElement.lang = state.language;
    document.title = state.title;
    $("title").textContent = state.title;
    var p = state.presenter;
    $("presenter").textContent = p.place
      ? fill(L.presenterMoved, { n: p.place, total: p.total, unit: p.index + 1, name: p.name })
      : fill(L.presenter, { n: p.index + 1, total: p.total, name: p.name });
    var list = $("criteria");
    list.textContent = "";
    state.criteria.forEach(function (c, i) { list.appendChild(card(c, i)); });
    update();
  }

  function card(c, i) {
    var el = document.createElement("section");
    el.className = "card";
    el.dataset.criterion = String(i);
    var h = document.createElement("h2");
    var name = document.createElement("span"); name.textContent = c.name;
    var range = document.createElement("span"); range.className = "range";
    range.textContent = fill(L.range, { max: fmt(c.max) }) + (c.step === 1 ? "" : " · " + fill(L.step, { step: fmt(c.step) }));
    h.appendChild(name); h.appendChild(range); el.appendChild(h);
    if (c.description) { var d = document.createElement("p"); d.className = "desc"; d.textContent = c.description; el.appendChild(d); }
    if (c.grades) {
      var gs = document.createElement("div"); gs.className = "grades";
      c.grades.forEach(function (g) {
        var b = document.createElement("button"); b.type = "button";
        b.textContent = g.name + " " + fmt(g.min) + "–" + fmt(g.max);
        b.addEventListener("click", function () { var v = values[i]; if (v === null || v < g.min || v > g.max) set(i, g.max); });
        gs.appendChild(b);
      });
      el.appendChild(gs);
    }
    var s = document.createElement("div"); s.className = "stepper";
    var minus = document.createElement("button"); minus.type = "button"; minus.textContent = "−"; minus.setAttribute("aria-label", L.decrease); minus.className = "minus";
    var input = document.createElement("input"); input.type = "number"; input.inputMode = "decimal"; input.min = "0";
    input.max = String(c.max); input.step = String(c.step); input.setAttribute("aria-label", c.name);
    var plus = document.createElement("button"); plus.type = "button"; plus.textContent = "+"; plus.setAttribute("aria-label", L.increase); plus.className = "plus";
    minus.addEventListener("click", function () { bump(i, -1); });
    plus.addEventListener("click", function () { bump(i, 1); });
    input.addEventListener("input", function () {
      var v = input.value === "" ? null : Number(input.value);
      if (v === null) { values[i] = null; input.classList.remove("bad"); update(); return; }
      if (allowed(c, v)) { input.classList.remove("bad"); set(i, v, true); }
      else { input.classList.add("bad"); values[i] = null; $("now-" + i).textContent = fill(L.offStep, { max: fmt(c.max), step: fmt(c.step) }); update(); }
    });
    s.appendChild(minus); s.appendChild(input); s.appendChild(plus); el.appendChild(s);
    var now = document.createElement("div"); now.className = "now"; now.id = "now-" + i; el.appendChild(now);
    return el;
  }

  function bump(i, direction) {
    var c = state.criteria[i], v = values[i];
    var next = v === null ? (direction > 0 ? 0 : c.max) : (hundredths(v) + direction * hundredths(c.step)) / 100;
    if (next < 0 || next > c.max) return;
    set(i, next);
  }

  function set(i, v, typed) {
    values[i] = v;
    var input = document.querySelector('[data-criterion="' + i + '"] input');
    if (!typed) { input.value = fmt(v); input.classList.remove("bad"); }
    update();
    saveDraft(i);
  }

  // Each change is kept in the shared draft (the buttons see it too), a moment after the last one.
  function saveDraft(i) {
    clearTimeout(timers[i]);
    timers[i] = setTimeout(function () {
      if (values[i] === null || !state.open) return;
      request("PUT", "/draft", { criterion: i, value: values[i] }).then(function (r) {
        if (r.status !== 200) { banner(r.json.message || L.network, "error"); if (r.status === 409) load(); }
      }, function () { banner(L.network, "error"); });
    }, 500);
  }

  function same(a, b) { return !!a && !!b && a.length === b.length && a.every(function (v, i) { return v === b[i]; }); }

  function totalText() {
    var sum = 0, weighted = 0, weights = 0;
    for (var i = 0; i < state.criteria.length; i++) {
      var c = state.criteria[i], v = values[i], w = c.weight === undefined ? c.max : c.weight;
      if (v === null) return null;
      sum += v; weighted += w * v / c.max; weights += w;
    }
    var total = (Math.round((100 * weighted / weights) * 100 + 1e-6) / 100).toFixed(2);
    var plain = Number(total) === Math.round(sum * 100) / 100;
    return plain ? fill(L.total, { total: total }) : fill(L.totalScaled, { total: total, sum: fmt(sum) });
  }

  function update() {
    var open = state.open;
    state.criteria.forEach(function (c, i) {
      var el = document.querySelector('[data-criterion="' + i + '"]');
      var v = values[i];
      var input = el.querySelector("input");
      if (document.activeElement !== input) input.value = v === null ? "" : fmt(v);
      input.disabled = !open;
      el.querySelector(".minus").disabled = !open || v === null || v <= 0;
      el.querySelector(".plus").disabled = !open || (v !== null && v >= c.max);
      var g = gradeOf(c, v);
      Array.prototype.forEach.call(el.querySelectorAll(".grades button"), function (b, j) { b.disabled = !open; b.classList.toggle("on", !!g && c.grades[j] === g); });
      if (!input.classList.contains("bad"))
        $("now-" + i).textContent = v === null ? L.notScored : c.grades ? fill(L.grade, { grade: g ? g.name : L.noGrade }) : "";
    });
    var total = totalText();
    $("total").textContent = total || L.incomplete;
    var scores = values.every(function (v) { return v !== null; }) ? values.slice() : null;
    var ballot = state.ballot;
    var button = $("submit");
    button.hidden = !open;
    button.textContent = busy ? L.sending : ballot ? L.resubmit : L.submit;
    button.disabled = busy || !scores || (!!ballot && !ballot.abstain && same(scores, ballot.scores));
    $("status").textContent = !open
      ? (state.round === null ? L.notOpen : ballot ? (ballot.abstain ? L.abstainedClosed : L.closed) : L.notSubmitted)
      : ballot
        ? (ballot.abstain ? fill(L.abstained, { version: ballot.version, time: time(ballot.submittedAt) }) : fill(L.submitted, { version: ballot.version, time: time(ballot.submittedAt) }) + (scores && same(scores, ballot.scores) ? "" : " " + L.unsaved))
        : "";
  }

  function show(next) {
    state = next;
    // An open ballot shows the draft (where changes are kept); a closed one what was submitted.
    values = state.criteria.map(function (c, i) {
      var v = state.open || !state.ballot ? state.draft[String(i)] : state.ballot.scores[i];
      return v === undefined ? null : v;
    });
    render();
  }

  function load() {
    return request("GET", "/state").then(function (r) {
      if (r.status !== 200) { banner(r.json.message || L.unauthorized, "error"); $("loading").hidden = true; return; }
      $("loading").hidden = true;
      show(r.json.state);
    }, function () { banner(L.network, "error"); });
  }

  $("submit").addEventListener("click", function () {
    if (busy) return;
    busy = true; update();
    Object.keys(timers).forEach(function (k) { clearTimeout(timers[k]); });
    request("POST", "/submit", { scores: values }).then(function (r) {
      busy = false;
      if (r.status === 200) {
        // The status line says it ("✅ 已提交（第 n 版，time）"); the server's words are for screen readers.
        banner("", "");
        $("status").setAttribute("aria-label", r.json.message || "");
        postEvent("web_app_trigger_haptic_feedback", { type: "notification", notification_type: "success" });
        show(r.json.state);
      } else {
        banner(r.json.message || L.network, "error");
        postEvent("web_app_trigger_haptic_feedback", { type: "notification", notification_type: "error" });
        if (r.status === 409) load(); else update();
      }
    }, function () { busy = false; banner(L.network, "error"); update(); });
  });

  applyTheme(theme);
  document.documentElement.lang = locale;
  $("loading").textContent = L.loading;
  postEvent("web_app_ready");
  postEvent("web_app_expand");
  postEvent("web_app_request_theme");
  if (!initData) { $("loading").hidden = true; banner(L.unauthorized, "error"); return; }
  load();
})();
`;

export type BallotPageInput = {
  nonce: string;
  defaultLocale: Locale;
  translators: Record<Locale, Translate>;
};

export const ballotPage = ({ nonce, defaultLocale, translators }: BallotPageInput): string => {
  const labels = Object.fromEntries(LOCALES.map((locale) => [locale, ballotPageLabels(translators[locale])]));
  return `<!doctype html>
<html lang="${defaultLocale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>📝</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1 id="title"></h1>
  <p class="presenter" id="presenter"></p>
</header>
<div class="banner" id="status"></div>
<div class="banner" id="banner" role="alert"></div>
<div class="banner" id="loading"></div>
<main id="criteria"></main>
<footer>
  <div class="total" id="total"></div>
  <button type="button" id="submit" hidden></button>
</footer>
<script type="application/json" id="data">${scriptJson({ defaultLocale, labels })}</script>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
};
