// Shared steps of the seating specs: a contest with two weighted panels, the chair in private,
// links and QR sheets read back from what the bot sent.
import jsQRModule from "jsqr";
import { PNG } from "pngjs";
import type { StoredMessage, TestUser } from "../support/bot-api-server.js";
import { GROUP, user, type Harness } from "./harness.js";
import { chair, contestOf } from "./integrity-support.js";
import { cardBox } from "../../src/bot/qr-sheet.js";

// jsqr is CommonJS declaring an ES default export: under NodeNext the import is the module object.
type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR: Decode = (jsQRModule as unknown as { default?: Decode }).default ?? (jsQRModule as unknown as Decode);

export const SEAT_LINK = /https:\/\/t\.me\/test_bot\?start=([A-Za-z0-9_-]+)/;

/** /newcontest, 4 criteria, 3 presenters, panels 区领导 70 / 两代表一委员 30; the chair has started the bot. */
export const setUpPanels = async (h: Harness) => {
  h.model.setAdmins(GROUP, [], chair.id);
  h.model.startUser(chair);
  await h.say(chair, chair.id, "/start");
  await h.say(chair, GROUP, "/newcontest 季度述职评议");
  await h.say(chair, GROUP, "/criteria\n实施性 30\n创新性 30\n持续性 20\n推广性 20");
  await h.say(chair, GROUP, "/presenters\n区交通运输局\n区教育局\n区卫健局");
  await h.say(chair, GROUP, "/panels\n区领导 70\n两代表一委员 30");
  return contestOf(h);
};

/** Tokens of the deep links in the chair's private messages sent after message id `after`. */
export const linksSince = (h: Harness, after = 0): string[] =>
  h.model
    .messages(chair.id)
    .filter((m) => m.messageId > after && m.text)
    .flatMap((m) => [...m.text!.matchAll(new RegExp(SEAT_LINK, "g"))].map((match) => match[1]!));

export const lastChairMessageId = (h: Harness): number => h.model.messages(chair.id).at(-1)?.messageId ?? 0;

/** The text of every QR code on a PNG sheet, in card order. */
export const decodeSheet = (bytes: Buffer, cards: number): string[] => {
  const png = PNG.sync.read(bytes);
  return Array.from({ length: cards }, (_, i) => {
    const box = cardBox(i);
    const crop = new Uint8ClampedArray(box.size * box.size * 4);
    for (let y = 0; y < box.size; y++) {
      const from = ((box.y + y) * png.width + box.x) * 4;
      crop.set(png.data.subarray(from, from + box.size * 4), y * box.size * 4);
    }
    return jsQR(crop, box.size, box.size)?.data ?? "";
  });
};

export const isPng = (bytes: Buffer): boolean => bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

/** The latest PNG document the bot sent the chair. */
export const lastSheet = (h: Harness): StoredMessage | undefined =>
  h.model.messages(chair.id).filter((m) => m.document?.file_name?.endsWith(".png")).at(-1);

/** A person opens a deep link: /start <payload> in their private chat; returns the bot's last answer there. */
export const openLink = async (h: Harness, who: TestUser, payload: string) => {
  h.model.startUser(who);
  return h.say(who, who.id, `/start ${payload}`);
};

export const guest = (id: number, name: string): TestUser => user(id, name);
