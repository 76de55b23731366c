// The XLSX boundary: the one module that knows the file format and its libraries (fflate for the
// zip container, saxen for XML). It writes a WorkbookSpec as SpreadsheetML and reads an uploaded
// workbook into plain typed cells. No formula is ever evaluated: a formula cell yields the result
// Excel saved with it, or an error when none was saved.
//
// Reading is bounded before anything is inflated: the zip's declared entry sizes must stay under
// maxUnpackedBytes, and an entry is inflated into a buffer of its declared size, so a lying header
// cannot make it bigger. Only XML parts are inflated (no pictures, no macros).
import { strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { Parser } from "saxen";
import {
  type Area,
  type CellStyle,
  type ListValidation,
  type ReadCell,
  type ReadRow,
  type ReadSheet,
  type SheetSpec,
  type WorkbookReadError,
  type WorkbookReadResult,
  type WorkbookSpec,
  cellName,
  columnLetter,
} from "./domain/workbook.js";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// ---------------------------------------------------------------- writing

const escapeXml = (text: string): string =>
  text
    // Characters XML 1.0 cannot hold at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

/** cellXfs index of each style; the order matches STYLES_XML below. */
const STYLE_INDEX: Record<CellStyle, number> = {
  title: 1,
  subtitle: 2,
  header: 3,
  note: 4,
  text: 5,
  integer: 6,
  decimal2: 7,
  line: 8,
  signature: 9,
  label: 10,
  number: 11,
};

const stylesXml = (font: string): string => {
  const f = escapeXml(font);
  const thin = '<color auto="1"/>';
  const all = `<border><left style="thin">${thin}</left><right style="thin">${thin}</right><top style="thin">${thin}</top><bottom style="thin">${thin}</bottom><diagonal/></border>`;
  const xf = (attrs: string, align = "") =>
    `<xf ${attrs} xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyNumberFormat="1" applyAlignment="1">${align}</xf>`;
  const align = (h: string, wrap = true, v = "center") => `<alignment horizontal="${h}" vertical="${v}"${wrap ? ' wrapText="1"' : ""}/>`;
  return (
    XML_HEAD +
    `<styleSheet xmlns="${NS_MAIN}">` +
    `<fonts count="4">` +
    `<font><sz val="11"/><name val="${f}"/><family val="2"/><charset val="134"/></font>` +
    `<font><b/><sz val="11"/><name val="${f}"/><family val="2"/><charset val="134"/></font>` +
    `<font><b/><sz val="16"/><name val="${f}"/><family val="2"/><charset val="134"/></font>` +
    `<font><i/><sz val="10"/><color rgb="FF595959"/><name val="${f}"/><family val="2"/><charset val="134"/></font>` +
    `</fonts>` +
    `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
    `<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>` +
    `<borders count="3"><border><left/><right/><top/><bottom/><diagonal/></border>${all}` +
    `<border><left/><right/><top/><bottom style="thin">${thin}</bottom><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="12">` +
    `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
    xf('numFmtId="0" fontId="2" fillId="0" borderId="0"', align("center")) +
    xf('numFmtId="0" fontId="0" fillId="0" borderId="0"', align("center")) +
    xf('numFmtId="0" fontId="1" fillId="2" borderId="1"', align("center")) +
    xf('numFmtId="0" fontId="3" fillId="0" borderId="1"', align("left", true, "top")) +
    xf('numFmtId="49" fontId="0" fillId="0" borderId="1"', align("left")) +
    xf('numFmtId="1" fontId="0" fillId="0" borderId="1"', align("center", false)) +
    xf('numFmtId="2" fontId="0" fillId="0" borderId="1"', align("right", false)) +
    xf('numFmtId="0" fontId="0" fillId="0" borderId="0"', align("left", true, "top")) +
    xf('numFmtId="0" fontId="0" fillId="0" borderId="2"', align("left", false, "bottom")) +
    xf('numFmtId="0" fontId="1" fillId="0" borderId="0"', align("left", false, "bottom")) +
    xf('numFmtId="0" fontId="0" fillId="0" borderId="1"', align("right", false)) +
    `</cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
    `</styleSheet>`
  );
};

const areaRef = (a: Area): string =>
  a.rows === 1 && a.cols === 1 ? cellName(a.row, a.col) : `${cellName(a.row, a.col)}:${cellName(a.row + a.rows - 1, a.col + a.cols - 1)}`;

const quoteSheet = (name: string): string => `'${name.replaceAll("'", "''")}'`;

const absoluteRef = (a: Area): string =>
  `$${columnLetter(a.col)}$${a.row + 1}:$${columnLetter(a.col + a.cols - 1)}$${a.row + a.rows}`;

const validationXml = (v: ListValidation): string => {
  const formula = Array.isArray(v.values)
    ? `"${v.values.map((value) => value.replaceAll('"', "")).join(",")}"`
    : `${quoteSheet(v.values.sheet)}!${absoluteRef(v.values.area)}`;
  const style = v.strict ? "" : ' errorStyle="information"';
  return `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"${style} sqref="${areaRef(v.area)}"><formula1>${escapeXml(formula)}</formula1></dataValidation>`;
};

const sheetXml = (sheet: SheetSpec, selected: boolean): string => {
  const rowsXml = sheet.rows
    .map((row, r) => {
      const cells = row
        .map((cell, c) => {
          if (!cell) return "";
          const ref = cellName(r, c);
          const s = cell.style ? ` s="${STYLE_INDEX[cell.style]}"` : "";
          if (typeof cell.value === "number") {
            return Number.isFinite(cell.value) ? `<c r="${ref}"${s}><v>${cell.value}</v></c>` : `<c r="${ref}"${s}/>`;
          }
          if (cell.value === "") return `<c r="${ref}"${s}/>`;
          return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell.value)}</t></is></c>`;
        })
        .join("");
      const height = sheet.heights?.[r];
      const ht = height === undefined ? "" : ` ht="${height}" customHeight="1"`;
      return `<row r="${r + 1}"${ht}>${cells}</row>`;
    })
    .join("");
  const lastCol = Math.max(1, sheet.widths.length, ...sheet.rows.map((row) => row.length)) - 1;
  const dimension = `A1:${cellName(Math.max(0, sheet.rows.length - 1), lastCol)}`;
  const frozen = sheet.freezeRows;
  const pane =
    frozen > 0
      ? `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/>`
      : "";
  const cols = sheet.widths.length
    ? `<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`
    : "";
  const merges = sheet.merges.length
    ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${areaRef(m)}"/>`).join("")}</mergeCells>`
    : "";
  const validations = sheet.validations.length
    ? `<dataValidations count="${sheet.validations.length}">${sheet.validations.map(validationXml).join("")}</dataValidations>`
    : "";
  const orientation = sheet.print.landscape ? "landscape" : "portrait";
  return (
    XML_HEAD +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<dimension ref="${dimension}"/>` +
    `<sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ""}>${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    cols +
    `<sheetData>${rowsXml}</sheetData>` +
    merges +
    validations +
    `<printOptions horizontalCentered="1"/>` +
    `<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>` +
    // paperSize 9 is A4; fitToHeight 0 lets the pages run as long as needed.
    `<pageSetup paperSize="9" orientation="${orientation}" fitToWidth="1" fitToHeight="0"/>` +
    `<headerFooter><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>` +
    `</worksheet>`
  );
};

/** The workbook as XLSX bytes. Sheet names must be unique, at most 31 characters, without []:*?/\. */
export const writeXlsx = (book: WorkbookSpec): Uint8Array => {
  const { sheets } = book;
  const sheetPath = (i: number) => `xl/worksheets/sheet${i + 1}.xml`;
  const printTitles = sheets
    .map((s, i) =>
      s.print.repeatRows > 0
        ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(quoteSheet(s.name))}!$1:$${s.print.repeatRows}</definedName>`
        : "",
    )
    .join("");
  const files: Zippable = {
    "[Content_Types].xml": strToU8(
      XML_HEAD +
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        sheets
          .map((_, i) => `<Override PartName="/${sheetPath(i)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
          .join("") +
        `</Types>`,
    ),
    "_rels/.rels": strToU8(
      XML_HEAD +
        `<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      XML_HEAD +
        `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
        `<bookViews><workbookView activeTab="0"/></bookViews>` +
        `<sheets>${sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets>` +
        (printTitles ? `<definedNames>${printTitles}</definedNames>` : "") +
        `</workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      XML_HEAD +
        `<Relationships xmlns="${NS_PKG_REL}">` +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
        `<Relationship Id="rId${sheets.length + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>` +
        `</Relationships>`,
    ),
    "xl/styles.xml": strToU8(stylesXml(book.font)),
  };
  sheets.forEach((sheet, i) => {
    files[sheetPath(i)] = strToU8(sheetXml(sheet, i === 0));
  });
  // A fixed time keeps the bytes of equal workbooks equal.
  return zipSync(files, { level: 6, mtime: new Date("2020-01-01T00:00:00Z") });
};

// ---------------------------------------------------------------- reading

export type XlsxLimits = {
  /** Sum of the declared sizes of the XML parts inflated. */
  maxUnpackedBytes: number;
  /** Rows holding a value, per sheet. */
  maxRows: number;
  /** Highest column holding a value (1-based). */
  maxColumns: number;
};

class Refused extends Error {
  constructor(readonly reason: WorkbookReadError) {
    super(reason.code);
  }
}

type Element = { name: string; attrs: Record<string, string> };
type XmlHandlers = {
  open?: (element: Element, path: readonly string[]) => void;
  close?: (name: string, path: readonly string[]) => void;
  text?: (text: string, path: readonly string[]) => void;
};

const localName = (name: string): string => name.slice(name.indexOf(":") + 1);

/** Streams the elements of an XML part (names without prefixes) with the path of open elements. */
const walkXml = (xml: string, handlers: XmlHandlers): void => {
  const parser = new Parser();
  const path: string[] = [];
  parser.on("error", (error) => {
    throw error;
  });
  // A DOCTYPE (and with it any entity definition) has no place in a workbook part.
  parser.on("attention", () => {
    throw new Refused({ code: "not_xlsx" });
  });
  parser.on("openTag", (rawName, getAttrs, _decode, selfClosing) => {
    const name = localName(rawName);
    const raw = getAttrs();
    const attrs: Record<string, string> = {};
    if (raw) for (const [key, value] of Object.entries(raw)) attrs[localName(key)] = value;
    path.push(name);
    handlers.open?.({ name, attrs }, path);
    if (selfClosing) {
      handlers.close?.(name, path);
      path.pop();
    }
  });
  parser.on("closeTag", (rawName, _decode, selfClosing) => {
    if (selfClosing) return;
    handlers.close?.(localName(rawName), path);
    path.pop();
  });
  parser.on("text", (value, decode) => handlers.text?.(decode(value), path));
  parser.on("cdata", (value) => handlers.text?.(value, path));
  const error = parser.parse(xml);
  if (error) throw error;
};

/** Target of each relationship, resolved against the part the relationships belong to. */
const relationships = (xml: string | undefined, base: string): Map<string, { type: string; target: string }> => {
  const map = new Map<string, { type: string; target: string }>();
  if (xml === undefined) return map;
  walkXml(xml, {
    open: ({ name, attrs }) => {
      if (name !== "Relationship" || !attrs.Id || !attrs.Target) return;
      const target = attrs.Target.startsWith("/") ? attrs.Target.slice(1) : new URL(attrs.Target, `http://x/${base}`).pathname.slice(1);
      map.set(attrs.Id, { type: attrs.Type ?? "", target: decodeURIComponent(target) });
    },
  });
  return map;
};

/** Text of each shared string; phonetic guides (rPh) are not part of the text. */
const sharedStrings = (xml: string | undefined): string[] => {
  const strings: string[] = [];
  if (xml === undefined) return strings;
  let current = "";
  walkXml(xml, {
    open: ({ name }, path) => {
      if (name === "si" && path.length === 2) current = "";
    },
    text: (text, path) => {
      if (path.at(-1) === "t" && !path.includes("rPh")) current += text;
    },
    close: (name, path) => {
      if (name === "si" && path.length === 2) strings.push(current);
    },
  });
  return strings;
};

/** 0-based row and column of "BC12"; undefined when it is not a cell reference. */
const parseCellRef = (ref: string): { row: number; col: number } | undefined => {
  const match = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.toUpperCase());
  if (!match) return undefined;
  const col = [...match[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(match[2]) - 1, col };
};

const parseArea = (ref: string): Area | undefined => {
  const [from, to = from] = ref.split(":");
  const a = parseCellRef(from ?? "");
  const b = parseCellRef(to ?? "");
  if (!a || !b) return undefined;
  return { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col), rows: Math.abs(b.row - a.row) + 1, cols: Math.abs(b.col - a.col) + 1 };
};

type PendingCell = { col: number; type: string; value: string | undefined; inline: string; formula: boolean };

const cellValue = (cell: PendingCell, strings: readonly string[]): ReadCell | undefined => {
  const { type, value, formula } = cell;
  if (type === "inlineStr") return cell.inline === "" ? undefined : { kind: "text", value: cell.inline, formula };
  if (value === undefined) return formula ? { kind: "error", value: "", formula } : undefined;
  switch (type) {
    case "s": {
      const text = strings[Number(value)];
      if (text === undefined) throw new Refused({ code: "not_xlsx" });
      return text === "" ? undefined : { kind: "text", value: text, formula };
    }
    case "str":
    case "d":
      return { kind: "text", value, formula };
    case "b":
      return { kind: "boolean", value: value === "1" || value === "true", formula };
    case "e":
      return { kind: "error", value, formula };
    default: {
      const number = Number(value);
      if (value.trim() === "" || !Number.isFinite(number)) return { kind: "text", value, formula };
      return { kind: "number", value: number, formula };
    }
  }
};

const readSheet = (name: string, xml: string, strings: readonly string[], limits: XlsxLimits): ReadSheet => {
  const rows: ReadRow[] = [];
  const merges: Area[] = [];
  let row: ReadRow | undefined;
  let nextRow = 1;
  let nextCol = 0;
  let cell: PendingCell | undefined;
  let value: string | undefined;
  const finishRow = () => {
    if (row && row.cells.some((c) => c !== undefined)) {
      if (rows.length >= limits.maxRows) throw new Refused({ code: "too_many_rows", sheet: name, limit: limits.maxRows });
      rows.push(row);
    }
    row = undefined;
  };
  walkXml(xml, {
    open: ({ name: element, attrs }, path) => {
      const parent = path.at(-2);
      if (element === "row" && parent === "sheetData") {
        const number = Number(attrs.r ?? nextRow);
        row = { row: Number.isInteger(number) && number > 0 ? number : nextRow, cells: [] };
        nextRow = row.row + 1;
        nextCol = 0;
      } else if (element === "c" && parent === "row") {
        const col = attrs.r ? parseCellRef(attrs.r)?.col : nextCol;
        cell = { col: col ?? nextCol, type: attrs.t ?? "n", value: undefined, inline: "", formula: false };
        nextCol = cell.col + 1;
      } else if (element === "f" && cell) cell.formula = true;
      else if (element === "v" && cell) value = "";
      else if (element === "mergeCell" && attrs.ref) {
        const area = parseArea(attrs.ref);
        if (area) merges.push(area);
      }
    },
    text: (text, path) => {
      const at = path.at(-1);
      if (!cell) return;
      if (at === "v" && value !== undefined) value += text;
      else if (at === "t" && path.includes("is") && !path.includes("rPh")) cell.inline += text;
    },
    close: (element) => {
      if (element === "v" && cell) {
        cell.value = value;
        value = undefined;
      } else if (element === "c" && cell && row) {
        const read = cellValue(cell, strings);
        if (read) {
          if (cell.col >= limits.maxColumns) throw new Refused({ code: "too_many_columns", sheet: name, limit: limits.maxColumns });
          row.cells[cell.col] = read;
        }
        cell = undefined;
      } else if (element === "row") finishRow();
    },
  });
  return { name, rows, merges };
};

const isXmlPart = (name: string): boolean => /\.(xml|rels)$/i.test(name);

const unpack = (bytes: Uint8Array, limits: XlsxLimits): Map<string, string> => {
  // "PK\x03\x04": a zip; old .xls and encrypted workbooks are compound files instead.
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    throw new Refused({ code: "not_xlsx" });
  }
  let declared = 0;
  const files = unzipSync(bytes, {
    filter: (file) => {
      if (!isXmlPart(file.name)) return false;
      declared += file.originalSize;
      if (declared > limits.maxUnpackedBytes) throw new Refused({ code: "unpacked_too_large", limit: limits.maxUnpackedBytes });
      return true;
    },
  });
  const decoder = new TextDecoder("utf-8");
  return new Map(Object.entries(files).map(([name, data]) => [name, decoder.decode(data)]));
};

/**
 * The workbook's sheets in tab order, each with its rows that hold a value. Refuses files that are
 * not XLSX, that would unpack beyond the limit, or hold too many rows or columns.
 */
export const readXlsx = (bytes: Uint8Array, limits: XlsxLimits): WorkbookReadResult => {
  try {
    const parts = unpack(bytes, limits);
    const root = relationships(parts.get("_rels/.rels"), "");
    const bookPath = [...root.values()].find((r) => r.type.endsWith("/officeDocument"))?.target ?? "xl/workbook.xml";
    const bookXml = parts.get(bookPath);
    if (bookXml === undefined) throw new Refused({ code: "not_xlsx" });
    const dir = bookPath.slice(0, bookPath.lastIndexOf("/") + 1);
    const rels = relationships(parts.get(`${dir}_rels/${bookPath.slice(dir.length)}.rels`), bookPath);
    const stringsPath = [...rels.values()].find((r) => r.type.endsWith("/sharedStrings"))?.target;
    const strings = sharedStrings(stringsPath === undefined ? undefined : parts.get(stringsPath));
    const listed: { name: string; target: string | undefined }[] = [];
    walkXml(bookXml, {
      open: ({ name, attrs }, path) => {
        if (name === "sheet" && path.at(-2) === "sheets") listed.push({ name: attrs.name ?? "", target: rels.get(attrs.id ?? "")?.target });
      },
    });
    const sheets = listed.flatMap(({ name, target }) => {
      const xml = target === undefined ? undefined : parts.get(target);
      // Chart sheets and dialog sheets have no cells.
      return xml === undefined || !/<(\w+:)?sheetData[\s/>]/.test(xml) ? [] : [readSheet(name, xml, strings, limits)];
    });
    return { ok: true, sheets };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.reason };
    // fflate and saxen throw on anything malformed: a broken zip or broken XML is not a workbook.
    return { ok: false, error: { code: "not_xlsx" } };
  }
};
