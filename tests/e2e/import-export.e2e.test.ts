import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newPage, signIn, startApp, submitForm, type App } from './harness.ts';

let app: App;
let browser: Browser;
beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function axeViolations(page: Page) {
	await page.evaluate(axeSource);
	return (await page.evaluate(() =>
		(
			window as unknown as {
				axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string }[] }> };
			}
		).axe
			.run(document, {
				runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }
			})
			.then((result) => result.violations.map((v) => v.id))
	)) as string[];
}

/** A member list as the office keeps it in Excel: Windows-1252, semicolons, German numbers. */
function memberList() {
	const text = [
		'Firma;Straße;PLZ;Ort;Landkreis;Mitarbeiter;Mitglied seit;E-Mail;Ansprechpartner Vorname;Ansprechpartner Nachname',
		'Reisewerk Journey GmbH;"Am Hafen 1\r\nHalle 2";49074;Osnabrück;Stadt Osnabrück;1.250;21.01.2016;info@reisewerk-journey.de;Jörg;Käfer',
		'Ohne Kreis KG;Weg 2;48431;Rheine;Emsland;12;2019;info@ohne-kreis.de;;',
		'reisewerk journey gmbh;;;;;;;;;'
	].join('\r\n');
	return Buffer.from(text, 'latin1');
}

describe('the office imports and exports organisations', () => {
	it('uploads a file, reviews the dry run, confirms, sees the result and exports CSV and XLSX', async () => {
		const { context, page } = await newPage(browser, app.baseUrl);
		await signIn(page, 'office@demo.example', DEMO_PASSWORD);
		await page.goto('/office/import');
		expect(await axeViolations(page)).toEqual([]);

		await page.locator('input[name="file"]').setInputFiles({
			name: 'mitglieder.csv',
			mimeType: 'text/csv',
			buffer: memberList()
		});
		await submitForm(page, page.getByRole('button', { name: 'Datei prüfen' }));
		expect(page.url()).toMatch(/\/office\/import\/[0-9a-f-]{36}$/);
		const runUrl = page.url();
		await expect.poll(() => page.locator('main').innerText()).toContain('Windows-1252');
		const table = page.locator('main table');
		await expect.poll(() => table.innerText()).toContain('Reisewerk Journey GmbH');
		const text = await table.innerText();
		expect(text).toContain('Den Kreis „Emsland“ gibt es in diesem Netzwerk nicht.');
		expect(text).toContain('Dieselbe Organisation wie in Zeile 2');
		expect(await page.locator('select[name="column_5"]').inputValue()).toBe('employees');
		expect(await axeViolations(page)).toEqual([]);

		// Filter by outcome: a GET form, works without JavaScript.
		await page.locator('#outcome-filter').selectOption('error');
		await Promise.all([
			page.waitForURL(/outcome=error/),
			page.getByRole('button', { name: 'Anzeigen' }).click()
		]);
		expect(await page.locator('main table tbody tr').count()).toBe(1);

		await page.goto(runUrl);
		await submitForm(page, page.getByRole('button', { name: 'Jetzt importieren' }));
		await expect
			.poll(() => page.locator('main').innerText(), { timeout: 30_000 })
			.toContain('1 neu angelegt');
		expect(await page.locator('main').innerText()).toContain('Importiert');

		// The export of the office's search: the same headers the import reads, German numbers.
		const csv = await page.request.get('/export/organisations.csv?q=Reisewerk');
		expect(csv.status()).toBe(200);
		expect(csv.headers()['content-type']).toContain('text/csv');
		const body = await csv.body();
		expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const exported = body.toString('utf8');
		expect(exported).toContain('Name;Rechtsform;Art;Status');
		expect(exported).toContain('Reisewerk Journey GmbH');
		expect(exported).toContain('1.250');
		expect(exported).toContain('"Am Hafen 1\nHalle 2"');

		await page.goto('/office/import');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Excel (XLSX) herunterladen' }).click()
		]);
		const xlsxPath = await download.path();
		expect(readFileSync(xlsxPath).subarray(0, 2).toString('latin1')).toBe('PK');
		await context.close();

		// A visitor's export of the same search has public fields only (e-mail is members-only by default).
		const visitor = await newPage(browser, app.baseUrl);
		const publicCsv = await (await visitor.page.request.get('/export/organisations.csv?q=Reisewerk')).text();
		expect(publicCsv).toContain('Reisewerk Journey GmbH');
		expect(publicCsv).not.toContain('info@reisewerk-journey.de');
		expect(publicCsv).not.toContain('Mitarbeiter');
		await visitor.context.close();
	});

	it('refuses the import pages to a member', async () => {
		const { context, page } = await newPage(browser, app.baseUrl);
		await signIn(page, 'member@demo.example', DEMO_PASSWORD);
		const response = await page.goto('/office/import');
		expect(response?.status()).toBe(403);
		await context.close();
	});
});
