import { existsSync } from 'node:fs';
import {
	chromium,
	type Browser,
	type BrowserContext,
	type BrowserContextOptions,
	type Page
} from 'playwright-core';

/** Debian's Chromium; playwright cannot download browsers on these machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_MISSING =
	`Chromium was not found at ${CHROMIUM_PATH}. Install Debian's package with ` +
	'`sudo apt-get install chromium` (or set CHROMIUM_PATH to a Chromium binary).';

export function hasChromium() {
	return existsSync(CHROMIUM_PATH);
}

export async function launchBrowser(): Promise<Browser> {
	if (!hasChromium()) throw new Error(CHROMIUM_MISSING);
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run'
		]
	});
}

/** A new context (own cookies) per test; a German-speaking browser unless told otherwise. */
export async function newPage(
	browser: Browser,
	baseUrl: string,
	options: BrowserContextOptions = {}
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ baseURL: baseUrl, locale: 'de-DE', ...options });
	const page = await context.newPage();
	return { context, page };
}

/** Signs in through the sign-in form, as a person would, and waits for the page that follows. */
export async function signIn(page: Page, email: string, password: string) {
	await page.goto('/sign-in');
	const form = page
		.locator('main form[method="POST"]')
		.filter({ has: page.locator('input[type="password"]') });
	await form.locator('input[name="email"]').fill(email);
	await form.locator('input[type="password"]').fill(password);
	await Promise.all([
		page.waitForURL((url) => url.pathname !== '/sign-in', { timeout: 15_000 }),
		form.locator('button[type="submit"], button:not([type])').first().click()
	]);
}
