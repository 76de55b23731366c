// The bulk lane (the send queue's broadcasts) is told apart from the interactive lane by the
// budget's transformer: a broadcast message is not counted again as an interactive one, a reply
// made at the same moment is. (The mark is synchronous, not an AsyncLocalStorage: on Node 20 that
// turns on promise hooks, which every promise of every tap then pays for.)
import { Api } from "grammy";
import { describe, expect, it } from "vitest";
import type { SharedBudget } from "../../src/bot/send-budget.js";
import { countInteractiveSends } from "../../src/bot/send-budget.js";
import { createSendQueue } from "../../src/bot/send-queue.js";
import { modelFetch, TelegramModel } from "../support/bot-api-server.js";

describe("the bulk lane's mark", () => {
  it("keeps broadcast sends out of the interactive count, and counts replies sent meanwhile", async () => {
    const model = new TelegramModel();
    const recorded: number[] = [];
    const budget = { record: (chatId: number) => recorded.push(chatId) } as unknown as SharedBudget;
    const queue = createSendQueue({ perSecond: Number.POSITIVE_INFINITY, perChatIntervalMs: 0 });
    const api = new Api(model.token, { apiRoot: "http://bot-api.invalid", fetch: modelFetch(model) });
    api.config.use(countInteractiveSends(budget, queue.inBulkLane));
    const judges = [301, 302, 303, 304, 305];
    for (const id of judges) model.startUser({ id, first_name: `评委${id}` });
    const replies = [901, 902];
    for (const id of replies) model.startUser({ id, first_name: `用户${id}` });
    // Broadcasts and replies interleaved: the replies start while the broadcasts are in flight.
    const broadcast = judges.map((id) => queue.enqueue(id, () => api.sendMessage(id, "ballot")));
    const answered = replies.map((id) => api.sendMessage(id, "reply"));
    await Promise.all([...broadcast, ...answered]);
    expect(queue.inBulkLane()).toBe(false);
    expect(model.callsTo("sendMessage")).toHaveLength(judges.length + replies.length);
    expect(recorded.sort()).toEqual(replies);
    queue.stop();
  });
});
