import { existsSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/** Debian's Chromium (provisioned by scripts/lib/ensure-test-host.sh, the test command's set-up step); no browser is downloaded. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** What a headless Chromium saw when it opened a report. */
export interface OpenedReport {
  /** Console messages of type error, and uncaught page errors. */
  readonly consoleErrors: readonly string[];
  /** Every request other than the report file itself. */
  readonly otherRequests: readonly string[];
  /** The page's visible text. */
  readonly text: string;
  /** Rendered width × height of each inline SVG, by class. */
  readonly svgSizes: Readonly<Record<string, { width: number; height: number }>>;
}

/**
 * Opens an HTML file in a fresh headless Chromium profile and reports console errors, requests and text.
 * @param file - path of the HTML file
 * @param screenshot - optional path of a full-page PNG to write
 */
export async function openReportInChromium(file: string, screenshot?: string): Promise<OpenedReport> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'bt-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    offline: true,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const consoleErrors: string[] = [];
    const otherRequests: string[] = [];
    const url = pathToFileURL(path.resolve(file)).href;
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('request', (request) => {
      if (request.url() !== url) otherRequests.push(request.url());
    });
    await page.goto(url, { waitUntil: 'load' });
    const text = await page.innerText('body');
    const svgSizes: Record<string, { width: number; height: number }> = {};
    for (const svg of await page.locator('svg').all()) {
      const cls = (await svg.getAttribute('class')) ?? 'svg';
      const box = await svg.boundingBox();
      svgSizes[cls] = { width: box?.width ?? 0, height: box?.height ?? 0 };
    }
    if (screenshot !== undefined) {
      await page.screenshot({ path: screenshot, fullPage: true });
    }
    return { consoleErrors, otherRequests, text, svgSizes };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Fails with a clear message when Chromium is missing; scripts/test.sh provisions it before the tests run. */
export function requireChromium(): void {
  if (!existsSync('/usr/bin/chromium')) {
    throw new Error('/usr/bin/chromium is missing: run `bash scripts/lib/ensure-test-host.sh` (npm test does this in its set-up step)');
  }
}
