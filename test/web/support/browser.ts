import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's chromium (`apt-get install chromium`; .ci/run installs it). */
export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

/** Runs in the page before its own scripts (the tests compile without the DOM library, hence `globalThis`). */
function recordViolations(): void {
  const page = globalThis as any;
  page.__violations = [];
  page.document.addEventListener('securitypolicyviolation', (event: any) => page.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
}

export interface WatchedPage {
  page: Page;
  /** Console errors and uncaught exceptions, as text. */
  errors: string[];
  /** Content-Security-Policy violations the page reported (`securitypolicyviolation` events). */
  violations(): Promise<string[]>;
}

/**
 * A page whose console errors, uncaught exceptions and CSP violations are kept. The violation
 * listener is installed through the DevTools protocol, which the page's policy does not govern;
 * the page's own scripts still run under it (CSP is never bypassed).
 */
export async function watchedPage(browser: Browser): Promise<WatchedPage> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.addInitScript(recordViolations);
  return {
    page,
    errors,
    violations: () => page.evaluate(() => (globalThis as any).__violations as string[]),
  };
}
