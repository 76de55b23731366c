// What every feature is given: no globals, so tests can build a bot with their own Redis prefix.
import type { I18n } from "@grammyjs/i18n";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { Store } from "../store/store.js";
import type { BotContext } from "./context.js";
import type { SendQueue } from "./send-queue.js";
import type { Translate, Translators } from "./i18n.js";
import type { CallbackDecoder } from "./callback-data.js";
import type { BallotViewCache } from "./views/ballot.js";

export type BotDeps = {
  config: Pick<Config, "DEFAULT_LOCALE" | "COUNTER_EDIT_INTERVAL_S">;
  store: Store;
  logger: Logger;
  i18n: I18n<BotContext>;
  now: () => number;
  /** The seed of a new draw (/draw): random, published with it; fixed by tests. */
  drawSeed: () => string;
  /** Paces messages the bot sends on its own (a round's ballots): ~30/s overall, ~1/s per chat. */
  sendQueue: SendQueue;
  /** "https://…/app/ballot" when the Mini App is on (PUBLIC_URL is https); see ballot-app-link.ts. */
  ballotAppBase?: string | undefined;
  /** The translator of a locale (bundles matched once per locale, texts kept; one per bot). */
  translate: Translators;
  /** The translator of an update's replies, also where the i18n plugin has not run (ballot presses). */
  translateFor: (ctx: BotContext) => Translate;
  /** Button data decoded (each text checked once, kept; one per bot). */
  decodeCallback: CallbackDecoder;
  /** The ballot screens' parts built once per contest version, presenter and criterion (one per bot). */
  ballotViews: BallotViewCache;
};
