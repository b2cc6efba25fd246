import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.2 A/AA violations axe finds on the page as it is shown now (e.g. with field errors). */
async function violations(page: Page): Promise<string[]> {
	await page.evaluate(axeSource);
	const found = (await page.evaluate(() =>
		(
			window as unknown as {
				axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> };
			}
		).axe
			.run(document, {
				runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }
			})
			.then((result) => result.violations)
	)) as { id: string; nodes: { target: string[] }[] }[];
	return found.map((v) => `${page.url()}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

let app: App;
let browser: Browser;
beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

describe('membership application', () => {
	it('goes from the public form through review and approval to the new admin’s first sign-in', async () => {
		const stamp = Date.now();
		const organisation = `Emsland Leichtbau ${stamp} GmbH`;
		const email = `lea.leicht.${stamp}@example.org`;
		const password = 'Leichtbau-an-der-Ems-2025';

		// A visitor on a phone finds the form from the home page.
		const visitor = await newPage(browser, app.baseUrl, { viewport: { width: 390, height: 844 } });
		const page = visitor.page;
		await page.goto('/');
		await Promise.all([
			page.waitForURL(/\/apply$/),
			page.getByRole('main').getByRole('link', { name: 'Mitglied werden' }).click()
		]);
		const form = page.locator('main form[method="POST"]');

		// Sending it half filled answers with field errors in German and keeps what was typed.
		await form.getByLabel('Name der Organisation *').fill(organisation);
		await form.getByLabel('E-Mail-Adresse *').fill('keine-adresse');
		const invalid = await submitForm(page, form.getByRole('button', { name: 'Antrag absenden' }));
		expect(invalid.status()).toBe(400);
		const main = page.locator('main');
		expect(await main.getByRole('alert').innerText()).toContain('Bitte prüfen Sie die markierten Angaben.');
		expect(await main.innerText()).toContain('Bitte geben Sie eine gültige E-Mail-Adresse ein.');
		expect(await main.innerText()).toContain('Bitte stimmen Sie zu, um den Antrag abzusenden.');
		expect(await form.getByLabel('Name der Organisation *').inputValue()).toBe(organisation);
		expect(await form.getByLabel('Vorname *').getAttribute('aria-invalid')).toBe('true');
		expect(await violations(page)).toEqual([]);

		// Complete and send.
		await form.getByLabel('Rechtsform').fill('GmbH');
		await form.getByLabel('Ort', { exact: true }).fill('Lingen');
		await form.getByLabel('Landkreis oder Stadt').selectOption({ index: 1 });
		await form.getByLabel('Beschäftigte').fill('140');
		await form.getByLabel('Position in der Wertschöpfungskette').selectOption('tier1');
		await form.getByLabel('Kompetenzen').fill('Faserverbund, Leichtbau');
		await form.getByLabel('Vorname *').fill('Lea');
		await form.getByLabel('Nachname *').fill('Leicht');
		await form.getByLabel('E-Mail-Adresse *').fill(email);
		await form.getByLabel(/Satzung gelesen/).check();
		await form.getByLabel(/Datenschutzhinweis gelesen/).check();
		await submitForm(page, form.getByRole('button', { name: 'Antrag absenden' }));
		expect(new URL(page.url()).pathname).toBe('/apply/thanks');
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Vielen Dank für Ihren Antrag');
		expect(await violations(page)).toEqual([]);
		await visitor.context.close();

		// The office finds it, completes it and leaves a note for the board.
		const office = await newPage(browser, app.baseUrl);
		await signIn(office.page, 'office@demo.example', DEMO_PASSWORD);
		await office.page.goto('/office/applications?status=submitted');
		await Promise.all([
			office.page.waitForURL(/\/office\/applications\/[0-9a-f-]{36}$/),
			office.page.getByRole('link', { name: organisation }).click()
		]);
		const applicationUrl = office.page.url();
		const review = office.page.locator('main form[action="?/review"]');
		await review.getByLabel('Website').fill('emsland-leichtbau.example');
		await review.getByLabel('Notiz der Geschäftsstelle').fill('Referenz durch ein Mitglied, passt gut.');
		const reviewed = await submitForm(office.page, review.getByRole('button', { name: 'Prüfung speichern' }));
		expect(reviewed.status()).toBe(200);
		expect(await office.page.locator('main').innerText()).toContain('Die Prüfung ist gespeichert.');
		expect(await office.page.getByTestId('application-status').innerText()).toBe('In Prüfung');
		// The office does not decide.
		expect(await office.page.getByRole('button', { name: 'Antrag annehmen' }).count()).toBe(0);
		expect(await violations(office.page)).toEqual([]);

		// The board reads the review and approves; it cannot edit the application.
		const board = await newPage(browser, app.baseUrl);
		await signIn(board.page, 'board@demo.example', DEMO_PASSWORD);
		await board.page.goto(applicationUrl);
		expect(await board.page.locator('main').innerText()).toContain('Referenz durch ein Mitglied, passt gut.');
		expect(await board.page.locator('main').innerText()).toContain('https://emsland-leichtbau.example');
		expect(await board.page.locator('main form[action="?/review"]').count()).toBe(0);
		await board.page.getByLabel('Anmerkung für die antragstellende Person').fill('Herzlich willkommen!');
		await submitForm(board.page, board.page.getByRole('button', { name: 'Antrag annehmen' }));
		expect(await board.page.locator('main').innerText()).toContain('Der Antrag ist angenommen');
		expect(await board.page.getByRole('link', { name: `Zur Organisation ${organisation}` }).count()).toBe(1);
		await board.context.close();

		// The applicant's mail carries the invitation link.
		const mail = await readMailInOutbox(office.page, email);
		const link = linkIn(mail, '/invitation');
		await office.context.close();

		// The new admin sets a password and is signed in as admin of the new organisation.
		const invitee = await newPage(browser, app.baseUrl);
		await invitee.page.goto(link);
		expect(await invitee.page.locator('main').innerText()).toContain(organisation);
		const accept = invitee.page
			.locator('main form')
			.filter({ has: invitee.page.locator('input[type="password"]') });
		await accept.locator('input[name="password"]').fill(password);
		await accept.locator('input[name="passwordConfirm"]').fill(password);
		await submitForm(invitee.page, accept.getByRole('button').last());
		expect(await isSignedIn(invitee.page)).toBe(true);
		await invitee.page.goto('/');
		expect(await mainNavigation(invitee.page)).toContain('Meine Organisation');
		await Promise.all([
			invitee.page.waitForURL(/\/organisations\/[^/]+\/team$/),
			invitee.page.getByRole('link', { name: 'Meine Organisation' }).click()
		]);
		expect(await invitee.page.locator('main').innerText()).toContain(organisation);
		await invitee.context.close();
	});
});
