import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
	DEMO_PASSWORD,
	isSignedIn,
	launchBrowser,
	newPage,
	startApp,
	submitForm,
	type App
} from './harness.ts';

let app: App;
let browser: Browser;
beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

describe('sign-in rate limit', () => {
	it('after five wrong passwords the next attempt is limited (429), even with the right password', async () => {
		const { context, page } = await newPage(browser, app.baseUrl);
		const attempt = async (password: string) => {
			await page.goto('/sign-in');
			const form = page.locator('main form').filter({ has: page.locator('input[type="password"]') });
			await form.locator('input[name="email"]').fill('member@demo.example');
			await form.locator('input[name="password"]').fill(password);
			const response = await submitForm(page, form.getByRole('button').first());
			return { status: response.status(), message: (await page.locator('main').innerText()).trim() };
		};

		for (let i = 1; i <= 5; i++) {
			const wrong = await attempt(`falsches-passwort-${i}`);
			expect(wrong.status).toBe(400);
			expect(wrong.message).not.toContain('Zu viele Versuche');
			expect(await isSignedIn(page)).toBe(false);
		}
		const limited = await attempt(DEMO_PASSWORD);
		expect(limited.status).toBe(429);
		expect(limited.message).toMatch(/Zu viele Versuche\. Bitte warten Sie \d+ Minuten?/);
		expect(await isSignedIn(page)).toBe(false);
		await context.close();
	});

	it('another account from the same address is not affected', async () => {
		const { context, page } = await newPage(browser, app.baseUrl);
		await page.goto('/sign-in');
		const form = page.locator('main form').filter({ has: page.locator('input[type="password"]') });
		await form.locator('input[name="email"]').fill('lead@demo.example');
		await form.locator('input[name="password"]').fill(DEMO_PASSWORD);
		await submitForm(page, form.getByRole('button').first());
		expect(await isSignedIn(page)).toBe(true);
		await context.close();
	});
});
