/**
 * A real browser for the tests of the HTML reports: Debian's Chromium, driven by playwright-core
 * (which downloads no browser of its own). When it is not installed the tests that need it are
 * skipped and say so on stderr with the install line; with REQUIRE_REAL_CLIENTS set (CI, after
 * .ci/run installed it) a missing browser fails instead.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'apt-get install -y chromium';

/** Why the browser tests cannot run here, or undefined when they can. */
export function missingBrowser(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const reason = `no ${CHROMIUM}: install it with \`${INSTALL}\``;
  if (process.env.REQUIRE_REAL_CLIENTS) throw new Error(`REQUIRE_REAL_CLIENTS is set, and ${reason}`);
  console.warn(`skipping the browser tests: ${reason}`);
  return reason;
}

/** A browser with a fresh profile that is removed on close, and nothing of its own running in the background. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
