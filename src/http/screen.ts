// The scoreboard for the projector: a read-only page per contest link, its state as JSON, and a
// server-sent event stream fed by Redis pub/sub, so a change handled by any replica reaches it.
//
//   GET <base>/:token             the page (404 page for an unknown or revoked link)
//   GET <base>/:token/state.json  what the page shows (see screen-state.ts)
//   GET <base>/:token/events      SSE: "state" (the full state) on connect and after every
//                                 change, "gone" when the link is revoked, "ping" every 15 s
//
// A link also stops working `linkDays` after its contest ended (finished or cancelled): all three
// answer 404 then, and an open stream is told "gone" at its next keep-alive.
//
// Mount with `app.route("/screen", createScreenRoutes(deps).app)`.
import { randomBytes } from "node:crypto";
import { Hono, type Context } from "hono";
import { streamSSE, type SSEStreamingApi } from "hono/streaming";
import type { Locale } from "../domain/contest.js";
import { screenLinkExpired } from "../domain/screen-link.js";
import type { Logger } from "../logger.js";
import { createI18n, type Translate } from "../bot/i18n.js";
import { subscribeContestEvents, type ContestEvent, type ContestEventSubscription } from "../store/events.js";
import type { Store } from "../store/store.js";
import { loadScreenState, type ScreenStateContext } from "./screen-state.js";
import { notFoundPage, screenPage } from "./screen-page.js";

export type ScreenRoutesDeps = {
  store: Store;
  logger: Logger;
  /** Language of the 404 page's first line. Default zh-CN. */
  defaultLocale?: Locale;
  /** Milliseconds between keep-alive events. Default 15 000. */
  heartbeatMs?: number;
  /** The clock (tests pass their own). Default Date.now. */
  now?: () => number;
  /** The bot's username, once known: the join view's QR codes link to it. */
  botUsername?: () => string | undefined;
  /** Seconds a reveal card stays after a round closes (SCREEN_REVEAL_S); 0: none. Default 12. */
  revealSeconds?: number;
  /** Days after its contest ended that a link stops working (SCREEN_LINK_DAYS). Default 7. */
  linkDays?: number;
};


/** One open event stream. Writes are queued so they arrive in order; a stuck client is dropped. */
type Client = { token: string; send: (event: string, data: string, retry?: number) => void; end: () => void };

/** The clients watching one contest, and the refresh loop that keeps them current. */
type Feed = { clients: Set<Client>; running: boolean; again: boolean; recheckTokens: boolean };

const MAX_QUEUED_WRITES = 32;

const SECURITY_HEADERS = {
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
  "X-Content-Type-Options": "nosniff",
} as const;

