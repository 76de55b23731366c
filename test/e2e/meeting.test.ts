// A whole meeting through the built bot process, talking HTTP to a local Bot API server.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buttonsOf, startBotApiServer, type BotApiServer, type StoredMessage, type TestUser } from "../support/bot-api-server.js";
import { testRedis, type TestRedis } from "../support/redis.js";
import { startBotProcess, type BotProcess } from "../support/run-bot.js";

const GROUP = -100_777;
const chair: TestUser = { id: 501, first_name: "王主任", language_code: "zh-hans" };
const judges: TestUser[] = [
  { id: 511, first_name: "张三" },
  { id: 512, first_name: "李四" },
  { id: 513, first_name: "王五" },
];

describe("a meeting run by the built bot process (e2e)", () => {
  let api: BotApiServer;
  let redis: TestRedis;
  let bot: BotProcess | undefined;

  beforeEach(async () => {
    api = await startBotApiServer();
    redis = testRedis();
    api.setAdmins(GROUP, [], chair.id);
  });
  afterEach(async () => {
    await bot?.stop("SIGKILL");
    await api.close();
    await redis.cleanup();
  });

  const groupMessage = (includes: string) =>
    api.waitForMessage(GROUP, (m) => (m.text ?? "").includes(includes), 10_000);

  const say = async (text: string, expectInReply: string) => {
    api.send(chair, GROUP, text);
    return groupMessage(expectInReply);
  };

  const hasButton = (message: StoredMessage | undefined, button: string | RegExp) =>
    buttonsOf(message).some((b) => (typeof button === "string" ? b.text === button : button.test(b.text)));

  /** Waits for the judge's ballot message to show `includes` and `button`, then taps it. */
  const tapBallot = async (judge: TestUser, includes: string, button: string | RegExp): Promise<StoredMessage> => {
    const message = await api.waitFor(
      (m) => {
        const last = m.lastMessage(judge.id);
        return last?.text?.includes(includes) && hasButton(last, button) && last;
      },
      10_000,
      `ballot of ${judge.first_name} showing ${includes}`,
    );
    api.tap(judge, judge.id, message.messageId, button);
    return message;
  };

  it("sets up, enrols (one judge by deep link), scores two presenters and posts the rankings", async () => {
    bot = await startBotProcess({ ...api, redisUrl: redis.url, prefix: redis.prefix });
    await say("/newcontest 擂台赛", "已创建评议「擂台赛」");
    await say("/criteria\n实施性 30\n创新性 70 0.5", "已保存 2 个评分项");
    await say("/presenters\n甲局\n乙局", "已保存 2 位汇报人");
    const join = await say("/join", "加入评委");

    // Two judges started the bot before; the third taps first and gets a deep link.
    for (const judge of judges.slice(0, 2)) api.startUser(judge);
    const late = judges[2]!;
    api.tap(late, GROUP, join.messageId, /加入评委/);
    const linkCall = await api.waitForCall("answerCallbackQuery", (c) => typeof c.params.url === "string");
    const payload = String(linkCall.params.url).split("start=")[1]!;
    api.send(late, late.id, `/start ${payload}`);
    await api.waitForMessage(late.id, (m) => (m.text ?? "").includes("你已成为「擂台赛」的评委"), 10_000);
    for (const judge of judges.slice(0, 2)) {
      api.tap(judge, GROUP, join.messageId, /加入评委/);
      await api.waitForMessage(judge.id, (m) => (m.text ?? "").includes("你已成为"), 10_000);
    }

    const scores: Array<[number, number]> = [[25, 60.5], [20, 55], [28, 69]];
    await say("/open", "第 1/2 位：甲局");
    for (const [i, judge] of judges.entries()) {
      const [a, b] = scores[i]!;
      await tapBallot(judge, "评分项 1/2", String(a));
      // 0–70 in steps of 0.5 is 141 values: a two-step keypad, tens first.
      const tens = b >= 60 ? "60–70" : "50–59.5";
      await tapBallot(judge, "先选分数段", tens);
      await tapBallot(judge, "评分项 2/2", String(b));
      await tapBallot(judge, "请核对你的评分", /^✅/);
    }
    await say("/close", "当前排名");
    // (85.5 + 75 + 97) / 3 = 85.83…
    expect((await groupMessage("◀ 刚结束")).text).toContain("1. 甲局 — 85.83（3 份） ◀ 刚结束");

    await say("/open", "第 2/2 位：乙局");
    for (const judge of judges) {
      await tapBallot(judge, "评分项 1/2", "30");
      await tapBallot(judge, "先选分数段", "60–70");
      await tapBallot(judge, "评分项 2/2", "70");
      await tapBallot(judge, "请核对你的评分", /^✅/);
    }
    await api.waitFor((m) => m.callsTo("answerCallbackQuery").filter((c) => String(c.params.text ?? "").includes("已记录")).length >= 6, 10_000);
    api.send(chair, GROUP, "/close");
    // The round's announcement turns into its closed state with the score.
    const closed = await api.waitForMessage(GROUP, (m) => !!m.text?.startsWith("🎤 第 2/2 位：乙局") && m.text.includes("🔒 评分已结束"), 10_000);
    expect(closed.text).toContain("🏅 得分：100.00（3 份有效评分）");
    const final = await say("/finish", "最终排名");
    expect(final.text).toContain("1. 乙局 — 100.00（3 份）");
    expect(final.text).toContain("2. 甲局 — 85.83（3 份）");
    expect(await bot.stop("SIGTERM")).toBe(0);
  });
});
