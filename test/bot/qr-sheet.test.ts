// The printable QR sheets draw the judges' Chinese names with a CJK font found by resvg: the
// system's (Noto Sans CJK on a developer machine and in CI), and WenQuanYi Zen Hei alone, the one
// font the Docker image installs (Dockerfile, test/deploy/compose.test.ts). Without any font the
// names are blank, which is what the check below detects.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { cardBox, CJK_FAMILIES, qrSheets, type SheetFonts } from "../../src/bot/qr-sheet.js";
import { decodeSheet } from "./seats-support.js";

/** Where fonts-wqy-zenhei (the Docker image's font) puts its file on Debian. */
const WQY = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
/** A font without Chinese glyphs (Debian's fonts-dejavu-core), to show what the check tells apart. */
const LATIN = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

// Names of the same length: drawn in a font without Chinese glyphs (tofu boxes) both would look alike.
const CARDS = [
  { title: "张伟", subtitle: "区领导", url: "https://t.me/scorebot?start=AAAAAAAAAAAAAAAAAAAAAA" },
  { title: "王芳", subtitle: "区政协", url: "https://t.me/scorebot?start=BBBBBBBBBBBBBBBBBBBBBB" },
];

/** The pixels under a card's QR code, where its name and panel are written (the dashed border left out): 1 dark, 0 light. */
const underCard = (bytes: Buffer, index: number): string => {
  const png = PNG.sync.read(bytes);
  const box = cardBox(index);
  const left = box.x - 20;
  const top = box.y + box.size + 2;
  let bits = "";
  for (let y = top; y < top + 80; y++) {
    for (let x = left; x < left + box.size + 40; x++) bits += png.data[(y * png.width + x) * 4]! < 128 ? "1" : "0";
  }
  return bits;
};
const ink = (bits: string): number => bits.split("1").length - 1;

/** Both names are drawn, as different glyphs. */
const expectNamesDrawn = (sheet: Buffer) => {
  expect(decodeSheet(sheet, CARDS.length)).toEqual(CARDS.map((c) => c.url));
  const [first, second] = [underCard(sheet, 0), underCard(sheet, 1)];
  expect(ink(first)).toBeGreaterThan(300);
  expect(ink(second)).toBeGreaterThan(300);
  expect(first).not.toEqual(second);
};

const systemHasCjkFont = (): boolean => {
  try {
    const families = execFileSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" });
    return CJK_FAMILIES.some((family) => families.includes(family));
  } catch {
    return false;
  }
};

const hasSystemFont = !!process.env.CI || systemHasCjkFont();
const hasWqy = !!process.env.CI || existsSync(WQY);
if (!hasSystemFont) console.warn("[qr-sheet] skipped the system font check: no CJK font (apt-get install fonts-noto-cjk)");
if (!hasWqy) console.warn(`[qr-sheet] skipped the Docker font check: no ${WQY} (apt-get install fonts-wqy-zenhei)`);

const render = (fonts?: SheetFonts) => qrSheets("「坡头区雄鹰擂台赛」评委邀请", CARDS, fonts);

describe("QR sheets: the names are drawn", () => {
  it("leaves the names blank when resvg finds no font (what a runtime image without a CJK font printed)", () => {
    const [sheet] = render({ loadSystemFonts: false });
    expect(decodeSheet(sheet!, CARDS.length)).toEqual(CARDS.map((c) => c.url));
    expect([ink(underCard(sheet!, 0)), ink(underCard(sheet!, 1))]).toEqual([0, 0]);
  });

  it.skipIf(!existsSync(LATIN))("draws the same boxes for different names in a font without Chinese glyphs", () => {
    const [sheet] = render({ loadSystemFonts: false, fontFiles: [LATIN] });
    expect(ink(underCard(sheet!, 0))).toBeGreaterThan(0);
    expect(underCard(sheet!, 0)).toEqual(underCard(sheet!, 1));
  });

  // CI installs fonts-noto-cjk (.ci/run); a machine without any CJK font skips, saying so.
  it.skipIf(!hasSystemFont)("draws the Chinese names with the system's CJK font", () => {
    expectNamesDrawn(render()[0]!);
  });

  // CI installs fonts-wqy-zenhei (.ci/run); elsewhere this runs where the package is installed.
  it.skipIf(!hasWqy)("draws them with WenQuanYi Zen Hei alone, the Docker image's font", () => {
    expectNamesDrawn(render({ loadSystemFonts: false, fontFiles: [WQY] })[0]!);
  });
});
