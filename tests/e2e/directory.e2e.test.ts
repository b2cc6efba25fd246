import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newPage, signIn, startApp, type App } from './harness.ts';

/**
 * The same directory for members (member-visible fields, consented contacts) and for the office
 * (everything, with a status filter); the public atlas shows neither.
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

const resultCount = async (page: Page) =>
	Number((await page.getByRole('status').innerText()).replace(/\D/g, ''));

async function openFilters(page: Page) {
	const panel = page.locator('details.facet-panel');
	if (!(await panel.evaluate((details) => (details as HTMLDetailsElement).open))) {
		await panel.locator(':scope > summary').click();
	}
	return panel;
}

describe('the members’ directory', () => {
	it('shows a member consented contacts and members-only fields that the atlas does not', async () => {
		const { context, page } = await newPage(browser, app.baseUrl);
		await signIn(page, 'member@demo.example', DEMO_PASSWORD);
		await page.goto('/directory');
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Mitgliederverzeichnis');
		await page.getByRole('searchbox', { name: 'Suche' }).fill('Else-Werk');
		await Promise.all([page.waitForURL(/q=Else-Werk/), page.getByRole('button', { name: 'Suchen' }).click()]);
		await Promise.all([
			page.waitForURL(/\/directory\/[0-9a-f-]{36}$/),
			page.getByRole('link', { name: 'Else-Werk Gusstechnik GmbH', exact: true }).first().click()
		]);

		// Its e-mail address is for members only (the contact group's visibility).
		const contact = page.getByRole('complementary');
		const email = (await contact.locator('a[href^="mailto:"]').first().innerText()).trim();
		expect(email).toMatch(/@/);
		const contacts = page.getByRole('region', { name: 'Ansprechpersonen' }).getByRole('listitem');
		expect(await contacts.count()).toBeGreaterThan(0);
		const contactEmails = await contacts.locator('a[href^="mailto:"]').allInnerTexts();
		expect(contactEmails.length).toBeGreaterThan(0);
		// A member of another organisation may not edit this profile.
		expect(await page.getByRole('link', { name: 'Profil bearbeiten' }).count()).toBe(0);

		const atlas = await (await fetch(`${app.baseUrl}/atlas/else-werk-gusstechnik`)).text();
		expect(atlas).toContain('Else-Werk Gusstechnik GmbH');
		for (const address of [email, ...contactEmails]) expect(atlas).not.toContain(address.trim());
		await context.close();
	});

	it('the office filters its view by membership status', async () => {
		const { context, page } = await newPage(browser, app.baseUrl);
		await signIn(page, 'office@demo.example', DEMO_PASSWORD);
		await page.goto('/office/organisations');
		const everything = await resultCount(page);
		const panel = await openFilters(page);
		const partner = panel.getByRole('checkbox', { name: /^Partner/ });
		const expected = Number((await partner.locator('xpath=..').innerText()).match(/(\d+)\s*$/)![1]);
		expect(expected).toBeGreaterThan(0);
		expect(expected).toBeLessThan(everything);
		await Promise.all([page.waitForURL(/status=partner/), partner.check()]);
		expect(await resultCount(page)).toBe(expected);
		const statuses = await page.locator('main table tbody tr td:nth-child(3)').allInnerTexts();
		expect(statuses.length).toBe(Math.min(expected, 20));
		expect(new Set(statuses)).toEqual(new Set(['Partner']));
		// Rows still lead to the office's organisation page.
		const first = page.locator('main table tbody tr a').first();
		expect(await first.getAttribute('href')).toMatch(/^\/office\/organisations\/[0-9a-f-]{36}$/);
		await context.close();
	});
});