export const createScreenRoutes = (deps: ScreenRoutesDeps) => {
  const { store, logger } = deps;
  const heartbeatMs = deps.heartbeatMs ?? 15_000;
  const now = deps.now ?? Date.now;
  const i18n = createI18n(deps.defaultLocale ?? "zh-CN");
  const translator =
    (locale: Locale): Translate =>
    (key, vars) =>
      i18n.t(locale, key, vars);
  const notFoundLocales: Locale[] = deps.defaultLocale === "en" ? ["en", "zh-CN"] : ["zh-CN", "en"];
  const linkDays = deps.linkDays ?? 7;
  const options: ScreenStateContext = {
    revealMs: (deps.revealSeconds ?? 12) * 1000,
    translate: translator,
    ...(deps.botUsername ? { botUsername: deps.botUsername } : {}),
  };
  const load = (contestId: string) => loadScreenState(store, contestId, now, options);
  /**
   * The contest a token shows while its link works: not revoked, and not `linkDays` past the
   * contest's end (then `expired`).
   */
  const linkOf = async (token: string): Promise<{ contestId?: string; expired?: true }> => {
    const contestId = await store.screens.resolve(token);
    if (!contestId) return {};
    const endedAt = await store.moments.endedAt(contestId);
    return screenLinkExpired(endedAt, linkDays, now()) ? { expired: true } : { contestId };
  };
  /** The "gone" event's data: why the link stopped working. */
  const goneData = (link: { expired?: true }): string => (link.expired ? '{"reason":"expired"}' : "{}");
  const notFound = (link: { expired?: true }) => ({ error: link.expired ? "expired" : "not_found" });
  const feeds = new Map<string, Feed>();
  let subscription: Promise<ContestEventSubscription> | undefined;
  let closed = false;

  /** Sends the current state to every client of a contest; changes that arrive meanwhile run it again. */
  const refresh = async (contestId: string, feed: Feed): Promise<void> => {
    if (feed.running) {
      feed.again = true;
      return;
    }
    feed.running = true;
    try {
      do {
        feed.again = false;
        try {
          if (feed.recheckTokens) {
            feed.recheckTokens = false;
            for (const client of feed.clients) {
              const link = await linkOf(client.token);
              if (link.contestId === contestId) continue;
              client.send("gone", goneData(link));
              client.end();
            }
          }
          if (feed.clients.size === 0) break;
          const state = await load(contestId);
          const data = JSON.stringify(state ?? null);
          for (const client of feed.clients) client.send("state", data);
        } catch (error) {
          // Redis is unreachable: the clients keep what they show; the next change or reconnect catches up.
          logger.warn({ err: error, contestId }, "scoreboard refresh failed");
        }
      } while (feed.again && feed.clients.size > 0);
    } finally {
      feed.running = false;
    }
  };

  const onEvent = (event: ContestEvent) => {
    const feed = feeds.get(event.contestId);
    if (!feed) return;
    if (event.kind === "screen-revoked") feed.recheckTokens = true;
    void refresh(event.contestId, feed);
  };

  const onReconnect = () => {
    for (const [contestId, feed] of feeds) {
      feed.recheckTokens = true;
      void refresh(contestId, feed);
    }
  };

  /** One Redis subscription per process, made when the first screen connects; retried on the next one if it failed. */
  const subscribed = (): Promise<ContestEventSubscription> => {
    if (subscription) return subscription;
    const connection = store.redis.duplicate();
    subscription = subscribeContestEvents(connection, store.prefix, onEvent, onReconnect).catch((error: unknown) => {
      subscription = undefined;
      connection.disconnect();
      throw error;
    });
    return subscription;
  };

  /** `leave` runs at once when the client ends; `done` once what was queued has been written. */
  const openClient = (stream: SSEStreamingApi, token: string, leave: () => void, done: () => void): Client => {
    let queue = Promise.resolve();
    let queued = 0;
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      leave();
      void queue.finally(done);
    };
    const send = (event: string, data: string, retry?: number) => {
      if (ended) return;
      if (queued >= MAX_QUEUED_WRITES) return end();
      queued++;
      queue = queue
        .then(() => stream.writeSSE({ event, data, ...(retry === undefined ? {} : { retry }) }))
        .catch(() => end())
        .finally(() => {
          queued--;
        });
    };
    return { token, send, end };
  };

  const resolveToken = (c: Context) => linkOf(c.req.param("token") ?? "");

  const app = new Hono();

  app.get("/:token", async (c) => {
    const link = await resolveToken(c);
    const state = link.contestId ? await load(link.contestId) : undefined;
    const nonce = randomBytes(16).toString("base64");
    const headers = {
      ...SECURITY_HEADERS,
      "Content-Security-Policy": `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    };
    if (!state) {
      const page = notFoundPage(notFoundLocales.map(translator), link.expired ? "screen-final-expired" : undefined);
      return c.html(page, 404, headers);
    }
    return c.html(screenPage({ state, t: translator(state.language), nonce }), 200, headers);
  });

  app.get("/:token/state.json", async (c) => {
    const link = await resolveToken(c);
    const state = link.contestId ? await load(link.contestId) : undefined;
    if (!state) return c.json(notFound(link), 404, SECURITY_HEADERS);
    return c.json(state, 200, SECURITY_HEADERS);
  });

  app.get("/:token/events", async (c) => {
    const token = c.req.param("token");
    const link = await resolveToken(c);
    const contestId = link.contestId;
    if (!contestId) return c.json(notFound(link), 404, SECURITY_HEADERS);
    if (closed) return c.json({ error: "shutting_down" }, 503, SECURITY_HEADERS);
    try {
      await subscribed();
    } catch (error) {
      logger.warn({ err: error }, "scoreboard cannot subscribe to contest events");
      return c.json({ error: "unavailable" }, 503, SECURITY_HEADERS);
    }
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
    c.header("X-Accel-Buffering", "no");
    return streamSSE(c, async (stream) => {
      let feed = feeds.get(contestId);
      if (!feed) {
        feed = { clients: new Set(), running: false, again: false, recheckTokens: false };
        feeds.set(contestId, feed);
      }
      const current = feed;
      // The stream stays open until the client goes away, the link is revoked or the server stops.
      let resolveFinished = () => {};
      const finished = new Promise<void>((resolve) => (resolveFinished = resolve));
      const leave = () => {
        current.clients.delete(client);
        if (current.clients.size === 0 && feeds.get(contestId) === current) feeds.delete(contestId);
        clearInterval(heartbeat);
      };
      const client = openClient(stream, token, leave, () => resolveFinished());
      // Each keep-alive also asks whether the link still works (it expires some days after the end).
      const heartbeat = setInterval(() => {
        void linkOf(token).then(
          (still) => {
            if (still.contestId === contestId) return client.send("ping", "{}");
            client.send("gone", goneData(still));
            client.end();
          },
          () => client.send("ping", "{}"),
        );
      }, heartbeatMs);
      heartbeat.unref();
      stream.onAbort(() => client.end());
      // Tell the browser to retry soon after a drop; every (re)connection starts with the full state.
      client.send("hello", "{}", 1000);
      current.clients.add(client);
      await refresh(contestId, current);
      await finished;
    });
  });

  /** Ends every event stream and the Redis subscription (before the HTTP server closes). */
  const close = async () => {
    closed = true;
    for (const feed of feeds.values()) for (const client of feed.clients) client.end();
    feeds.clear();
    const pending = subscription;
    subscription = undefined;
    await pending?.then((s) => s.close()).catch(() => undefined);
  };

  return { app, close };
};
export type ScreenRoutes = ReturnType<typeof createScreenRoutes>;
