import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
	DEMO_PASSWORD,
	isSignedIn,
	launchBrowser,
	mainNavigation,
	newPage,
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

/** What each demo role finds in the main navigation (German), and what it must not find. */
const roles = [
	{
		email: 'office@demo.example',
		sees: [
			'Kompetenzatlas',
			'Veranstaltungen',
			'Expertenkreise',
			'Kooperationsbörse',
			'Mitgliederbereich',
			'Verzeichnis',
			'Geschäftsstelle'
		],
		not: []
	},
	{
		email: 'board@demo.example',
		sees: [
			'Kompetenzatlas',
			'Veranstaltungen',
			'Expertenkreise',
			'Kooperationsbörse',
			'Mitgliederbereich',
			'Verzeichnis',
			'Geschäftsstelle'
		],
		not: []
	},
	{
		email: 'orgadmin@demo.example',
		sees: [
			'Kompetenzatlas',
			'Veranstaltungen',
			'Expertenkreise',
			'Kooperationsbörse',
			'Mitgliederbereich',
			'Verzeichnis',
			'Meine Organisation'
		],
		not: ['Geschäftsstelle']
	},
	{
		email: 'member@demo.example',
		sees: [
			'Kompetenzatlas',
			'Veranstaltungen',
			'Expertenkreise',
			'Kooperationsbörse',
			'Mitgliederbereich',
			'Verzeichnis',
			'Meine Organisation'
		],
		not: ['Geschäftsstelle']
	},
	{
		email: 'lead@demo.example',
		sees: [
			'Kompetenzatlas',
			'Veranstaltungen',
			'Expertenkreise',
			'Kooperationsbörse',
			'Mitgliederbereich',
			'Verzeichnis',
			'Meine Organisation'
		],
		not: ['Geschäftsstelle']
	},
	{
		email: 'partner@demo.example',
		sees: [
			'Kompetenzatlas',
			'Veranstaltungen',
			'Expertenkreise',
			'Kooperationsbörse',
			'Mitgliederbereich',
			'Verzeichnis'
		],
		not: ['Geschäftsstelle']
	}
];

describe('demo accounts', () => {
	it('a visitor sees only the public navigation and the sign-in link', async () => {
		const { context, page } = await newPage(browser, app.baseUrl);
		await page.goto('/');
		expect(await mainNavigation(page)).toEqual([
			'Start',
			'Kompetenzatlas',
			'Veranstaltungen',
			'Kooperationsbörse'
		]);
		// Expert circles are the network's own business: not in a visitor's navigation. The
		// cooperation exchange is, because anonymous profiles are public.
		expect(await isSignedIn(page)).toBe(false);
		await context.close();
	});

	for (const role of roles) {
		it(`${role.email} signs in and sees the navigation of the role`, async () => {
			const { context, page } = await newPage(browser, app.baseUrl);
			await signIn(page, role.email, DEMO_PASSWORD);
			expect(await isSignedIn(page)).toBe(true);
			await page.goto('/');
			const navigation = await mainNavigation(page);
			for (const item of role.sees) expect(navigation).toContain(item);
			for (const item of role.not) expect(navigation).not.toContain(item);
			// Following a link the role does not have is refused, not merely hidden.
			const office = await page.goto('/office');
			expect(office?.status()).toBe(role.not.includes('Geschäftsstelle') ? 403 : 200);
			await context.close();
		});
	}

	it('the office reaches its area, with the outbox, through the navigation', async () => {
		const { context, page } = await newPage(browser, app.baseUrl);
		await signIn(page, 'office@demo.example', DEMO_PASSWORD);
		await page.goto('/');
		await Promise.all([
			page.waitForURL('**/office'),
			page
				.getByRole('navigation', { name: 'Hauptnavigation' })
				.getByRole('link', { name: 'Geschäftsstelle' })
				.click()
		]);
		expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
		expect(await page.getByRole('link', { name: 'Postausgang' }).count()).toBeGreaterThan(0);
		await context.close();
	});

	it('signing out ends the session', async () => {
		const { context, page } = await newPage(browser, app.baseUrl);
		await signIn(page, 'member@demo.example', DEMO_PASSWORD);
		await page.goto('/members');
		await submitForm(page, page.getByRole('banner').getByRole('button', { name: 'Abmelden' }));
		expect(await isSignedIn(page)).toBe(false);
		const members = await page.goto('/members');
		expect(new URL(page.url()).pathname).toBe('/sign-in');
		expect(members?.status()).toBe(200);
		await context.close();
	});
});
