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

// Three weeks ahead, on a Berlin date; the month view shows that month.
const day = new Date(Date.now() + 21 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
const month = day.slice(0, 7);
const suffix = Math.random().toString(36).slice(2, 8);
const publicTitle = `Werksbesichtigung Gießerei ${suffix}`;
const membersTitle = `Mitglieder-Workshop Leichtbau ${suffix}`;
const ids: Record<string, string> = {};

/** The office creates an event through /events/new, as a person would. */
async function createThroughForm(page: Page, title: string, audience: 'public' | 'members', format: string) {
	await page.goto('/events/new');
	await page.getByLabel('Titel (deutsch)').fill(title);
	await page.locator('#field-formatId').selectOption({ label: format });
	await page
		.getByLabel('Beschreibung (deutsch, optional)')
		.fill('Rundgang durch die Fertigung.\n\n</script><b>kein HTML</b>');
	await page.getByLabel('Beginn: Datum').fill(day);
	await page.getByLabel('Beginn: Uhrzeit').fill('18:00');
	await page.getByLabel('Ende: Datum').fill(day);
	await page.getByLabel('Ende: Uhrzeit').fill('20:00');
	await page.getByLabel('Veranstaltungsort').fill('Gießerei Wallenhorst');
	await page.getByLabel('Ort', { exact: true }).fill('Wallenhorst');
	await page.locator('#field-audience').selectOption(audience);
	await page.getByLabel('Anzahl Plätze (optional)').fill('40');
	await submitForm(page, page.getByRole('button', { name: 'Veranstaltung anlegen' }));
	const match = new URL(page.url()).pathname.match(/^\/events\/([0-9a-f-]{36})\/edit$/);
	expect(match, await page.locator('main').innerText()).not.toBeNull();
	return match![1]!;
}

describe('the calendar', () => {
	it('the office creates a public and a members’ event through the form', async () => {
		const { context, page } = await newPage(browser, app.baseUrl);
		await signIn(page, 'office@demo.example', DEMO_PASSWORD);
		ids.public = await createThroughForm(page, publicTitle, 'public', 'Werksbesichtigung');
		expect(await page.getByRole('status').first().innerText()).toContain('angelegt');
		expect(await axeViolations(page)).toEqual([]);
		ids.members = await createThroughForm(page, membersTitle, 'members', 'Workshop');
		// A time that does not exist is refused with a sentence at the field.
		await page.goto('/events/new');
		await page.getByLabel('Titel (deutsch)').fill('Zeitumstellung');
		await page.getByLabel('Beginn: Datum').fill('2027-03-28');
		await page.getByLabel('Beginn: Uhrzeit').fill('02:30');
		await page.getByLabel('Ende: Datum').fill('2027-03-28');
		await page.getByLabel('Ende: Uhrzeit').fill('04:00');
		await page.getByLabel('Ort', { exact: true }).fill('Osnabrück');
		const response = await submitForm(page, page.getByRole('button', { name: 'Veranstaltung anlegen' }));
		expect(response.status()).toBe(400);
		expect(await page.locator('#field-startDate-error').innerText()).toContain('Sommerzeit');
		await context.close();
	});

	it('a visitor finds the public event in the list, on its page with JSON-LD, in the month and through the filters', async () => {
		const { context, page } = await newPage(browser, app.baseUrl, { viewport: { width: 390, height: 844 } });
		const list = await page.goto('/events');
		expect(list?.status()).toBe(200);
		expect(await page.locator('link[rel="alternate"][type="text/calendar"]').getAttribute('href')).toBe(
			'/events/feed.ics'
		);
		const main = page.locator('main');
		expect(await main.innerText()).toContain(publicTitle);
		expect(await main.innerText()).not.toContain(membersTitle);
		expect(await axeViolations(page)).toEqual([]);
		// Nothing wider than the phone's screen.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

		await Promise.all([
			page.waitForURL(`**/events/${ids.public}`),
			page.getByRole('link', { name: publicTitle }).click()
		]);
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(publicTitle);
		expect(await main.innerText()).toContain('</script><b>kein HTML</b>');
		const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
		expect(jsonLd).toMatchObject({
			'@type': 'Event',
			name: publicTitle,
			eventStatus: 'https://schema.org/EventScheduled',
			location: { address: { addressLocality: 'Wallenhorst' } }
		});
		expect(new Date(jsonLd.startDate).toISOString()).toBe(
			new Date(`${day}T18:00:00+0${offsetHours(day)}:00`).toISOString()
		);
		expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(publicTitle);
		expect(await page.getByRole('link', { name: /In den eigenen Kalender/ }).getAttribute('href')).toBe(
			`/events/${ids.public}/event.ics`
		);
		expect(await axeViolations(page)).toEqual([]);

		await page.goto(`/events?view=month&month=${month}`);
		const grid = page.getByRole('table');
		expect(await grid.locator('th').count()).toBe(7);
		const cell = grid.locator('td').filter({ has: page.locator(`time[datetime="${day}"]`) });
		expect(await cell.getByRole('link').allInnerTexts()).toEqual(
			expect.arrayContaining([expect.stringContaining(publicTitle)])
		);
		expect(await grid.innerText()).not.toContain(membersTitle);
		expect(await axeViolations(page)).toEqual([]);
		// The grid scrolls inside its own region; the page stays as wide as the phone.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		const [year, index] = month.split('-').map(Number) as [number, number];
		const next = index === 12 ? `${year + 1}-01` : `${year}-${String(index + 1).padStart(2, '0')}`;
		await Promise.all([
			page.waitForURL(`**/events?view=month&month=${next}`),
			page.getByRole('link', { name: /Nächster Monat/ }).click()
		]);
		expect(await page.getByRole('link', { name: /Vorheriger Monat/ }).getAttribute('href')).toBe(
			`/events?view=month&month=${month}`
		);

		// Filters are a GET form: the format narrows the list, and the URL says so.
		await page.goto('/events');
		await page.locator('#filter-format').selectOption({ label: 'Werksbesichtigung' });
		await Promise.all([
			page.waitForURL(/format=company-visit/),
			page.getByRole('button', { name: 'Filter anwenden' }).click()
		]);
		expect(await main.innerText()).toContain(publicTitle);
		await page.goto('/events?format=webinar');
		expect(await main.innerText()).not.toContain(publicTitle);
		await page.goto('/events?audience=members');
		expect(await main.innerText()).not.toContain(publicTitle);

		// The members' event is not for visitors: sign in first.
		await page.goto(`/events/${ids.members}`);
		expect(new URL(page.url()).pathname).toBe('/sign-in');
		expect((await page.goto(`/events/${crypto.randomUUID()}`))?.status()).toBe(404);
		await context.close();
	});

	it('a member sees the members’ event the visitor does not, but may not edit it', async () => {
		const { context, page } = await newPage(browser, app.baseUrl);
		await signIn(page, 'member@demo.example', DEMO_PASSWORD);
		await page.goto('/events?audience=members');
		expect(await page.locator('main').innerText()).toContain(membersTitle);
		const event = await page.goto(`/events/${ids.members}`);
		expect(event?.status()).toBe(200);
		expect(await page.locator('script[type="application/ld+json"]').count()).toBe(0);
		expect((await page.goto(`/events/${ids.members}/edit`))?.status()).toBe(403);
		expect((await page.goto('/events/new'))?.status()).toBe(403);
		await context.close();
	});
});

/** Europe/Berlin's offset from UTC on a date (1 in winter, 2 in summer), for the expected instant. */
function offsetHours(date: string) {
	const noon = new Date(`${date}T12:00:00Z`);
	const berlin = Number(
		new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', hourCycle: 'h23' }).format(
			noon
		)
	);
	return berlin - 12;
}
