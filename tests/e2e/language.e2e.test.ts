import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, startApp, type App } from './harness.ts';

let app: App;
let browser: Browser;
beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

describe('language', () => {
	it('speaks German by default, also to a browser that asks for a language we do not offer', async () => {
		const { context, page } = await newPage(browser, app.baseUrl, { locale: 'fr-FR' });
		await page.goto('/');
		expect(await page.locator('html').getAttribute('lang')).toBe('de');
		await expect.poll(() => page.getByRole('navigation', { name: 'Hauptnavigation' }).count()).toBe(1);
		await expect
			.poll(() => page.getByRole('link', { name: 'Anmelden', exact: true }).count())
			.toBeGreaterThan(0);
		await context.close();
	});

	it('switches to English with one click in the header, and stays English on the next page', async () => {
		const { context, page } = await newPage(browser, app.baseUrl);
		await page.goto('/impressum');
		expect(await page.locator('html').getAttribute('lang')).toBe('de');
		await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
		await page.waitForFunction(() => document.documentElement.lang === 'en');
		// Back where we were, now in English.
		expect(new URL(page.url()).pathname).toBe('/impressum');
		await expect.poll(() => page.getByRole('navigation', { name: 'Main navigation' }).count()).toBe(1);
		await page.goto('/');
		expect(await page.locator('html').getAttribute('lang')).toBe('en');
		await expect
			.poll(() => page.getByRole('link', { name: 'Sign in', exact: true }).count())
			.toBeGreaterThan(0);
		// And back to German.
		await page.getByRole('banner').getByRole('button', { name: 'Deutsch' }).click();
		await page.waitForFunction(() => document.documentElement.lang === 'de');
		await context.close();
	});
});
