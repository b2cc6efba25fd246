import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
	DEMO_PASSWORD,
	isSignedIn,
	launchBrowser,
	linkIn,
	newPage,
	readMailInOutbox,
	signIn,
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

describe('sign-up', () => {
	it('signs up, finds the verification mail in the outbox, verifies the address and signs in', async () => {
		const email = `lena.neumann.${Date.now()}@example.org`;
		const password = 'Kaffeemaschine-am-Hafen-7';

		// A visitor signs up.
		const visitor = await newPage(browser, app.baseUrl);
		const page = visitor.page;
		await page.goto('/');
		await Promise.all([
			page.waitForURL('**/sign-up'),
			page.getByRole('banner').getByRole('link', { name: 'Registrieren' }).click()
		]);
		const form = page.locator('main form').filter({ has: page.locator('input[name="passwordConfirm"]') });
		await form.locator('input[name="name"]').fill('Lena Neumann');
		await form.locator('input[name="email"]').fill(email);
		await form.locator('input[name="password"]').fill(password);
		await form.locator('input[name="passwordConfirm"]').fill(password);
		const answer = await submitForm(page, form.getByRole('button'));
		expect(answer.status()).toBeLessThan(400);
		expect(await isSignedIn(page)).toBe(false);

		// Before the address is verified, signing in does not work.
		await expect(signIn(page, email, password)).rejects.toThrow(/failed/);

		// The office reads the mail in the outbox (no SMTP server in the demo).
		const office = await newPage(browser, app.baseUrl);
		await signIn(office.page, 'office@demo.example', DEMO_PASSWORD);
		const mail = await readMailInOutbox(office.page, email);
		const link = linkIn(mail, '/verify-email');
		expect(new URL(link).origin).toBe(app.baseUrl);
		await office.context.close();

		// The visitor follows the link and confirms (a button: mail scanners that open links must not
		// use the token up), then signs in.
		await page.goto(link);
		await submitForm(page, page.getByRole('button', { name: 'E-Mail-Adresse bestätigen' }));
		expect(await page.getByRole('status').innerText()).toContain('Ihre E-Mail-Adresse ist bestätigt');
		await signIn(page, email, password);
		expect(await isSignedIn(page)).toBe(true);
		await page.goto('/account');
		expect(await page.locator('main').innerText()).toContain(email);

		await visitor.context.close();
	});

	it('refuses a common password with a message at the field, linked for screen readers', async () => {
		const { context, page } = await newPage(browser, app.baseUrl);
		await page.goto('/sign-up');
		const form = page.locator('main form').filter({ has: page.locator('input[name="passwordConfirm"]') });
		await form.locator('input[name="name"]').fill('Test Person');
		await form.locator('input[name="email"]').fill('test.person@example.org');
		await form.locator('input[name="password"]').fill('password123');
		await form.locator('input[name="passwordConfirm"]').fill('password123');
		const answer = await submitForm(page, form.getByRole('button'));
		expect(answer.status()).toBe(400);
		const password = form.locator('input[name="password"]');
		expect(await password.getAttribute('aria-invalid')).toBe('true');
		// The message is one of the elements the field is described by (beside the hint).
		const described = (await password.getAttribute('aria-describedby'))?.split(/\s+/) ?? [];
		const texts = await Promise.all(described.map((id) => page.locator(`[id="${id}"]`).innerText()));
		expect(texts.join(' ')).toContain('zu verbreitet');
		await context.close();
	});
});
