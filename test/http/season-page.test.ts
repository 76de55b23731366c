// The season table page over real Redis: the numbers of the season, every name escaped, a
// revoked or unknown link is a 404, a season with a chair-only contest shows no table.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pino } from "pino";
import { SeasonRulesSchema, type ContestSnapshot, type Season } from "../../src/domain/season.js";
import { createSeasonRoutes } from "../../src/http/season-page.js";
import { createStore, type Store } from "../../src/store/store.js";
import { testRedis, type TestRedis } from "../support/redis.js";

const CHAT = -1001;
const actor = { by: 1, at: 1_700_000_000_000 };

const season: Season = {
  id: "ssssss0101",
  name: "2026年度综合考评",
  ownerId: 1,
  chats: [CHAT],
  createdAt: actor.at,
  status: "open",
  rules: SeasonRulesSchema.parse({ bands: [{ name: "红", min: 90 }, { name: "黄", min: 75 }] }),
  aliases: [],
};

const snapshot = (contestId: string, title: string, finishedAt: number, rows: [string, string][], isPublic = true): ContestSnapshot => ({
  contestId,
  chatId: CHAT,
  title,
  finishedAt,
  weight: 1,
  public: isPublic,
  addedAt: finishedAt,
  addedBy: 1,
  rows: rows.map(([name, final], i) => ({ name, group: null, rank: i + 1, final, band: "黄" })),
});

describe("season table page (real Redis)", () => {
  let r: TestRedis;
  let store: Store;
  let app: ReturnType<typeof createSeasonRoutes>["app"];
  beforeEach(async () => {
    r = testRedis();
    store = createStore(r.redis, r.prefix);
    app = createSeasonRoutes({ store, logger: pino({ level: "silent" }) }).app;
    await store.seasons.create(season, actor);
  });
  afterEach(() => r.cleanup());

  it("shows the season's standings with every name escaped, without scripts", async () => {
    // <script> 1: (80 + 90)/2 = 85.00; 坡头镇: 88 then absent → 88.00, first before and after ② (=).
    await store.seasons.putSnapshot(season.id, snapshot("cccccc0001", "五月<评议>", 1, [["坡头镇", "88/1"], ["<script>alert(1)</script>", "80/1"]]), actor);
    await store.seasons.putSnapshot(season.id, snapshot("cccccc0002", "八月评议", 2, [["<script>alert(1)</script>", "90/1"]]), actor);
    const token = await store.seasons.ensureScreen(season.id);
    const response = await app.request(`/${token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("五月&lt;评议&gt;");
    expect(html).toContain('<tr><td>1</td><td class="name">坡头镇</td><td class="score">88.00</td><td>88.00</td><td class="absent">—</td><td>=</td><td></td><td>黄</td><td class="name">黄 1</td></tr>');
    expect(html).toContain('<td>2</td><td class="name">&lt;script&gt;alert(1)&lt;/script&gt;</td><td class="score">85.00</td><td>80.00</td><td>90.00</td><td>=</td><td></td><td>黄</td><td class="name">黄 2</td></tr>');
    expect(html).toContain('http-equiv="refresh" content="30"');
  });

  it("answers 404 for an unknown, malformed or revoked link, and keeps a chair-only season's table off the page", async () => {
    expect((await app.request("/AAAAAAAAAAAAAAAAAAAAAAAA")).status).toBe(404);
    expect((await app.request("/x")).status).toBe(404);
    const token = await store.seasons.ensureScreen(season.id);
    expect(await store.seasons.ensureScreen(season.id)).toBe(token);
    await store.seasons.putSnapshot(season.id, snapshot("cccccc0001", "内部评议", 1, [["坡头镇", "88/1"]], false), actor);
    const html = await (await app.request(`/${token}`)).text();
    expect(html).toContain("本赛季包含只向主持人公布结果的评议");
    expect(html).not.toContain("88.00");
    expect(await store.seasons.revokeScreen(season.id)).toBe(true);
    expect((await app.request(`/${token}`)).status).toBe(404);
    expect(await store.seasons.revokeScreen(season.id)).toBe(false);
  });
});
