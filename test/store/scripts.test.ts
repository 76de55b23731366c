// Lua scripts share functions through `--!include lib/<name>.lua` lines, expanded when a script is
// read (src/store/scripts.ts): the live counter's numbers are counted by one function, whether a
// submit (submit-ballot.lua) or the counter itself (round-counts.lua) asks.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readScript } from "../../src/store/scripts.js";

describe("Lua script includes", () => {
  it("expands every include, in every script", () => {
    for (const file of readdirSync("src/store/scripts").filter((f) => f.endsWith(".lua"))) {
      expect(readScript(file), file).not.toMatch(/--!include/);
    }
  });

  it("gives round-counts.lua and submit-ballot.lua the same counting function", () => {
    const shared = readScript("lib/round-counts.lua").trimEnd();
    expect(shared).toContain("local function roundCounts(judgesKey, ballotsKey, conflictsKey, presenter)");
    for (const file of ["round-counts.lua", "submit-ballot.lua"]) {
      const text = readScript(file);
      expect(text).toContain(shared);
      expect(text.match(/local function roundCounts/g)).toHaveLength(1);
    }
  });
});
