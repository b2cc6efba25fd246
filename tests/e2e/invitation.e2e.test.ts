import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
	DEMO_PASSWORD,
	isSignedIn,
	launchBrowser,
	linkIn,
	mainNavigation,
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

describe('invitation of an organisation admin', () => {
	it('office invites, the mail carries a link, the invitee sets a password and is signed in as admin', async () => {
		const email = `jonas.berger.${Date.now()}@example.org`;
		const password = 'Sonnenblumenfeld-bei-Melle-3';

		// The office invites an admin for a member organisation.
		const office = await newPage(browser, app.baseUrl);
		await signIn(office.page, 'office@demo.example', DEMO_PASSWORD);
		await office.page.goto('/office/invitations');
		const form = office.page.locator('main form[action="?/invite"]');
		await form.locator('input[name="email"]').fill(email);
		await form.locator('input[name="name"]').fill('Jonas Berger');
		const organisation = form.locator('select[name="organisationId"]');
		const options = await organisation
			.locator('option')
			.evaluateAll((nodes) =>
				nodes.map((node) => ({ value: (node as HTMLOptionElement).value, label: node.textContent!.trim() }))
			);
		const chosen = options.find((option) => option.value)!;
		await organisation.selectOption(chosen.value);
		await form.locator('select[name="role"]').selectOption('org_admin');
		const sent = await submitForm(office.page, form.getByRole('button', { name: 'Einladung senden' }));
		expect(sent.status()).toBeLessThan(400);
		expect(await office.page.locator('main table').innerText()).toContain(email);

		// The invitation mail is in the outbox.
		const mail = await readMailInOutbox(office.page, email);
		const link = linkIn(mail, '/invitation');
		await office.context.close();

		// The invitee opens the link in a browser of their own and chooses a password.
		const invitee = await newPage(browser, app.baseUrl);
		const page = invitee.page;
		await page.goto(link);
		expect(await page.locator('main').innerText()).toContain(chosen.label);
		const accept = page.locator('main form').filter({ has: page.locator('input[type="password"]') });
		await accept.locator('input[name="password"]').fill(password);
		const confirm = accept.locator('input[name="passwordConfirm"]');
		if ((await confirm.count()) > 0) await confirm.fill(password);
		await submitForm(page, accept.getByRole('button').last());
		expect(await isSignedIn(page)).toBe(true);

		// Signed in as the admin of that organisation: its team page is in the navigation.
		await page.goto('/');
		expect(await mainNavigation(page)).toContain('Meine Organisation');
		expect(await mainNavigation(page)).not.toContain('Geschäftsstelle');
		await Promise.all([
			page.waitForURL(/\/organisations\/[^/]+\/team$/),
			page.getByRole('link', { name: 'Meine Organisation' }).click()
		]);
		expect(await page.locator('main').innerText()).toContain(chosen.label);

		// The link was single use: a second browser cannot take it again.
		const other = await newPage(browser, app.baseUrl);
		await other.page.goto(link);
		expect(await other.page.locator('main input[type="password"]').count()).toBe(0);
		await other.context.close();

		// And the new password works for a later sign-in.
		const later = await newPage(browser, app.baseUrl);
		await signIn(later.page, email, password);
		expect(await isSignedIn(later.page)).toBe(true);
		await later.context.close();
		await invitee.context.close();
	});
});
