// Workbooks as Excel and WPS save them (shared strings, formulas with saved results, merged
// cells), built by hand so the import is tested against files its own writer never makes.
import { strToU8, zipSync } from "fflate";
import type { ReadSheet } from "../../src/domain/workbook.js";

/** A formula with the result Excel saved (or none), or one whose result is an error such as #DIV/0!. */
export type FixtureFormula = { formula: string; cached?: string | number; error?: string };
export type FixtureCell = string | number | boolean | FixtureFormula | null | undefined;
export type FixtureSheet = { name: string; rows: FixtureCell[][]; merges?: string[] };

const esc = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const col = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : col(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

export const excelLikeWorkbook = (sheets: FixtureSheet[]): Buffer => {
  const strings: string[] = [];
  const shared = (text: string) => {
    const at = strings.indexOf(text);
    return at >= 0 ? at : strings.push(text) - 1;
  };
  const cellXml = (cell: FixtureCell, ref: string): string => {
    if (cell === null || cell === undefined) return "";
    if (typeof cell === "string") return `<c r="${ref}" t="s"><v>${shared(cell)}</v></c>`;
    if (typeof cell === "number") return `<c r="${ref}"><v>${cell}</v></c>`;
    if (typeof cell === "boolean") return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
    const f = `<f>${esc(cell.formula)}</f>`;
    if (cell.error !== undefined) return `<c r="${ref}" t="e">${f}<v>${esc(cell.error)}</v></c>`;
    if (cell.cached === undefined) return `<c r="${ref}">${f}</c>`;
    if (typeof cell.cached === "string") return `<c r="${ref}" t="str">${f}<v>${esc(cell.cached)}</v></c>`;
    return `<c r="${ref}">${f}<v>${cell.cached}</v></c>`;
  };
  const sheetXml = (sheet: FixtureSheet) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>` +
    sheet.rows
      .map((row, r) => `<row r="${r + 1}" spans="1:${Math.max(1, row.length)}">${row.map((cell, c) => cellXml(cell, `${col(c)}${r + 1}`)).join("")}</row>`)
      .join("") +
    `</sheetData>` +
    (sheet.merges?.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` : "") +
    `</worksheet>`;
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` +
        sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
        `</sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
        `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
  };
  sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet));
  });
  files["xl/sharedStrings.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">` +
      strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join("") +
      `</sst>`,
  );
  return Buffer.from(zipSync(files));
};

/** Sheets as read, turned back into plain rows (values only) to be edited and written again. */
export const fixtureSheets = (sheets: readonly ReadSheet[]): FixtureSheet[] =>
  sheets.map((sheet) => {
    const rows: FixtureCell[][] = [];
    for (const row of sheet.rows) {
      rows[row.row - 1] = Array.from(row.cells, (cell) => (cell && cell.kind !== "error" ? cell.value : null));
    }
    return { name: sheet.name, rows: Array.from(rows, (r) => r ?? []) };
  });
