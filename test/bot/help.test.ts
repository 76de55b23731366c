// /help tells the chair what /close and /finish show the group under the contest's release policy
// (views/help.ts, from release.ts's visibility()), in the group's language; without a contest it
// says that /reveal decides.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RevealPolicy } from "../../src/domain/contest.js";
import { createHarness, GROUP, type Harness } from "./harness.js";
import { chair, outsider, setUpMeeting } from "./integrity-support.js";

const lineOf = (text: string, command: string): string | undefined => text.split("\n").find((line) => line.trimStart().startsWith(`${command} — `));

describe("/help and the release policy", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  it.each([
    ["live", "/close — 结束本轮评分并公布排名", "/finish — 公布最终排名并结束评议"],
    ["scores", "/close — 结束本轮评分并公布本单位得分（排名在评议结束时公布）", "/finish — 公布最终排名并结束评议"],
    ["end", "/close — 结束本轮评分（结果在评议结束时公布）", "/finish — 公布最终排名并结束评议"],
    ["chair", "/close — 结束本轮评分（结果只发给主持人，由主持人公布）", "/finish — 结束评议；最终排名私聊发给主持人，由主持人在群里公布"],
  ] as [RevealPolicy, string, string][])("under %s says what /close and /finish show", async (policy, close, finish) => {
    await setUpMeeting(h);
    await h.say(chair, GROUP, `/reveal ${policy}`);
    const help = (await h.say(chair, GROUP, "/help"))!.text!;
    expect(lineOf(help, "/close")?.trim()).toBe(close);
    expect(lineOf(help, "/finish")?.trim()).toBe(finish);
    // Judges and others get no chair lines at all.
    expect(lineOf((await h.say(outsider, GROUP, "/help"))!.text!, "/close")).toBeUndefined();
  });

  it.each([
    ["live", "/close — close the round and post the ranking", "/finish — post the final ranking and end the contest"],
    ["scores", "/close — close the round and post the unit's score (the ranking comes at the end)", "/finish — post the final ranking and end the contest"],
    ["end", "/close — close the round (results are posted at the end)", "/finish — post the final ranking and end the contest"],
    [
      "chair",
      "/close — close the round (results go to the chair only, who publishes them)",
      "/finish — end the contest; the final ranking goes to the chair in private, who publishes it in the group",
    ],
  ] as [RevealPolicy, string, string][])("in English, under %s", async (policy, close, finish) => {
    await setUpMeeting(h);
    await h.say(chair, GROUP, "/lang en");
    await h.say(chair, GROUP, `/reveal ${policy}`);
    const help = (await h.say(chair, GROUP, "/help"))!.text!;
    expect(lineOf(help, "/close")?.trim()).toBe(close);
    expect(lineOf(help, "/finish")?.trim()).toBe(finish);
  });

  it("says that /reveal decides where no contest is known", async () => {
    h.model.setAdmins(GROUP, [], chair.id);
    const group = (await h.say(chair, GROUP, "/help"))!.text!;
    expect(lineOf(group, "/close")?.trim()).toBe("/close — 结束本轮评分，群里公布什么由 /reveal 决定（默认公布排名）");
    h.model.startUser(chair);
    const own = (await h.say(chair, chair.id, "/help"))!.text!;
    expect(lineOf(own, "/close")?.trim()).toBe("/close — 结束本轮评分，群里公布什么由 /reveal 决定（默认公布排名）");
    expect(lineOf(own, "/finish")?.trim()).toBe("/finish — 公布最终排名并结束评议");
  });
});
