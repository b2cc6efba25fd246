import { existsSync } from 'node:fs';
import {
	chromium,
	type Browser,
	type BrowserContext,
	type BrowserContextOptions,
	type Locator,
	type Page,
	type Response
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

/** The password of every demo account. */
export const DEMO_PASSWORD = 'knotenpunkt-demo';

/**
 * Clicks a form's submit button and waits until the answer is shown, whether the form posts plainly
 * or through SvelteKit's enhance. Returns the POST's response (status 429, 400 …).
 */
export async function submitForm(page: Page, button: Locator): Promise<Response> {
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		button.click()
	]);
	await page.waitForLoadState('load');
	await page.waitForLoadState('networkidle');
	return response;
}

/** Signs in through the sign-in form, as a person would, and waits for the page that follows. */
export async function signIn(page: Page, email: string, password: string) {
	await page.goto('/sign-in');
	const form = page.locator('main form').filter({ has: page.locator('input[type="password"]') });
	await form.locator('input[name="email"]').fill(email);
	await form.locator('input[name="password"]').fill(password);
	await submitForm(page, form.locator('button[type="submit"], button:not([type])').first());
	if (new URL(page.url()).pathname.startsWith('/sign-in')) {
		const problem = await page.locator('main [role="alert"], main .alert').allInnerTexts();
		throw new Error(`Signing in as ${email} failed: ${problem.join(' ') || 'still on ' + page.url()}`);
	}
}

/** The header's sign-out button is there exactly when someone is signed in. */
export async function isSignedIn(page: Page) {
	return (await page.getByRole('banner').locator('form[action="/sign-out"]').count()) > 0;
}

/** The names of the links in the main navigation. */
export async function mainNavigation(page: Page) {
	return page
		.getByRole('navigation', { name: /Hauptnavigation|Main navigation/ })
		.getByRole('link')
		.allInnerTexts();
}

/**
 * Reads the newest mail to `to` in the office's outbox (the page of a signed-in office account) and
 * returns its text. Mails are written when the action that sends them runs; a short poll covers a
 * background send.
 */
export async function readMailInOutbox(officePage: Page, to: string): Promise<string> {
	const deadline = Date.now() + 15_000;
	while (true) {
		await officePage.goto(`/office/outbox?q=${encodeURIComponent(to)}`);
		const row = officePage.locator('main table tbody tr').filter({ hasText: to }).first();
		if ((await row.count()) > 0) {
			await Promise.all([
				officePage.waitForURL(/\/office\/outbox\/[^/?]+$/),
				row.getByRole('link').first().click()
			]);
			return officePage.getByTestId('mail-body').innerText();
		}
		if (Date.now() > deadline) throw new Error(`No mail to ${to} in the outbox.`);
		await officePage.waitForTimeout(250);
	}
}

/** The first link in a mail text whose path starts with `path`. */
export function linkIn(mailText: string, path: string): string {
	const link = mailText.match(/https?:\/\/[^\s<>"]+/g)?.find((url) => new URL(url).pathname.startsWith(path));
	if (!link) throw new Error(`No link to ${path} in the mail:\n${mailText}`);
	return link;
}
