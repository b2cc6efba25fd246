import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newPage, signIn, startApp, submitForm, type App } from './harness.ts';
import { demoUuid } from '../../src/lib/server/seed/demo-events.ts';

/**
 * Without SMTP (the demo's default) mails stay in the outbox, attachments included: a member
 * registers for a webinar and the office reads the confirmation with its .ics and QR code.
 */
let app: App;
let browser: Browser;
beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

describe('the outbox', () => {
	it('shows a registration confirmation with its calendar file and QR code', async () => {
		const webinar = demoUuid('event:webinar-high-voltage');
		const member = await newPage(browser, app.baseUrl);
		await signIn(member.page, 'partner@demo.example', DEMO_PASSWORD);
		await member.page.goto(`/events/${webinar}`);
		await submitForm(member.page, member.page.getByRole('button', { name: 'Verbindlich anmelden' }));
		await expect.poll(() => member.page.getByText('Sie sind angemeldet.').count()).toBeGreaterThan(0);
		await member.context.close();

		const office = await newPage(browser, app.baseUrl);
		await signIn(office.page, 'office@demo.example', DEMO_PASSWORD);
		await office.page.goto('/office/outbox?q=partner%40demo.example');
		// The job renders the mail right after the registration; the outbox shows it when it is there.
		const confirmation = office.page.locator('a[href^="/office/outbox/"]', {
			hasText: 'Anmeldung bestätigt'
		});
		await expect
			.poll(async () => {
				await office.page.reload();
				return confirmation.count();
			})
			.toBeGreaterThan(0);
		await confirmation.first().click();
		const attachments = office.page.getByTestId('mail-attachments');
		await expect.poll(() => attachments.count()).toBe(1);
		const text = await attachments.innerText();
		expect(text).toContain('.ics');
		expect(text).toContain('image/png');
		expect(await office.page.getByTestId('mail-body').innerText()).toContain('Hochvolt-Qualifizierung');
		await office.context.close();
	});
});
