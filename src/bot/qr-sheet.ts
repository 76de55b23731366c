// Printable sheets of QR codes (invitations, panel join codes): drawn on this server, never by an
// outside service. The QR matrix comes from `qrcode`; the page is SVG rasterised to PNG by resvg
// with the system's CJK font (Noto Sans CJK or WenQuanYi Zen Hei; the Docker image installs
// fonts-wqy-zenhei). Without one the names are left blank, though the codes still work.
import QRCode from "qrcode";
import { Resvg } from "@resvg/resvg-js";

export type QrCard = { title: string; subtitle?: string; url: string };

export const CARDS_PER_SHEET = 20;
const COLUMNS = 4;
const CELL_W = 300;
const CELL_H = 350;
const QR_PX = 250;
const HEADER_H = 90;
/** The CJK families tried in order; the first one found draws the names. */
export const CJK_FAMILIES = ["Noto Sans CJK SC", "Noto Sans CJK", "Noto Sans SC", "WenQuanYi Zen Hei"] as const;
const FONT_FAMILY = [...CJK_FAMILIES, "sans-serif"].join(", ");

/** Where resvg finds fonts: the system's (fontconfig's directories, else /usr/share/fonts), or given files. */
export type SheetFonts = { loadSystemFonts: boolean; fontFiles?: string[] };
export const SYSTEM_FONTS: SheetFonts = { loadSystemFonts: true };

const escapeXml = (text: string): string =>
  text.replace(/[<>&"']/g, (ch) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[ch]!);

/** Keeps a line short enough for its cell (CJK characters are about twice as wide as Latin ones). */
const fit = (text: string, width: number): string => {
  let used = 0;
  let out = "";
  for (const ch of text) {
    used += /[\u0000-\u00ff]/.test(ch) ? 1 : 2;
    if (used > width) return `${out}…`;
    out += ch;
  }
  return out;
};

/** One QR code as an SVG group at (x, y), `size` pixels wide including its quiet zone. */
const qrGroup = (url: string, x: number, y: number, size: number): string => {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
  const count = modules.size;
  const unit = Math.floor(size / (count + 8));
  const offset = Math.floor((size - unit * count) / 2);
  let path = "";
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) if (modules.get(row, col)) path += `M${col} ${row}h1v1h-1z`;
  }
  return `<g transform="translate(${x + offset} ${y + offset}) scale(${unit})"><path d="${path}" fill="#000"/></g>`;
};

const sheetSvg = (heading: string, cards: readonly QrCard[]): string => {
  const rows = Math.ceil(cards.length / COLUMNS);
  const width = COLUMNS * CELL_W;
  const height = HEADER_H + rows * CELL_H;
  const cells = cards.map((card, i) => {
    const x = (i % COLUMNS) * CELL_W;
    const y = HEADER_H + Math.floor(i / COLUMNS) * CELL_H;
    const text = (line: string, dy: number, size: number) =>
      `<text x="${x + CELL_W / 2}" y="${y + dy}" font-size="${size}" text-anchor="middle" font-family="${FONT_FAMILY}">${escapeXml(line)}</text>`;
    return [
      `<rect x="${x + 4}" y="${y + 4}" width="${CELL_W - 8}" height="${CELL_H - 8}" fill="none" stroke="#bbb" stroke-dasharray="6 4"/>`,
      qrGroup(card.url, x + (CELL_W - QR_PX) / 2, y + 10, QR_PX),
      text(fit(card.title, 18), QR_PX + 45, 26),
      card.subtitle ? text(fit(card.subtitle, 24), QR_PX + 78, 20) : "",
    ].join("");
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${width / 2}" y="58" font-size="34" text-anchor="middle" font-family="${FONT_FAMILY}">${escapeXml(fit(heading, 60))}</text>`,
    ...cells,
    `</svg>`,
  ].join("");
};

/** PNG sheets of at most CARDS_PER_SHEET cards each (4 across), every card a QR code with its names. */
export const qrSheets = (heading: string, cards: readonly QrCard[], fonts: SheetFonts = SYSTEM_FONTS): Buffer[] => {
  const sheets: Buffer[] = [];
  for (let i = 0; i < cards.length; i += CARDS_PER_SHEET) {
    const svg = sheetSvg(heading, cards.slice(i, i + CARDS_PER_SHEET));
    const rendered = new Resvg(svg, {
      font: { ...fonts, defaultFontFamily: CJK_FAMILIES[0] },
      background: "#ffffff",
    }).render();
    sheets.push(Buffer.from(rendered.asPng()));
  }
  return sheets;
};

/** Where each card's QR code lies on its sheet (for checking a sheet: crop and decode). */
export const cardBox = (index: number): { x: number; y: number; size: number } => {
  const i = index % CARDS_PER_SHEET;
  return { x: (i % COLUMNS) * CELL_W + (CELL_W - QR_PX) / 2, y: HEADER_H + Math.floor(i / COLUMNS) * CELL_H + 10, size: QR_PX };
};
