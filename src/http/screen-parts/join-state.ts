// The join view of the scoreboard (/screen join): each panel's join link as a QR code drawn on
// this server (never by an outside service), with how many judges have joined it. Only counts:
// no judge's name or id.
import QRCode from "qrcode";
import type { Contest } from "../../domain/contest.js";
import type { Store } from "../../store/store.js";

export type ScreenJoinPanel = {
  /** The panel's name; null without panels. */
  name: string | null;
  /** The join link the QR code holds (https://t.me/<bot>?start=<code>). */
  url: string;
  /** The QR code, as a data: URL of an SVG image (the page's CSP allows images from data: only). */
  qr: string;
  /** Judges seated in this panel. */
  joined: number;
};

export type ScreenJoin = { panels: ScreenJoinPanel[]; joined: number };

/** The QR code of a link as a data: URL (SVG, dark on white, with its quiet zone). */
export const qrDataUrl = async (url: string): Promise<string> => {
  const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#000000", light: "#ffffff" } });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
};

/**
 * The join view when the chair chose it (and the contest still takes judges), else undefined.
 * Without the bot's username (not known yet) there is no link to show.
 */
export const loadJoin = async (store: Store, contest: Contest, botUsername: string | undefined): Promise<ScreenJoin | undefined> => {
  if (!botUsername || contest.status === "finished" || contest.status === "cancelled" || contest.setup.join === "roster") return undefined;
  if ((await store.screenControls.view(contest.id)) !== "join") return undefined;
  const [links, judges] = await Promise.all([store.seats.panelJoinLinks(contest.id, botUsername), store.contests.judges(contest.id)]);
  const { panels } = contest.setup;
  return {
    joined: judges.length,
    panels: await Promise.all(
      links.filter(({ panel }) => panel < Math.max(panels.length, 1)).map(async ({ panel, url }) => ({
        name: panels.length > 0 ? (panels[panel]?.name ?? null) : null,
        url,
        qr: await qrDataUrl(url),
        joined: judges.filter((judge) => judge.panel === panel).length,
      })),
    ),
  };
};
