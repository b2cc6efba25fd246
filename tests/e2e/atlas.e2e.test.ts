import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, startApp, type App } from './harness.ts';

/**
 * A visitor uses the public Kompetenzatlas: searches, filters by district, opens a profile that
 * search engines can read, and does it all without JavaScript too.
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

/** The place line under each result's name. */
const resultPlaces = (page: Page) =>
	page.locator('#directory-results > li p.text-sm.text-slate-700').allInnerTexts();

async function searchFilterAndOpen(page: Page, javaScript: boolean) {
	await page.goto('/atlas');
	expect(await page.getByRole('heading', { level: 1 }).allInnerTexts()).toEqual(['Kompetenzatlas']);
	const everything = await resultCount(page);

	await page.getByRole('searchbox', { name: 'Suche' }).fill('Batterie');
	await Promise.all([page.waitForURL(/q=Batterie/), page.getByRole('button', { name: 'Suchen' }).click()]);
	const batteries = await resultCount(page);
	expect(batteries).toBeGreaterThan(0);
	expect(batteries).toBeLessThan(everything);

	// On a closed panel (phone, or no script) the filters open with a click on their summary.
	const panel = page.locator('details.facet-panel');
	if (!(await panel.evaluate((details) => (details as HTMLDetailsElement).open))) {
		await panel.locator(':scope > summary').click();
	}
	const district = panel.getByRole('checkbox', { name: /Landkreis Osnabrück/ });
	const expected = Number((await district.locator('xpath=..').innerText()).match(/(\d+)\s*$/)![1]);
	if (javaScript) {
		// With a script, ticking a filter searches at once.
		await Promise.all([page.waitForURL(/district=/), district.check()]);
	} else {
		await district.check();
		await Promise.all([
			page.waitForURL(/district=/),
			panel.getByRole('button', { name: 'Filter anwenden' }).click()
		]);
	}
	await page.waitForURL(/district=Landkreis\+Osnabr/);
	expect(page.url()).toContain('q=Batterie');
	expect(await resultCount(page)).toBe(expected);
	const places = await resultPlaces(page);
	expect(places.length).toBe(Math.min(expected, 20));
	for (const place of places) expect(place).toContain('Landkreis Osnabrück');
	// The active filter is a chip that removes it again.
	expect(
		await page
			.getByRole('link', { name: /Filter entfernen: Landkreis \/ Stadt: Landkreis Osnabrück/ })
			.count()
	).toBe(1);

	// The map draws the region and one named link per matching organisation with a position.
	const map = page.getByRole('group', { name: /Karte der Region/ });
	expect(await map.getAttribute('aria-describedby')).toBe('directory-map-description');
	const markers = map.getByRole('link');
	expect(await markers.count()).toBeGreaterThan(0);
	expect(await markers.count()).toBeLessThanOrEqual(expected);
	expect(await markers.first().getAttribute('aria-label')).toMatch(/\(Profil öffnen\)$/);
	expect(await page.locator('svg path.district').count()).toBeGreaterThan(0);

	await Promise.all([
		page.waitForURL('**/atlas/else-werk-gusstechnik'),
		page.getByRole('link', { name: 'Else-Werk Gusstechnik GmbH', exact: true }).first().click()
	]);
}

async function expectPublicProfile(page: Page) {
	expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Else-Werk Gusstechnik GmbH');
	const jsonLd = JSON.parse(await page.locator('script[type="application/ld+json"]').innerText());
	expect(jsonLd).toMatchObject({
		'@context': 'https://schema.org',
		'@type': 'Organization',
		name: 'Else-Werk Gusstechnik GmbH',
		address: { '@type': 'PostalAddress' }
	});
	expect(jsonLd.knowsAbout.length).toBeGreaterThan(0);
	// This organisation shows its e-mail and phone to members only: not here, not in the data.
	for (const key of ['email', 'telephone', 'contactPoint', 'employee', 'member'])
		expect(jsonLd).not.toHaveProperty(key);
	expect(await page.locator('main a[href^="mailto:"], main a[href^="tel:"]').count()).toBe(0);
	expect(await page.getByRole('heading', { name: 'Ansprechpersonen' }).count()).toBe(0);
	const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
	expect(canonical).toBe(`${app.baseUrl}/atlas/else-werk-gusstechnik`);
	expect(await page.locator('meta[property="og:url"]').getAttribute('content')).toBe(canonical);
	expect(await page.locator('meta[property="og:type"]').getAttribute('content')).toBe('website');

	// A competence leads back to the atlas, filtered by it.
	const competence = page.getByRole('region', { name: 'Kompetenzen' }).getByRole('link').first();
	await Promise.all([page.waitForURL(/\/atlas\?competence=/), competence.click()]);
	expect(await resultCount(page)).toBeGreaterThan(0);
}

describe('the Kompetenzatlas', () => {
	it('a visitor searches for "Batterie", filters by district and opens a profile', async () => {
		const { context, page } = await newPage(browser, app.baseUrl);
		await searchFilterAndOpen(page, true);
		await expectPublicProfile(page);
		await context.close();
	});

	it('works the same without JavaScript, on a phone', async () => {
		const { context, page } = await newPage(browser, app.baseUrl, {
			javaScriptEnabled: false,
			viewport: { width: 390, height: 844 }
		});
		await searchFilterAndOpen(page, false);
		await expectPublicProfile(page);
		await context.close();
	});

	it('answers 404 for a profile that does not exist', async () => {
		const response = await fetch(`${app.baseUrl}/atlas/gibt-es-nicht`);
		expect(response.status).toBe(404);
	});

	it('lists public profiles in the sitemap and keeps crawlers out of private areas', async () => {
		const sitemap = await (await fetch(`${app.baseUrl}/sitemap.xml`)).text();
		expect(sitemap).toContain(`<loc>${app.baseUrl}/atlas/else-werk-gusstechnik</loc>`);
		expect(sitemap).toMatch(/<lastmod>\d{4}-\d\d-\d\dT/);
		const robots = await (await fetch(`${app.baseUrl}/robots.txt`)).text();
		expect(robots).toContain('Disallow: /office');
		expect(robots).toContain('Disallow: /directory');
		expect(robots).toContain(`Sitemap: ${app.baseUrl}/sitemap.xml`);
	});
});
