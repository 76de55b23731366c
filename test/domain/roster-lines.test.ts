import { describe, expect, it } from "vitest";
import { parseRosterCsv, parseRosterLines } from "../../src/domain/roster-lines.js";
import { ContestSetupSchema } from "../../src/domain/contest.js";

const setup = ContestSetupSchema.parse({
  title: "季度述职评议",
  presenters: [{ name: "区教育局" }, { name: "坡头镇" }, { name: "南调街道" }],
  panels: [
    { name: "区领导", weight: 70 },
    { name: "两代表一委员", weight: 30 },
  ],
});

describe("/judges lines", () => {
  it("reads name, panel, observer and conflicts, with full-width separators and Chinese words", () => {
    const parsed = parseRosterLines("张伟 | 区领导\n李娜｜两代表一委员｜观察员\n\n王强 | 区领导 | 回避：坡头镇、南调街道\nZhao Liu | 区领导 | observer | conflicts: 区教育局", setup);
    expect(parsed).toEqual({
      ok: true,
      value: [
        { name: "张伟", panel: 0, observer: false, conflicts: [] },
        { name: "李娜", panel: 1, observer: true, conflicts: [] },
        { name: "王强", panel: 0, observer: false, conflicts: ["坡头镇", "南调街道"] },
        { name: "Zhao Liu", panel: 0, observer: true, conflicts: ["区教育局"] },
      ],
    });
  });

  it("names every bad line and returns nothing else", () => {
    const parsed = parseRosterLines("张伟 | 区领导 | 组长\n | 区领导\n李娜 | 区领导 | 观察员 | 回避：坡头镇 | 多余\n王强 | 区领导\n王 强 | 区领导", setup, [{ name: "赵六" }]);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => [e.line, e.code])).toEqual([
      [1, "unknown_field"],
      [2, "missing_name"],
      [3, "too_many_fields"],
      [5, "duplicate_name"],
    ]);
    expect(parseRosterLines("赵六 | 区领导", setup, [{ name: "赵 六" }])).toMatchObject({ ok: false, errors: [{ code: "already_listed" }] });
    expect(parseRosterLines("  \n ", setup)).toMatchObject({ ok: false, errors: [{ code: "empty" }] });
  });

  it("needs no panel when the contest has at most one", () => {
    expect(parseRosterLines("张伟\n李娜 | 观察员", { ...setup, panels: [] })).toMatchObject({
      ok: true,
      value: [{ name: "张伟", panel: 0 }, { name: "李娜", panel: 0, observer: true }],
    });
  });
});

describe("roster CSV", () => {
  it("reads Chinese or English headers, a BOM, yes-words and user ids", () => {
    const parsed = parseRosterCsv("\uFEFFname,panel,observer,conflicts,userId\n张伟,区领导,,坡头镇,\n李娜,两代表一委员,是,\"区教育局,南调街道\",4242\n", setup);
    expect(parsed).toEqual({
      ok: true,
      value: [
        { name: "张伟", panel: 0, observer: false, conflicts: ["坡头镇"] },
        { name: "李娜", panel: 1, observer: true, conflicts: ["区教育局", "南调街道"], userId: 4242 },
      ],
    });
  });

  it("names bad rows by their line and refuses unknown columns or a repeated user id", () => {
    expect(parseRosterCsv("姓名,职务\n张伟,局长", setup)).toMatchObject({ ok: false, errors: [{ line: 1, code: "unknown_column", detail: { value: "职务" } }] });
    expect(parseRosterCsv("评委组\n区领导", setup)).toMatchObject({ ok: false, errors: [{ code: "missing_column" }] });
    const parsed = parseRosterCsv("姓名,评委组,用户ID\n张伟,区领导,12\n李娜,区长,13\n王强,区领导,abc\n赵六,区领导,12", setup);
    expect(parsed.ok ? [] : parsed.errors.map((e) => [e.line, e.code])).toEqual([
      [3, "unknown_panel"],
      [4, "bad_user_id"],
      [5, "duplicate_user"],
    ]);
  });
});
