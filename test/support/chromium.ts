// Headless Chromium for the browser tests. A local `npm test` without Chromium skips them and says
// so; CI (`.ci/run` sets REQUIRE_BROWSER=1) fails instead, so a missing browser never passes quietly.
import { existsSync, mkdirSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const browserRequired = (): boolean => process.env.REQUIRE_BROWSER === "1";

/**
 * True when the browser tests can run. Without Chromium: false with a warning, or, when the
 * browser is required (CI), an error that fails the test file.
 */
export const chromiumAvailable = (suite: string): boolean => {
  if (existsSync(CHROMIUM_PATH)) return true;
  const hint = `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium fonts-noto-cjk, or set CHROMIUM_PATH)`;
  if (browserRequired()) throw new Error(`[${suite}] the browser is required here (REQUIRE_BROWSER=1): ${hint}`);
  console.warn(`[${suite}] skipped: ${hint}`);
  return false;
};

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

/**
 * Where a browser test saves its screenshot `name`: test-results/, so a test run leaves the tree
 * clean; docs/ (the README's pictures) with UPDATE_SCREENSHOTS=1 (`npm run screenshots`).
 */
export const screenshotPath = (name: string): string => {
  const dir = process.env.UPDATE_SCREENSHOTS === "1" ? "docs" : "test-results";
  mkdirSync(dir, { recursive: true });
  return `${dir}/${name}`;
};
