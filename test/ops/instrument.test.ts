// Operations hooks of the bot, in-process: dedupe of repeated updates, metrics, in-flight drain.
import { afterEach, describe, expect, it } from "vitest";
import { createMetrics, type Metrics } from "../../src/metrics.js";
import { createUpdateTracker } from "../../src/bot/instrument.js";
import type { BotContext } from "../../src/bot/context.js";
import { createHarness, type Harness } from "../bot/harness.js";
import { MEETING_GROUP, judges, runMeeting } from "./meeting-script.js";

const valueOf = async (metrics: Metrics, name: string, labels: Record<string, string> = {}): Promise<number> => {
  // A histogram's series (name_count, name_bucket, …) are values of the metric `name`.
  const base = name.replace(/_(count|sum|bucket)$/, "");
  const metric = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === name || m.name === base);
  const values = (metric?.values ?? []) as Array<{ value: number; metricName?: string; labels: Record<string, string | number> }>;
  return values
    .filter((v) => (v.metricName ?? metric?.name) === name)
    .filter((v) => Object.entries(labels).every(([k, want]) => String(v.labels[k]) === want))
    .reduce((sum, v) => sum + v.value, 0);
};

describe("bot operations hooks", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("handles an update delivered twice once, and counts the repeat", async () => {
    const metrics = createMetrics();
    h = await createHarness({ bot: { metrics, dedupeUpdates: true } });
    const judge = judges[0]!;
    const update = h.model.send(judge, judge.id, "/start");
    h.model.takeUpdates();
    await h.bot.handleUpdate(update);
    await h.bot.handleUpdate(update);
    await Promise.all([h.bot.handleUpdate(update), h.bot.handleUpdate(update)]);
    expect(h.model.messages(judge.id)).toHaveLength(1);
    expect(await valueOf(metrics, "bot_updates_duplicate_total")).toBe(3);
    expect(await valueOf(metrics, "bot_updates_total", { type: "message" })).toBe(1);
  });

  it("handles every update when dedupe is off (one long-polling process)", async () => {
    h = await createHarness();
    const judge = judges[0]!;
    const update = h.model.send(judge, judge.id, "/start");
    h.model.takeUpdates();
    await h.bot.handleUpdate(update);
    await h.bot.handleUpdate(update);
    expect(h.model.messages(judge.id)).toHaveLength(2);
  });

  it("counts updates by type, submitted ballots, Telegram failures by error_code, and times handlers", async () => {
    const metrics = createMetrics();
    h = await createHarness({ bot: { metrics }, apiVia: "fetch" });
    const outcome = await runMeeting(h.model, h.deliver);
    expect(outcome.finalRanking).toContain("最终排名");
    expect(await valueOf(metrics, "bot_ballots_submitted_total")).toBe(7);
    expect(await valueOf(metrics, "bot_updates_total", { type: "callback_query" })).toBe(outcome.callbackQueries);
    expect(await valueOf(metrics, "bot_updates_total")).toBe(outcome.updates);
    expect(await valueOf(metrics, "bot_update_duration_seconds_count")).toBe(outcome.updates);
    // A member who never opened the bot cannot be written to (403), and a failing edit (400).
    // (The meeting's chair never started the bot either: the note that the standings are not pinned found a 403.)
    const forbidden = await valueOf(metrics, "telegram_api_errors_total", { error_code: "403", method: "sendMessage" });
    h.model.failNext("sendMessage", { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" });
    h.model.send(judges[0]!, MEETING_GROUP, "/ranking");
    await h.deliver();
    expect(await valueOf(metrics, "telegram_api_errors_total", { error_code: "403", method: "sendMessage" })).toBe(forbidden + 1);
    expect(await valueOf(metrics, "telegram_api_calls_total")).toBeGreaterThan(outcome.updates);
    const text = await metrics.text();
    expect(text).toContain('bot_updates_total{type="message"}');
    expect(text).toContain("bot_update_duration_seconds_bucket");
  });

  it("lets a shutdown wait for the updates being handled", async () => {
    const metrics = createMetrics();
    const inFlight = createUpdateTracker(metrics);
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const ctx = { update: { update_id: 1 } } as BotContext;
    const handling = inFlight.middleware(ctx, () => blocked);
    expect(inFlight.size()).toBe(1);
    expect(await valueOf(metrics, "bot_updates_in_flight")).toBe(1);
    expect(await inFlight.drain(10)).toBe(false);
    const drained = inFlight.drain(10_000);
    release();
    await handling;
    expect(await drained).toBe(true);
    expect(inFlight.size()).toBe(0);
    expect(await valueOf(metrics, "bot_updates_in_flight")).toBe(0);
    expect(await inFlight.drain(0)).toBe(true);
  });
});
