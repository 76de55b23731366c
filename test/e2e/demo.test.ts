// `npm run demo -- --exit`: the scripted meeting runs to the end and prints the final standings.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { freePort, testRedisUrl } from "../support/redis.js";

const runDemo = async (env: Record<string, string>) => {
  const child = spawn(process.execPath, ["dist/demo/demo.js", "--exit"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { code, out };
};

describe("npm run demo -- --exit", () => {
  it("plays the whole meeting through the bot and prints the final standings", async () => {
    const { code, out } = await runDemo({ REDIS_URL: testRedisUrl(), PORT: String(await freePort()) });
    expect(code, out).toBe(0);
    // Set up from the sample contest file, the scoreboard link handed to the chair.
    expect(out).toContain("已导入「坡头区雄鹰擂台赛」");
    expect(out).toMatch(/📺 大屏 \/ scoreboard: http:\/\/localhost:\d+\/screen\/[A-Za-z0-9_-]{22,}/);
    // One judge scores the first presenter in the Mini App; its address is printed, signed for them.
    expect(out).toMatch(/📝 表单评分 \/ Mini App（李明）: http:\/\/localhost:\d+\/app\/ballot\/[a-z0-9]{6,12}\/0#tgWebAppData=\S*hash%3D[0-9a-f]{64}/);
    expect(out).toMatch(/📝 李明（表单评分 \/ Mini App）→ 坡头镇: [\d/]+ = \d+ ✅/);
    // Every round opened, scored by all 7 judges and closed.
    expect(out.match(/🎤 第 \d\/6 位/g)).toHaveLength(6);
    expect(out.match(/🔒 评分已结束：共 7\/7 份/g)).toHaveLength(6);
    // The final standings, by group, with prizes.
    const final = out.slice(out.indexOf("最终排名 / final standings"));
    expect(final).toContain("【乡镇组】");
    expect(final).toContain("【部门组】");
    expect(final.match(/一等奖/g)).toHaveLength(2);
    expect(final).toMatch(/ 1\. \S+\s+\d{2}\.\d{2}  \(7 票\)/);
  }, 120_000);
});
