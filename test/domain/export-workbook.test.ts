// Sheet names of the export workbook: judges' names become sheet names Excel accepts.
import { describe, expect, it } from "vitest";
import { sheetName } from "../../src/domain/export-workbook.js";

describe("sheetName", () => {
  it("replaces the characters Excel refuses, cuts at 31 characters and keeps names unique", () => {
    const taken = new Set<string>();
    expect(sheetName("汇总表", taken)).toBe("汇总表");
    expect(sheetName("汇总表", taken)).toBe("汇总表(2)");
    expect(sheetName("张/三:[组长]?", taken)).toBe("张_三__组长__");
    expect(sheetName("'王五'", taken)).toBe("王五");
    const long = "区住房和城乡建设局党组书记兼局长区住房和城乡建设局党组书记兼局长";
    expect(sheetName(long, taken)).toBe(Array.from(long).slice(0, 31).join(""));
    expect(sheetName(long, taken)).toBe(`${Array.from(long).slice(0, 28).join("")}(2)`);
    expect(sheetName("Alice", taken)).toBe("Alice");
    expect(sheetName("ALICE", taken)).toBe("ALICE(2)");
    expect(sheetName("   ", taken)).toBe("Sheet");
  });
});
