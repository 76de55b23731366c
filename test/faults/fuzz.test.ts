// 10,000 random and near-valid button presses and command texts from judges and non-judges, in the
// group, in private chats and in chats that are not theirs: no crash, no unhandled rejection, no
// error other than Telegram refusing a forged call, and nothing changed in Redis (the audit stream
// included: a refused action writes no audit entry). Enrolment is open, so it is fuzzed too: the
// join button, deep links, used, revoked and random invitation tokens, the chair's judges view.
// The group has a season, so every /season subcommand and the /season add list's button (y) are
// fuzzed against it, and so is the chair's tie-break button (t) of /finish.
//
// Inputs are drawn with fast-check from a fixed seed (reproducible). Presses that the grammar and
// the state make real, state-changing actions of a judge (a valid score or submit on the open
// round, confirming an abstention, asking to comment on a submitted ballot) are left out: they
// are meant to change Redis and are covered by the other tests.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import { pino } from "pino";
import type { Update } from "grammy/types";
import type { Redis } from "ioredis";
import { decodeCallback } from "../../src/bot/callback-data.js";
import { GROUP_COMMANDS, PRIVATE_COMMANDS } from "../../src/bot/commands.js";
import { completeScores, isAllowedScore, type Contest } from "../../src/domain/contest.js";
import { receiptOf } from "../../src/domain/receipt.js";
import type { TestUser } from "../support/bot-api-server.js";
import { createHarness, GROUP, user, type Harness } from "../bot/harness.js";
import { ballotMessage, chair, judgesFrom, press, setUpContest, submit, tapScores } from "./meeting.js";
import { changedKeys, contentOfKeys } from "./snapshot.js";

const INPUTS = 10_000;
const SEED = 20_240_607;
const OTHER_GROUP = -100_999;
const OPEN = 1; // presenter index of the open round

