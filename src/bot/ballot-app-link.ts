// The address of a judge's Mini App ballot (<PUBLIC_URL>/app/ballot/<contest>/<presenter>).
// Telegram opens Mini Apps over https only, so without an https PUBLIC_URL there is none and
// ballots keep their buttons alone.
import { publicUrl, type Config } from "../config.js";

export type BallotAppLinkConfig = Partial<Pick<Config, "PUBLIC_URL">> & { PORT?: number };

/** Path the Mini App's routes are mounted at. */
export const BALLOT_APP_PATH = "/app/ballot";

/** "https://host/app/ballot", or undefined when PUBLIC_URL is not https. */
export const ballotAppBase = (config: BallotAppLinkConfig): string | undefined => {
  const base = publicUrl(config);
  return base.startsWith("https://") ? `${base}${BALLOT_APP_PATH}` : undefined;
};

export const ballotAppUrl = (base: string | undefined, contestId: string, presenter: number): string | undefined =>
  base === undefined ? undefined : `${base}/${contestId}/${presenter}`;
