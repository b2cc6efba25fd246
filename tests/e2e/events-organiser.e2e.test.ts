import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newPage, signIn, startApp, type App } from './harness.ts';
import { demoUuid } from '../../src/lib/server/seed/demo-events.ts';

let app: App;
let browser: Browser;
beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

/** The demo's last regulars' table: office-organised, in the past, so the door is open. */
const eventId = demoUuid('event:stammtisch-1');

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

describe('the office at the door', () => {
	it('manages the event, checks someone in by name, exports the list and prints the sign-in sheet', async () => {
		const { context, page } = await newPage(browser, app.baseUrl);
		await signIn(page, 'office@demo.example', DEMO_PASSWORD);

		const manage = await page.goto(`/events/${eventId}/manage`);
		expect(manage?.status()).toBe(200);
		await expect
			.poll(() => page.getByRole('heading', { level: 1 }).innerText())
			.toContain('AutOS-Stammtisch');
		expect(Number(await page.getByTestId('count-attended').locator('dd').innerText())).toBeGreaterThan(0);
		expect(await axeViolations(page)).toEqual([]);

		// Someone who did not come: the status filter is a GET form.
		await page.locator('#filter-status').selectOption('no_show');
		await Promise.all([
			page.waitForURL(/status=no_show/),
			page.getByRole('button', { name: 'Anzeigen' }).click()
		]);
		const firstRow = page.getByTestId('attendee-table').locator('tbody tr').first();
		const name = (await firstRow.locator('th').innerText()).replace(/\s*Gast$/, '').trim();
		expect(name.length).toBeGreaterThan(3);

		const door = await page.goto(`/events/${eventId}/check-in`);
		expect(door?.status(), app.output()).toBe(200);
		const counter = page.getByTestId('door-counter');
		const before = await counter.innerText();
		const attendedBefore = Number(before.match(/Anwesend (\d+)/)![1]);
		await page.getByRole('searchbox', { name: 'Name suchen' }).pressSequentially(name.split(' ').at(-1)!);
		const button = page.getByRole('button', { name: `${name} einchecken` });
		await button.click();
		await expect
			.poll(() => page.getByTestId('door-announcement').innerText())
			.toContain(`${name} ist eingecheckt`);
		await expect.poll(() => counter.innerText()).toContain(`Anwesend ${attendedBefore + 1} /`);
		expect(await page.locator('#door-results').innerText()).toContain('bereits eingecheckt um');
		expect(await axeViolations(page)).toEqual([]);

		// Without JavaScript the search is a GET form: the same list, filtered on the server's render.
		const plain = await browser.newContext({
			baseURL: app.baseUrl,
			locale: 'de-DE',
			javaScriptEnabled: false
		});
		await plain.addCookies(await context.cookies());
		const plainPage = await plain.newPage();
		await plainPage.goto(`/events/${eventId}/check-in?q=${encodeURIComponent(name.split(' ').at(-1)!)}`);
		const plainResults = await plainPage.locator('#door-results').innerText();
		expect(plainResults).toContain(name);
		expect(plainResults).toContain('bereits eingecheckt um');
		await plain.close();

		// A typed code that is no ticket is refused with a sentence, not a check-in.
		await page.getByLabel('Ticket-Code').fill('KEIN-TICKET-123');
		await page.getByRole('button', { name: 'Code prüfen' }).click();
		await expect.poll(() => page.getByTestId('door-announcement').innerText()).toContain('Unbekannter Code');

		// The export, downloaded in the browser: BOM, semicolons, the person now attended.
		await page.goto(`/events/${eventId}/manage`);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'CSV herunterladen' }).click()
		]);
		expect(download.suggestedFilename()).toMatch(/^teilnehmende-.*\.csv$/);
		const bytes = readFileSync(await download.path());
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const csv = bytes.toString('utf8');
		expect(csv).toContain('Name;Organisation;E-Mail;Status;Angemeldet am;Eingecheckt um');
		const line = csv.split('\r\n').find((row) => row.startsWith(`${name};`));
		expect(line).toContain(';Anwesend;');

		const print = await page.goto(`/events/${eventId}/manage/print`);
		expect(print?.status()).toBe(200);
		const sheet = page.getByTestId('sign-in-sheet');
		expect(await sheet.locator('thead').innerText()).toContain('Unterschrift');
		expect(await sheet.innerText()).toContain(name);
		expect(await sheet.locator('tbody tr').count()).toBeGreaterThan(1);
		await context.close();
	});

	it('refuses the organiser pages to a member without rights', async () => {
		const { context, page } = await newPage(browser, app.baseUrl);
		await signIn(page, 'member@demo.example', DEMO_PASSWORD);
		expect((await page.goto(`/events/${eventId}/manage`))?.status()).toBe(403);
		expect((await page.goto(`/events/${eventId}/check-in`))?.status()).toBe(403);
		expect((await page.request.get(`/events/${eventId}/manage/attendees.csv`)).status()).toBe(403);
		const post = await page.request.post(`/events/${eventId}/check-in?/ticket`, {
			form: { code: 'ABC' },
			headers: { origin: app.baseUrl }
		});
		expect(post.status()).toBe(403);
		await context.close();
	});
});