describe(`fuzz: ${INPUTS.toLocaleString("en")} random inputs from judges and non-judges`, () => {
  let h: Harness;
  const logLines: string[] = [];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);

  beforeEach(async () => {
    const logger = pino({ level: "warn" }, { write: (line: string) => void logLines.push(line) });
    h = await createHarness({ bot: { dedupeUpdates: true, logger } });
    process.on("unhandledRejection", onUnhandled);
  });
  afterEach(async () => {
    process.off("unhandledRejection", onUnhandled);
    await h.close();
  });

  it("crashes nothing, rejects nothing unhandled and changes nothing in Redis", { timeout: 120_000 }, async () => {
    const judges = judgesFrom(11, 4);
    const outsiders: TestUser[] = [user(91, "路人甲"), user(92, "路人乙", "en")];
    const contest = await setUpContest(h, judges, { presenters: ["区交通运输局", "区教育局", "区卫健局"] });
    // Round 1 closed with every ballot; round 2 open: judge 1 submitted, judge 2 scored two criteria.
    await h.say(chair, GROUP, "/open");
    for (const judge of judges) {
      await tapScores(h, judge, [25, 26, 18, 17]);
      await submit(h, judge);
    }
    await h.say(chair, GROUP, "/close");
    await h.say(chair, GROUP, "/open");
    await tapScores(h, judges[0]!, [27, 28, 19, 18]);
    await submit(h, judges[0]!);
    await tapScores(h, judges[1]!, [20, 22]);
    // Enrolment stays open (join mode "open", not locked), so it is fuzzed too: one judge seated by
    // a roster invitation, one invitation revoked; the outsiders have left the group.
    h.model.startUser(chair);
    await h.say(chair, chair.id, "/start");
    await h.say(chair, GROUP, "/judges\n特邀评委\n被撤销评委");
    const tokens = h.model
      .messages(chair.id)
      .flatMap((m) => [...(m.text ?? "").matchAll(/start=([A-Za-z0-9_-]{22})/g)].map((match) => match[1]!));
    expect(tokens).toHaveLength(2);
    const [usedToken, revokedToken] = tokens as [string, string];
    const invited = user(31, "特邀");
    h.model.startUser(invited);
    await h.say(invited, invited.id, `/start ${usedToken}`);
    await h.say(chair, GROUP, "/judges");
    const view = h.model.lastMessage(chair.id)!;
    await h.tap(chair, chair.id, view, "被撤销评委");
    await h.tap(chair, chair.id, h.model.message(chair.id, view.messageId)!, "⛔ 撤销邀请");
    const entryIds = (await h.store.seats.roster(contest.id)).map((e) => e.id);
    expect(await h.store.judges.isJudge(contest.id, invited.id)).toBe(true);
    for (const u of outsiders) {
      h.model.startUser(u);
      h.model.setMemberStatus(GROUP, u.id, "left");
      await h.store.judges.markStarted(u.id);
    }
    const locked = (await h.store.contests.get(contest.id))!;
    expect([locked.locked, locked.setup.join]).toEqual([false, "open"]);
    // A season in the group (the chair is its administrator): the judges' /season commands meet it.
    await h.say(chair, GROUP, "/season new 2026年度综合考评");
    const season = (await h.store.seasons.currentForChat(GROUP))!;
    expect(season.name).toBe("2026年度综合考评");

    const receipt = receiptOf(contest.id, (await h.store.ballots.forPresenter(contest.id, 0))[0]!);
    const senders = [...judges, ...outsiders];
    const messageIds = [
      ...judges.map((j) => ballotMessage(h, j).messageId),
      ...h.model.messages(GROUP).map((m) => m.messageId),
      0,
      999_999,
    ];

    // ── the inputs ──
    const numberText = fc.oneof(
      fc.constantFrom("0", "1", "2", "3", "4", "9", "10", "17", "18", "19", "20", "25", "27", "30", "31", "99", "9999", "10000"),
      fc.constantFrom("-1", "1.5", "0.5", "2.25", "19.99", "1e1", "0x1", "NaN", "Infinity", " 1", "01", "", "a", "u"),
      fc.integer({ min: -3, max: 40 }).map(String),
      fc.string({ maxLength: 6 }),
    );
    const contestIdText = fc.oneof(
      fc.constant(contest.id),
      fc.constant(contest.id.toUpperCase()),
      fc.constant(`${contest.id}x`),
      fc.stringMatching(/^[a-z0-9]{6,12}$/),
      fc.string({ maxLength: 14 }),
    );
    const kinds = fc.constantFrom("v", "s", "g", "k", "j", "x", "a", "m", "q", "o", "r", "ap", "jv", "t", "y", "h", "z", "", "vv", "V");
    const nearValidData = fc
      .tuple(kinds, contestIdText, fc.array(numberText, { maxLength: 5 }))
      .map(([kind, id, args]) => [kind, id, ...args].join("|"));
    // The real grammar (kind|contest|args, right arity), each field valid most of the time.
    const field = (valid: fc.Arbitrary<string>) => fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: numberText });
    const realId = fc.oneof({ weight: 6, arbitrary: fc.constant(contest.id) }, { weight: 1, arbitrary: contestIdText });
    const presenterText = fc.constantFrom("0", "1", "1", "1", "2", "3"); // 0 closed, 1 open, 2 not yet, 3 none
    const criterionText = fc.constantFrom("0", "1", "2", "3", "4");
    const valueText = fc.oneof(fc.integer({ min: 0, max: 31 }).map(String), fc.constantFrom("0.5", "19.5", "20.25", "30.0"));
    const flag = (...values: string[]) => fc.constantFrom(...values);
    const grammar = fc
      .oneof(
        fc.tuple(fc.constant("v"), realId, field(presenterText), field(criterionText), field(valueText)),
        fc.tuple(fc.constant("s"), realId, field(presenterText)),
        fc.tuple(fc.constant("g"), realId, field(presenterText), field(criterionText)),
        fc.tuple(fc.constant("k"), realId, field(presenterText), field(criterionText), field(flag("0", "1", "2", "3", "9"))),
        fc.tuple(fc.constant("j"), realId, field(flag("0", "1", "5"))),
        fc.tuple(fc.constant("x"), realId, field(flag("0", "1"))),
        fc.tuple(fc.constant("a"), realId, field(presenterText), field(flag("0", "1"))),
        fc.tuple(fc.constant("m"), realId, field(presenterText)),
        fc.tuple(fc.constant("q"), realId, field(presenterText), field(flag("0", "1"))),
        fc.tuple(fc.constant("o"), realId, field(presenterText), field(flag("1", "2", "9"))),
        fc.tuple(fc.constant("r"), realId, field(flag("11", "12", "91", "1")), field(flag("a", "1", "0"))),
        fc.tuple(fc.constant("ap"), realId, field(flag("11", "31", "91")), field(flag("0", "1"))),
        // The chair's tie decision: tie of first presenter f, at step s, place n / r restart / c confirm.
        fc.tuple(fc.constant("t"), realId, field(presenterText), field(flag("0", "1", "2", "3")), field(flag("0", "1", "2", "3", "r", "c"))),
        // A contest chosen from the /season add list: season, contest, weight.
        fc.tuple(
          fc.constant("y"),
          field(fc.oneof({ weight: 3, arbitrary: fc.constant(season.id) }, { weight: 1, arbitrary: contestIdText })),
          realId,
          field(flag("1", "2", "0.5", "0", "1000", "1001")),
        ),
        fc.tuple(
          fc.constant("jv"),
          realId,
          field(flag("-", "u11", "u31", "u91", ...entryIds)),
          field(flag("l", "c", "i", "v", "m", "n", "o", "d")),
          field(flag("0", "1", "a", "-")),
        ),
      )
      .map((parts) => parts.join("|"));
    const callbackData = fc.oneof(
      { weight: 10, arbitrary: grammar },
      { weight: 4, arbitrary: nearValidData },
      { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
      { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 70 }) },
    );
    const commands = [
      ...GROUP_COMMANDS,
      ...PRIVATE_COMMANDS,
      ...["reopen", "remind", "cochair", "removejudge", "lockjudges", "unlockjudges", "conflict", "observer", "screen"],
      ...["export", "receipt", "verify", "START", "nonexistent"],
    ];
    const argText = fc.oneof(
      fc.constant(""),
      numberText,
      fc.string({ maxLength: 40 }),
      fc.constantFrom("public", "revoke", "1 5", "2 999", "zh", "en", "abc", receipt, receipt.slice(0, 12), `j_${contest.id}_0`, `j_${contest.id}_7`, "j_zzzzzz_0"),
      // Seat tokens: a used invitation, a revoked one, one cut short, random ones; join modes.
      fc.constantFrom(usedToken, revokedToken, usedToken.slice(0, 20), `${revokedToken}x`, "open", "approve", "roster", "张三 | 区领导"),
      fc.stringMatching(/^[A-Za-z0-9_-]{22}$/),
    );
    // /season and its subcommands, each with arguments that are right most of the time.
    const seasonText = fc
      .tuple(
        fc.oneof(
          fc.constantFrom("", "new 2026年度综合考评", "new 春季擂台赛", "new", `new ${"长".repeat(61)}`, "add", "add 2", "add 0", "add 1.555", "add abc"),
          fc.constantFrom("unit 区交通运输局", "unit 不存在的单位", "unit", "alias 区教育局 = 教育局", "alias 区教育局", "alias = ", "rules", "close"),
          fc.constantFrom("screen", "screen revoke", "screen x", "rules 缺席 跳过", "rules 缺席 零分", "RULES 缺席 请假", "nonsense", "UNIT 区教育局"),
          fc.tuple(fc.constantFrom("new", "add", "unit", "alias", "rules", "close", "screen"), fc.string({ maxLength: 20 })).map(([sub, arg]) => `${sub} ${arg}`),
        ),
        fc.constantFrom("", "@test_bot"),
        fc.array(fc.constantFrom("缺席 跳过", "等次 红 90，黄 75，黑 0", "奖项 一等奖 1", "等次 无", "缺席", "奖项 一等奖 x"), { maxLength: 3 }),
      )
      .map(([sub, at, lines]) => [`/season${at} ${sub}`.trimEnd(), ...lines].join("\n"));
    const commandText = fc.oneof(
      { weight: 1, arbitrary: seasonText },
      {
        weight: 4,
        arbitrary: fc
          .tuple(fc.constantFrom(...commands), fc.constantFrom("", "@test_bot", "@other_bot"), argText, fc.array(fc.string({ maxLength: 30 }), { maxLength: 3 }))
          .map(([command, at, args, lines]) => [`/${command}${at} ${args}`.trimEnd(), ...lines].join("\n")),
      },
      { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 100 }) },
      // Deep links as Telegram delivers them: invitations (used, revoked, cut, random) and the join button's.
      {
        weight: 1,
        arbitrary: fc
          .oneof(
            fc.constantFrom(usedToken, revokedToken, usedToken.slice(0, 20), `j_${contest.id}_0`, `j_${contest.id}_1`),
            fc.stringMatching(/^[A-Za-z0-9_-]{22}$/),
          )
          .map((payload) => `/start ${payload}`),
      },
    );
    type Input = { sender: number; kind: "press"; chat: "own" | "group" | "other"; messageId: number; data: string } | { sender: number; kind: "text"; chat: "own" | "group" | "other"; text: string };
    const input: fc.Arbitrary<Input> = fc.oneof(
      fc.record({
        sender: fc.nat({ max: senders.length - 1 }),
        kind: fc.constant("press" as const),
        chat: fc.constantFrom("own" as const, "own" as const, "group" as const, "other" as const),
        messageId: fc.constantFrom(...messageIds),
        data: callbackData,
      }),
      fc.record({
        sender: fc.nat({ max: senders.length - 1 }),
        kind: fc.constant("text" as const),
        chat: fc.constantFrom("own" as const, "group" as const, "other" as const),
        text: commandText,
      }),
    );

    /** A press that really changes a judge's ballot on the open round (left out, see above). */
    const judgesRealAction = (contest: Contest, from: TestUser, chat: Input["chat"], data: string): boolean => {
      const decoded = decodeCallback(data);
      const judge = judges.some((j) => j.id === from.id);
      if (!decoded || !judge || chat !== "own" || decoded.args[0] !== contest.id || decoded.args[1] !== OPEN) return false;
      const criteria = contest.setup.criteria;
      if (decoded.kind === "v") {
        const [, , criterion, value] = decoded.args;
        const c = criteria[criterion];
        return !!c && isAllowedScore(c, value);
      }
      if (decoded.kind === "s") return from.id === judges[0]!.id; // the only complete draft
      if (decoded.kind === "a") return decoded.args[2] === "1";
      if (decoded.kind === "m") return from.id === judges[0]!.id; // the only submitted ballot
      return false;
    };

    const drawn = fc.sample(input, { numRuns: INPUTS * 2, seed: SEED });
    const kept: Input[] = [];
    let leftOut = 0;
    for (const candidate of drawn) {
      if (kept.length === INPUTS) break;
      const from = senders[candidate.sender]!;
      if (candidate.kind === "press" && judgesRealAction(locked, from, candidate.chat, candidate.data)) leftOut++;
      else kept.push(candidate);
    }
    expect(kept).toHaveLength(INPUTS);
    expect(completeScores(locked.setup.criteria, (await h.store.ballots.state(contest.id, OPEN, judges[1]!.id))!.draft)).toBeUndefined();

    // ── before ──
    const ignored = (key: string) =>
      key.includes(":update:") || // update dedupe claims (one per update, by design)
      key.endsWith(":messages") || // Telegram message ids of ballots and counters (a /start re-sends the ballot)
      key.includes(":edit-pause:"); // throttling of group edits
    // Content, not DUMP bytes: a hash that grew past 4 fields is rehashed incrementally by mere
    // reads, which reorders its DUMP without changing a byte of what it holds.
    const snapshot = async () =>
      new Map([...(await contentOfKeys(h.redis.redis as Redis, h.redis.prefix))].filter(([key]) => !ignored(key)));
    const before = await snapshot();
    const auditBefore = await h.store.audit.length(contest.id);
    h.model.takeUpdates();
    logLines.length = 0;

    // ── the run: 16 at a time, like a busy webhook ──
    const updates: Update[] = kept.map((item) => {
      const from = senders[item.sender]!;
      const chatId = item.chat === "own" ? from.id : item.chat === "group" ? (item.kind === "text" && item.sender % 2 ? OTHER_GROUP : GROUP) : senders[(item.sender + 1) % senders.length]!.id;
      if (item.kind === "press") return press(h, from, chatId, item.messageId, item.data);
      // A text "from" someone in another user's private chat cannot happen: use the group instead.
      return h.model.send(from, chatId > 0 && chatId !== from.id ? GROUP : chatId, item.text);
    });
    h.model.takeUpdates();
    let rejected = 0;
    const started = Date.now();
    for (let i = 0; i < updates.length; i += 16) {
      await Promise.all(updates.slice(i, i + 16).map((u) => h.bot.handleUpdate(u).catch(() => void rejected++)));
    }
    const elapsed = Date.now() - started;

    // ── after ──
    const after = await snapshot();
    const errors = logLines.map((line) => JSON.parse(line) as { level: number; msg: string; err?: { type?: string; message?: string } }).filter((l) => l.level >= 50);
    const notTelegram = errors.filter((e) => e.err?.type !== "GrammyError");
    expect(rejected, "handleUpdate rejected").toBe(0);
    expect(unhandled, "unhandled rejections").toEqual([]);
    expect(notTelegram.map((e) => `${e.msg}: ${e.err?.type} ${e.err?.message}`), "errors other than Telegram refusing a forged call").toEqual([]);
    expect(changedKeys(before, after), "keys changed").toEqual([]);
    // Enrolment was tried and refused: outsiders at the join button, second accounts at a used invitation.
    const refusedAtButton = h.model.callsTo("answerCallbackQuery").filter((c) => String(c.params.text ?? "").includes("只有本群成员")).length;
    const reusedInvitation = h.model.messages(chair.id).filter((m) => m.text?.startsWith("⚠️ 「特邀评委」的邀请已被使用")).length;
    expect(refusedAtButton).toBeGreaterThan(0);
    expect(reusedInvitation).toBeGreaterThan(0);
    // Seasons and ties were reached and refused: judges are no administrators, nor the chair.
    const seasonRefusals = [GROUP, OTHER_GROUP].flatMap((chat) => h.model.messages(chat)).filter((m) => m.text === "🙏 抱歉，只有群管理员可以管理赛季。").length;
    const answeredAlert = (kind: string) =>
      h.model.callsTo("answerCallbackQuery").filter((c) => c.params.show_alert === true && h.model.callbacks.get(String(c.params.callback_query_id))?.data.startsWith(`${kind}|`)).length;
    expect(seasonRefusals).toBeGreaterThan(0);
    expect(answeredAlert("t")).toBeGreaterThan(0);
    expect(after.size).toBe(before.size);
    expect(await h.store.audit.length(contest.id)).toBe(auditBefore);
    const presses = kept.filter((k) => k.kind === "press").length;
    console.info(
      `[faults] fuzz: ${INPUTS} inputs (${presses} presses, ${INPUTS - presses} texts; ${leftOut} real judge actions left out) in ${elapsed} ms: ` +
        `0 crashes, 0 unhandled rejections, ${errors.length} Telegram refusals of forged calls, ${changedKeys(before, after).length} Redis changes over ${before.size} keys; ` +
        `enrolment refused ${refusedAtButton} times at the join button, ${reusedInvitation} reuses of an invitation reported to the chair; ` +
        `${seasonRefusals} season changes refused, ${answeredAlert("t")} tie-break presses refused`,
    );
  });
});
