// The Mini App ballot in-process: the real bot (harness), its Mini App routes on a Hono app, and
// a judge's requests signed like Telegram signs them.
import { Hono } from "hono";
import { pino } from "pino";
import { createHarness, GROUP, type Harness } from "../bot/harness.js";
import { chair, contestOf, judges, setUpMeeting } from "../bot/integrity-support.js";
import { createBallotRoutes } from "../../src/http/app/ballot-routes.js";
import { createInitDataCheck } from "../../src/http/app/init-data.js";
import { BALLOT_APP_PATH } from "../../src/bot/ballot-app-link.js";
import type { TestUser } from "../support/bot-api-server.js";
import type { ContestSetup } from "../../src/domain/contest.js";
import { signedInitData } from "../support/init-data.js";

export const PUBLIC_URL = "https://score.example.org";

export const createBallotAppHarness = async (options: { maxAgeS?: number } = {}) => {
  const h: Harness = await createHarness({
    bot: { config: { DEFAULT_LOCALE: "zh-CN", COUNTER_EDIT_INTERVAL_S: 0, TELEGRAM_API_ROOT: "http://127.0.0.1:1", PUBLIC_URL } },
  });
  const routes = createBallotRoutes({
    ballotApp: h.ballotApp,
    checkInitData: createInitDataCheck({ botToken: h.model.token, maxAgeS: options.maxAgeS ?? 3600 }),
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
    defaultLocale: "zh-CN",
  });
  const app = new Hono().route(BALLOT_APP_PATH, routes.app);

  let contestId = "";

  /**
   * A request of `user`'s Mini App for `presenter` of the contest openRound made; `initData`
   * replaces the one signed for `user` now (null: none at all).
   */
  const request = async (
    user: TestUser,
    method: "GET" | "PUT" | "POST",
    path: string,
    options: { body?: unknown; rawBody?: string; initData?: string | null; presenter?: number; contestId?: string } = {},
  ) => {
    const initData = options.initData === undefined ? signedInitData(user, h.model.token) : options.initData;
    const headers: Record<string, string> = {};
    if (initData !== null) headers.Authorization = `tma ${initData}`;
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (body !== undefined) headers["Content-Type"] = "application/json";
    return app.request(`${BALLOT_APP_PATH}/${options.contestId ?? contestId}/${options.presenter ?? 0}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
  };

  /** The meeting of integrity-support (3 judges, 4 criteria 30/30/20/20, 3 presenters), round 1 open. */
  const openRound = async (setup: Partial<ContestSetup> = {}) => {
    await setUpMeeting(h, judges, setup);
    await h.say(chair, GROUP, "/open");
    const contest = await contestOf(h);
    contestId = contest.id;
    return contest;
  };

  return { h, app, request, openRound };
};
export type BallotAppHarness = Awaited<ReturnType<typeof createBallotAppHarness>>;
