import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newPage, signIn, startApp, submitForm, type App } from './harness.ts';

/**
 * The demo org admin edits their organisation's profile: short description and a competence,
 * saved, still there after a reload, and shown on the public atlas profile.
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

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function axeViolations(page: Page) {
	await page.evaluate(axeSource);
	const violations = (await page.evaluate(() =>
		(
			window as unknown as {
				axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string }[] }> };
			}
		).axe
			.run(document, {
				runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }
			})
			.then((result) => result.violations)
	)) as { id: string }[];
	return violations.map((v) => v.id);
}

describe('profile editor', () => {
	it('the org admin changes the short description and a competence and sees them after reload', async () => {
		const { context, page } = await newPage(browser, app.baseUrl);
		await signIn(page, 'orgadmin@demo.example', DEMO_PASSWORD);
		await page.goto('/');
		await Promise.all([
			page.waitForURL(/\/organisations\/[^/]+\/team$/),
			page.getByRole('link', { name: 'Meine Organisation' }).first().click()
		]);
		await Promise.all([
			page.waitForURL(/\/profile$/),
			page.getByRole('link', { name: 'Profil bearbeiten' }).click()
		]);
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Profil bearbeiten: /);
		expect(await axeViolations(page)).toEqual([]);

		const text = `Präzisionsteile für Batteriegehäuse, Stand ${Date.now().toString(36)}`;
		const short = page.getByLabel('Kurzbeschreibung (Deutsch)');
		await short.fill(text);
		// A competence the organisation does not have yet.
		const box = page.locator('input[name="competencies"]:not(:checked)').first();
		const value = await box.getAttribute('value');
		const name = (await page.locator(`label:has(input[value="${value}"]) span`).innerText()).trim();
		await box.check();
		await page.getByLabel('Beschreibung, Website und Logo').selectOption('public');
		await page.getByLabel('Kompetenzen, Produkte, Zertifizierungen').selectOption('public');

		const response = await submitForm(page, page.getByRole('button', { name: 'Profil speichern' }));
		expect(response.status()).toBeLessThan(400);
		expect(await page.getByRole('status').innerText()).toContain('Das Profil wurde gespeichert.');

		await page.reload();
		expect(await page.getByLabel('Kurzbeschreibung (Deutsch)').inputValue()).toBe(text);
		expect(await page.locator(`input[name="competencies"][value="${value}"]`).isChecked()).toBe(true);

		await Promise.all([
			page.waitForURL(/\/atlas\//),
			page.getByRole('link', { name: 'Im Kompetenzatlas ansehen' }).click()
		]);
		const atlas = await page.locator('main').innerText();
		expect(atlas).toContain(text);
		expect(atlas).toContain(name.replace(/ \(allgemein\)$/, ''));
		await context.close();
	});

	it('a colleague without admin rights cannot open the editor', async () => {
		const { context, page } = await newPage(browser, app.baseUrl);
		await signIn(page, 'member@demo.example', DEMO_PASSWORD);
		await page.goto('/');
		await Promise.all([
			page.waitForURL(/\/organisations\/[^/]+\/team$/),
			page.getByRole('link', { name: 'Meine Organisation' }).first().click()
		]);
		expect(await page.getByRole('link', { name: 'Profil bearbeiten' }).count()).toBe(0);
		const path = new URL(page.url()).pathname.replace(/team$/, 'profile');
		const response = await page.goto(path);
		expect(response!.status()).toBe(403);
		await context.close();
	});
});
