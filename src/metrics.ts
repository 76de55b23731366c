// Prometheus metrics of one process. Every process (and every test) makes its own Registry,
// so nothing is registered globally and two bots in one process never collide.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export type MetricsOptions = {
  /** Also collect Node's process metrics (CPU, memory, event loop lag). Off by default (tests). */
  processMetrics?: boolean;
  /** Labels added to every series, e.g. { replica: "bot-1" }. */
  defaultLabels?: Record<string, string>;
};

export const createMetrics = (options: MetricsOptions = {}) => {
  const registry = new Registry();
  if (options.defaultLabels) registry.setDefaultLabels(options.defaultLabels);
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const updates = new Counter({
    name: "bot_updates_total",
    help: "Updates handled, by update type (message, callback_query, ...).",
    labelNames: ["type"] as const,
    registers,
  });
  const duplicateUpdates = new Counter({
    name: "bot_updates_duplicate_total",
    help: "Updates dropped because another delivery (or replica) already handled the same update_id.",
    registers,
  });
  const updateErrors = new Counter({
    name: "bot_update_errors_total",
    help: "Updates whose handler threw (reported to the user by the error boundary).",
    labelNames: ["type"] as const,
    registers,
  });
  const updateSeconds = new Histogram({
    name: "bot_update_duration_seconds",
    help: "Time to handle one update, from the first middleware to the last Bot API call it awaited.",
    labelNames: ["type"] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  // Read from the update tracker when scraped (bot/instrument.ts), not moved on every update.
  let inFlight = () => 0;
  const updatesInFlight = new Gauge({
    name: "bot_updates_in_flight",
    help: "Updates being handled right now.",
    registers,
    collect() {
      this.set(inFlight());
    },
  });
  const ballotsSubmitted = new Counter({
    name: "bot_ballots_submitted_total",
    help: "Ballots submitted (or changed and submitted again) and recorded in Redis.",
    registers,
  });
  const apiCalls = new Counter({
    name: "telegram_api_calls_total",
    help: "Bot API requests made (each attempt, retries included), by method.",
    labelNames: ["method"] as const,
    registers,
  });
  const apiErrors = new Counter({
    name: "telegram_api_errors_total",
    help: "Bot API requests that failed, by method and error_code (429 = rate limited, 403 = blocked; 'network' = no answer).",
    labelNames: ["method", "error_code"] as const,
    registers,
  });
  const sendQueueLength = new Gauge({
    name: "bot_send_queue_length",
    help: "Messages waiting in the broadcast send queue.",
    registers,
  });
  const budgetReplicas = new Gauge({
    name: "bot_send_budget_replicas",
    help: "Replicas sharing Telegram's send budget, as this process last heard (heartbeats in Redis).",
    registers,
  });
  const budgetFallback = new Gauge({
    name: "bot_send_budget_fallback",
    help: "1 while Redis cannot be asked for the send budget and this process paces at its share (the rate / replicas).",
    registers,
  });
  const sendSlotsLapsed = new Counter({
    name: "bot_send_slots_lapsed_total",
    help: "Send budget slots not used because the process woke too late for them (a busy event loop).",
    registers,
  });

  return {
    registry,
    updates,
    duplicateUpdates,
    updateErrors,
    updateSeconds,
    updatesInFlight,
    /** Where bot_updates_in_flight is read from (the bot's update tracker). */
    readInFlight: (count: () => number) => {
      inFlight = count;
    },
    ballotsSubmitted,
    apiCalls,
    apiErrors,
    sendQueueLength,
    budgetReplicas,
    budgetFallback,
    sendSlotsLapsed,
    /** The exposition text for GET /metrics. */
    text: () => registry.metrics(),
    contentType: registry.contentType,
  };
};
export type Metrics = ReturnType<typeof createMetrics>;
