// The judges' Mini App ballot over HTTP, mounted at /app/ballot:
//
//   GET  /:contest/:presenter           the page (self-contained; the same for everyone)
//   GET  /:contest/:presenter/state     the judge's ballot as the page shows it
//   PUT  /:contest/:presenter/draft     {"criterion": i, "value": v}: one value into the shared draft
//   POST /:contest/:presenter/submit    {"scores": [..]}: every score at once, submitted
//
// Every request but the page carries Telegram's initData ("Authorization: tma <initData>"), checked
// by init-data.ts: none or a bad one 401, too old 401; the judge is the user of the checked data
// only. Not a judge of the contest (or conflicted with the presenter): 403. The answers are those
// of the buttons (bot/ballot-app.ts calls the same store steps), in the contest's language.
import { randomBytes } from "node:crypto";
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { ContestIdSchema, LOCALES, MAX_DECIMALS, type Locale } from "../../domain/contest.js";
import type { BallotApp, BallotAppAnswer, BallotAppRefusal } from "../../bot/ballot-app.js";
import { createI18n, type Translate } from "../../bot/i18n.js";
import type { Logger } from "../../logger.js";
import type { CheckInitData, InitDataUser } from "./init-data.js";
import { ballotPage } from "./ballot-page.js";

export type BallotRoutesDeps = {
  ballotApp: BallotApp;
  checkInitData: CheckInitData;
  logger: Logger;
  defaultLocale: Locale;
};

/** Request bodies are a few dozen bytes; anything over this is refused before it is read. */
export const MAX_BODY_BYTES = 2048;

const HEADERS = {
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
  "X-Content-Type-Options": "nosniff",
} as const;

const STATUS: Record<BallotAppRefusal, 403 | 404 | 409 | 422> = {
  NO_CONTEST: 404,
  NOT_JUDGE: 403,
  CONFLICT: 403,
  ROUND_CLOSED: 409,
  CONTEST_ENDED: 409,
  BAD_SCORE: 422,
  INCOMPLETE: 422,
};

const ParamsSchema = z.object({ contest: ContestIdSchema, presenter: z.string().regex(/^\d{1,4}$/).transform(Number) });

const hasAtMostTwoDecimals = (value: number) => Math.abs(value * 10 ** MAX_DECIMALS - Math.round(value * 10 ** MAX_DECIMALS)) < 1e-6;
const Score = z.number().finite();
const DraftBodySchema = z.strictObject({ criterion: z.number().int().min(0).max(99), value: Score });
const SubmitBodySchema = z.strictObject({ scores: z.array(Score).min(1).max(20) });

export const createBallotRoutes = (deps: BallotRoutesDeps) => {
  const { ballotApp, logger } = deps;
  const i18n = createI18n(deps.defaultLocale);
  const translators = Object.fromEntries(LOCALES.map((locale) => [locale, ((key, vars) => i18n.t(locale, key, vars)) as Translate])) as Record<
    Locale,
    Translate
  >;
  const t = translators[deps.defaultLocale];

  const fail = (c: Context, status: 400 | 401 | 413, key: string, code: string) => c.json({ error: code, message: t(key) }, status, HEADERS);

  const answer = (c: Context, result: BallotAppAnswer) =>
    result.ok
      ? c.json({ state: result.state, ...(result.message ? { message: result.message } : {}) }, 200, HEADERS)
      : c.json({ error: result.code, message: result.message }, STATUS[result.code], HEADERS);

  /** The route's contest and presenter, and the judge from checked initData; or the refusal. */
  const who = (c: Context): { contest: string; presenter: number; user: InitDataUser } | Response => {
    const params = ParamsSchema.safeParse(c.req.param());
    if (!params.success) return c.json({ error: "NO_CONTEST", message: t("miniapp-no-contest") }, 404, HEADERS);
    const header = c.req.header("Authorization") ?? "";
    const raw = header.startsWith("tma ") ? header.slice(4) : undefined;
    const checked = deps.checkInitData(raw);
    if (!checked.ok) {
      logger.info({ reason: checked.reason, path: c.req.path }, "mini app request refused: initData");
      return fail(c, 401, checked.reason === "expired" ? "miniapp-expired" : "miniapp-unauthorized", checked.reason === "expired" ? "EXPIRED" : "UNAUTHORIZED");
    }
    return { contest: params.data.contest, presenter: params.data.presenter, user: checked.user };
  };

  const readBody = async <T>(c: Context, schema: z.ZodType<T>): Promise<T | Response> => {
    let json: unknown;
    try {
      json = await c.req.json();
    } catch {
      return fail(c, 400, "miniapp-bad-request", "BAD_REQUEST");
    }
    const parsed = schema.safeParse(json);
    return parsed.success ? parsed.data : fail(c, 400, "miniapp-bad-request", "BAD_REQUEST");
  };

  const app = new Hono();
  const limit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => fail(c, 413, "miniapp-too-large", "TOO_LARGE") });

  app.get("/:contest/:presenter", (c) => {
    if (!ParamsSchema.safeParse(c.req.param()).success) return c.json({ error: "NO_CONTEST", message: t("miniapp-no-contest") }, 404, HEADERS);
    const nonce = randomBytes(16).toString("base64");
    return c.html(ballotPage({ nonce, defaultLocale: deps.defaultLocale, translators }), 200, {
      ...HEADERS,
      "Content-Security-Policy": `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors https://web.telegram.org`,
    });
  });

  app.get("/:contest/:presenter/state", async (c) => {
    const request = who(c);
    if (request instanceof Response) return request;
    return answer(c, await ballotApp.load(request.contest, request.presenter, request.user.id));
  });

  app.put("/:contest/:presenter/draft", limit, async (c) => {
    const request = who(c);
    if (request instanceof Response) return request;
    const body = await readBody(c, DraftBodySchema);
    if (body instanceof Response) return body;
    if (!hasAtMostTwoDecimals(body.value)) return answer(c, await ballotApp.refuseScore(request.contest, request.presenter, request.user.id));
    return answer(c, await ballotApp.saveDraft(request.contest, request.presenter, request.user.id, body.criterion, body.value));
  });

  app.post("/:contest/:presenter/submit", limit, async (c) => {
    const request = who(c);
    if (request instanceof Response) return request;
    const body = await readBody(c, SubmitBodySchema);
    if (body instanceof Response) return body;
    if (!body.scores.every(hasAtMostTwoDecimals)) return answer(c, await ballotApp.refuseScore(request.contest, request.presenter, request.user.id));
    return answer(c, await ballotApp.submit(request.contest, request.presenter, request.user.id, body.scores));
  });

  return { app };
};
