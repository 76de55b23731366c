import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SeasonRulesSchema, type ContestSnapshot, type Season } from "../../src/domain/season.js";
import { seasonKeys } from "../../src/store/keys.js";
import { createStore, type Store } from "../../src/store/store.js";
import { testRedis, type TestRedis } from "../support/redis.js";

const CHAT = -1001;

const season = (id: string, overrides: Partial<Season> = {}): Season => ({
  id,
  name: "2026年度综合考评",
  ownerId: 1,
  chats: [CHAT],
  createdAt: 1_700_000_000_000,
  status: "open",
  rules: SeasonRulesSchema.parse({}),
  aliases: [],
  ...overrides,
});

const snapshot = (contestId: string, final: string, weight = 1): ContestSnapshot => ({
  contestId,
  chatId: CHAT,
  title: `评议 ${contestId}`,
  finishedAt: 1_700_000_100_000,
  weight,
  public: true,
  addedAt: 1_700_000_200_000,
  addedBy: 1,
  rows: [{ name: "坡头镇", group: "乡镇组", rank: 1, final, band: "黄" }],
});

const actor = { by: 1, at: 1_700_000_300_000 };

describe("season storage (real Redis)", () => {
  let r: TestRedis;
  let store: Store;
  beforeEach(() => {
    r = testRedis();
    store = createStore(r.redis, r.prefix);
  });
  afterEach(() => r.cleanup());

  it("creates a season, makes it the chat's current one and finds it by name, for the chat and its creator", async () => {
    await store.seasons.create(season("ssssss0001"), actor);
    expect(await store.seasons.get("ssssss0001")).toEqual(season("ssssss0001"));
    expect((await store.seasons.currentForChat(CHAT))?.id).toBe("ssssss0001");
    expect((await store.seasons.byName(CHAT, "2026年度综合考评"))?.id).toBe("ssssss0001");
    expect((await store.seasons.ownedByName(1, "2026年度综合考评"))?.id).toBe("ssssss0001");
    expect(await store.seasons.ownedByName(2, "2026年度综合考评")).toBeUndefined();
    expect(await store.seasons.get("NOT-AN-ID")).toBeUndefined();
  });

  it("keeps a season's keys under its own hash tag {seasonId} and the prefix", async () => {
    await store.seasons.create(season("ssssss0002"), actor);
    await store.seasons.putSnapshot("ssssss0002", snapshot("cccccc0001", "85/1"), actor);
    await store.seasons.ensureScreen("ssssss0002");
    const keys = await r.redis.keys(`${r.prefix}:s:*`);
    const { meta, snapshots, audit, screen } = seasonKeys(r.prefix, "ssssss0002");
    expect(keys.sort()).toEqual([meta, snapshots, audit, screen].sort());
    for (const key of keys) expect(key.startsWith(`${r.prefix}:s:{ssssss0002}:`)).toBe(true);
  });

  it("freezes a snapshot, replaces it when the same contest is added again, and audits both", async () => {
    await store.seasons.create(season("ssssss0003"), actor);
    expect(await store.seasons.putSnapshot("ssssss0003", snapshot("cccccc0001", "85/1"), actor)).toEqual({ code: "OK", replaced: false });
    expect(await store.seasons.putSnapshot("ssssss0003", snapshot("cccccc0001", "88/1", 2), actor)).toEqual({ code: "OK", replaced: true });
    expect(await store.seasons.snapshots("ssssss0003")).toEqual([snapshot("cccccc0001", "88/1", 2)]);
    expect((await store.seasons.placements(CHAT)).get("cccccc0001")).toBe("ssssss0003");
    const audit = await store.seasons.audit("ssssss0003");
    expect(audit.map((e) => e.type)).toEqual(["season-created", "season-contest-added", "season-contest-replaced"]);
    expect(audit[1]!.data).toEqual(snapshot("cccccc0001", "85/1"));
    expect(audit[2]).toMatchObject({ by: 1, at: actor.at, data: { weight: 2 } });
  });

  it("refuses every change to a closed season and writes nothing", async () => {
    const s = season("ssssss0004");
    await store.seasons.create(s, actor);
    await store.seasons.putSnapshot(s.id, snapshot("cccccc0001", "85/1"), actor);
    expect(await store.seasons.close(s, { by: 1, at: 5 })).toBe("OK");
    const closed = await store.seasons.get(s.id);
    expect(closed).toMatchObject({ status: "closed", closedAt: 5 });
    const before = await store.seasons.audit(s.id);
    expect(await store.seasons.putSnapshot(s.id, snapshot("cccccc0001", "10/1"), actor)).toEqual({ code: "CLOSED", replaced: false });
    const rules = SeasonRulesSchema.parse({ absent: "zero" });
    expect(await store.seasons.save({ ...closed!, rules }, { type: "season-rules-set", data: { rules } }, actor)).toBe("CLOSED");
    expect(await store.seasons.close(closed!, actor)).toBe("CLOSED");
    expect(await store.seasons.snapshots(s.id)).toEqual([snapshot("cccccc0001", "85/1")]);
    expect(await store.seasons.get(s.id)).toEqual(closed);
    expect(await store.seasons.audit(s.id)).toEqual(before);
    expect(before.map((e) => e.type).at(-1)).toBe("season-closed");
  });

  it("answers MISSING for a season that does not exist, creating nothing", async () => {
    expect(await store.seasons.putSnapshot("ssssss0404", snapshot("cccccc0001", "85/1"), actor)).toEqual({ code: "MISSING", replaced: false });
    expect(await r.redis.keys(`${r.prefix}*`)).toEqual([]);
  });

  it("saves rules, aliases and joined groups with what changed in the audit", async () => {
    const s = season("ssssss0005");
    await store.seasons.create(s, actor);
    const rules = SeasonRulesSchema.parse({ absent: "zero", bands: [{ name: "红", min: 90 }] });
    expect(await store.seasons.save({ ...s, rules }, { type: "season-rules-set", data: { rules } }, actor)).toBe("OK");
    const alias = { from: "区城管局", to: "区城市管理局" };
    expect(await store.seasons.save({ ...s, rules, aliases: [alias] }, { type: "season-alias-added", data: alias }, actor)).toBe("OK");
    const joined = { ...s, rules, aliases: [alias], chats: [CHAT, -2002] };
    expect(await store.seasons.save(joined, { type: "season-group-joined", data: { chatId: -2002 } }, actor)).toBe("OK");
    expect(await store.seasons.get(s.id)).toEqual(joined);
    expect((await store.seasons.currentForChat(-2002))?.id).toBe(s.id);
    expect((await store.seasons.byName(-2002, s.name))?.id).toBe(s.id);
    expect((await store.seasons.audit(s.id)).map((e) => [e.type, e.data])).toEqual([
      ["season-created", { name: s.name, chatId: CHAT }],
      ["season-rules-set", { rules }],
      ["season-alias-added", alias],
      ["season-group-joined", { chatId: -2002 }],
    ]);
  });

  it("parses what it reads: a damaged season or snapshot is an error, not a wrong table", async () => {
    const s = season("ssssss0006");
    await store.seasons.create(s, actor);
    await r.redis.hset(seasonKeys(r.prefix, s.id).snapshots, "cccccc0001", JSON.stringify({ ...snapshot("cccccc0001", "85/1"), weight: -1 }));
    await expect(store.seasons.snapshots(s.id)).rejects.toThrow();
    await r.redis.hset(seasonKeys(r.prefix, s.id).meta, "status", "paused");
    await expect(store.seasons.get(s.id)).rejects.toThrow();
  });

  it("lists the chat's finished contests oldest first", async () => {
    await store.seasons.recordFinished(CHAT, "cccccc0002", 200);
    await store.seasons.recordFinished(CHAT, "cccccc0001", 100);
    expect(await store.seasons.finishedContests(CHAT)).toEqual([
      { contestId: "cccccc0001", at: 100 },
      { contestId: "cccccc0002", at: 200 },
    ]);
    expect(await store.seasons.finishedAt(CHAT, "cccccc0002")).toBe(200);
    expect(await store.seasons.finishedAt(CHAT, "cccccc0003")).toBeUndefined();
  });
});
