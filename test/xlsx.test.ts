// The XLSX adapter on its own: what the written parts say (print setup, frozen rows, lists), and
// how reading stays bounded and strict on files no spreadsheet program would write.
import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { SheetSpec } from "../src/domain/workbook.js";
import { readXlsx, writeXlsx, type XlsxLimits } from "../src/xlsx.js";
import { excelLikeWorkbook } from "./domain/xlsx-fixture.js";

const LIMITS: XlsxLimits = { maxUnpackedBytes: 1024 * 1024, maxRows: 100, maxColumns: 10 };

const sheet = (over: Partial<SheetSpec> = {}): SheetSpec => ({
  name: "汇总表",
  rows: [[{ value: "标题", style: "title" }], [{ value: "名次", style: "header" }, { value: "得分", style: "header" }], [{ value: 1, style: "integer" }, { value: 83.333, style: "decimal2" }]],
  widths: [8, 12],
  merges: [{ row: 0, col: 0, rows: 1, cols: 2 }],
  freezeRows: 2,
  validations: [{ area: { row: 2, col: 0, rows: 10, cols: 1 }, values: ["是", "否"], strict: true }],
  print: { landscape: true, repeatRows: 2 },
  ...over,
});

const part = (bytes: Uint8Array, name: string) => new TextDecoder().decode(unzipSync(bytes)[name]);

/** A zip whose entry claims `claimed` bytes unpacked while it really holds `actual` bytes. */
const lyingZip = (actual: string, claimed: number): Uint8Array => {
  const zip = zipSync({ "xl/workbook.xml": strToU8(actual) });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i < zip.length - 4; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50) view.setUint32(i + 22, claimed, true);
    if (signature === 0x02014b50) view.setUint32(i + 24, claimed, true);
  }
  return zip;
};

describe("xlsx adapter", () => {
  it("writes A4 print setup fit to one page wide, repeated header rows, frozen rows, merges, lists and two-decimal numbers", () => {
    const bytes = writeXlsx({ font: "宋体", sheets: [sheet()] });
    const xml = part(bytes, "xl/worksheets/sheet1.xml");
    expect(xml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(xml).toContain('<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toContain('<mergeCell ref="A1:B1"/>');
    expect(xml).toContain('<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="A3:A12"><formula1>&quot;是,否&quot;</formula1></dataValidation>');
    expect(xml).toContain('<c r="B3" s="7"><v>83.333</v></c>');
    expect(part(bytes, "xl/styles.xml")).toMatch(/<xf numFmtId="2" [^>]*borderId="1"/);
    expect(part(bytes, "xl/workbook.xml")).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'汇总表'!$1:$2</definedName>`);
    const read = readXlsx(bytes, LIMITS);
    expect(read.ok && read.sheets[0]!.rows.map((r) => r.cells.map((c) => c?.value))).toEqual([["标题"], ["名次", "得分"], [1, 83.333]]);
  });

  it("refuses a zip whose declared sizes exceed the limit before inflating anything", () => {
    const bomb = zipSync({ "xl/workbook.xml": strToU8(" ".repeat(2 * 1024 * 1024)) });
    expect(bomb.length).toBeLessThan(10_000);
    expect(readXlsx(bomb, LIMITS)).toEqual({ ok: false, error: { code: "unpacked_too_large", limit: 1024 * 1024 } });
  });

  it("inflates an entry no further than its declared size, so a lying header only yields broken XML", () => {
    const lying = lyingZip(`<workbook>${" ".repeat(4 * 1024 * 1024)}</workbook>`, 100);
    expect(readXlsx(lying, LIMITS)).toEqual({ ok: false, error: { code: "not_xlsx" } });
    // The same entry with honest sizes is refused by the limit instead.
    expect(readXlsx(lyingZip(`<workbook>${" ".repeat(4 * 1024 * 1024)}</workbook>`, 4 * 1024 * 1024 + 21), LIMITS)).toMatchObject({ ok: false, error: { code: "unpacked_too_large" } });
  });

  it("refuses a DOCTYPE (no entity expansion), too many rows or columns, and non-zip files", () => {
    const doctype = zipSync({
      "_rels/.rels": strToU8('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">]><Relationships/>'),
      "xl/workbook.xml": strToU8("<workbook/>"),
    });
    expect(readXlsx(doctype, LIMITS)).toEqual({ ok: false, error: { code: "not_xlsx" } });
    const rows = excelLikeWorkbook([{ name: "汇报单位", rows: Array.from({ length: 101 }, (_, i) => [`单位${i}`]) }]);
    expect(readXlsx(rows, LIMITS)).toEqual({ ok: false, error: { code: "too_many_rows", sheet: "汇报单位", limit: 100 } });
    const wide = excelLikeWorkbook([{ name: "评分项", rows: [Array.from({ length: 11 }, (_, i) => `列${i}`)] }]);
    expect(readXlsx(wide, LIMITS)).toEqual({ ok: false, error: { code: "too_many_columns", sheet: "评分项", limit: 10 } });
    expect(readXlsx(strToU8("名称,满分"), LIMITS)).toEqual({ ok: false, error: { code: "not_xlsx" } });
  });

  it("reads shared strings without their phonetic guides, saved formula results, booleans and errors", () => {
    const bytes = excelLikeWorkbook([
      { name: "S", rows: [["坡头镇", { formula: "1+1", cached: 2 }, { formula: "A1", cached: "坡头镇" }, true, { formula: "1/0", error: "#DIV/0!" }, { formula: "B1*2" }]] },
    ]);
    const files = unzipSync(bytes);
    files["xl/sharedStrings.xml"] = strToU8(
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>坡头</t></r><r><t>镇</t></r><rPh sb="0" eb="2"><t>ぽとう</t></rPh></si></sst>',
    );
    const read = readXlsx(zipSync(files), LIMITS);
    expect(read.ok && read.sheets[0]!.rows[0]!.cells).toEqual([
      { kind: "text", value: "坡头镇", formula: false },
      { kind: "number", value: 2, formula: true },
      { kind: "text", value: "坡头镇", formula: true },
      { kind: "boolean", value: true, formula: false },
      { kind: "error", value: "#DIV/0!", formula: true },
      { kind: "error", value: "", formula: true },
    ]);
  });
});
