// Shared steps of the fault tests that run the built bot as a process (test/support/run-bot.ts)
// against the simulated Bot API server and a real Redis: starting (and restarting) the bot on one
// Redis prefix, the chair's set-up of a 4-criterion contest with judges, and a judge's taps on the
// ballot once it shows what is expected. Each step waits for its condition (generous timeouts).
import { buttonsOf, type StoredMessage, type TestUser } from "../support/bot-api-server.js";
import { botProcesses } from "../support/bot-processes.js";

export const TIMEOUT = 15_000;

const hasButton = (m: StoredMessage | undefined, button: string | RegExp) =>
  buttonsOf(m).some((x) => (typeof button === "string" ? x.text === button : button.test(x.text)));

/**
 * Registers, in the calling describe block, a fresh simulated Bot API and Redis prefix per test
 * (every bot started is SIGKILLed after it), and returns the steps. `api` and `redis` are the
 * current test's.
 */
export const botProcessMeeting = (group: number, chair: TestUser) => {
  const processes = botProcesses(group, chair);

  /** Starts the built bot on this test's Redis prefix (the live counter edited at once). */
  const start = () => processes.start({ COUNTER_EDIT_INTERVAL_S: "0" });
  const groupMessage = (includes: string) => processes.api.waitForMessage(group, (m) => (m.text ?? "").includes(includes), TIMEOUT);
  /** The chair says `text` in the group; resolves with the group message that includes `reply`. */
  const say = (text: string, reply: string) => {
    processes.api.send(chair, group, text);
    return groupMessage(reply);
  };
  /** Waits for the judge's ballot to show `includes` and `button`, then taps it. */
  const tap = async (judge: TestUser, includes: string, button: string | RegExp) => {
    const message = await processes.api.waitFor(
      (m) => {
        const last = m.lastMessage(judge.id);
        return last?.text?.includes(includes) && hasButton(last, button) && last;
      },
      TIMEOUT,
      `ballot of ${judge.first_name} showing ${includes}`,
    );
    return processes.api.tap(judge, judge.id, message.messageId, button);
  };
  /** Taps one score per criterion (of four) on the judge's ballot. */
  const scoreAll = async (judge: TestUser, scores: number[]) => {
    for (const [i, score] of scores.entries()) await tap(judge, `评分项 ${i + 1}/4`, String(score));
  };
  /** /newcontest, four criteria, two presenters and /join; every judge joins by the group button. */
  const setUp = async (judges: readonly TestUser[]) => {
    await say("/newcontest 季度述职评议", "已创建评议");
    await say("/criteria\n实施性 30\n创新性 30\n持续性 20\n推广性 20", "已保存 4 个评分项");
    await say("/presenters\n区交通运输局\n区教育局", "已保存 2 位汇报人");
    const join = await say("/join", "加入评委");
    for (const judge of judges) {
      processes.api.startUser(judge);
      processes.api.tap(judge, group, join.messageId, /加入评委/);
      await processes.api.waitForMessage(judge.id, (m) => (m.text ?? "").includes("你已成为"), TIMEOUT);
    }
  };

  return {
    get api() {
      return processes.api;
    },
    get redis() {
      return processes.redis;
    },
    start,
    groupMessage,
    say,
    tap,
    scoreAll,
    setUp,
  };
};
