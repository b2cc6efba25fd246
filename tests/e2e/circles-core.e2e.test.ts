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

/** The circles pages render, pass axe, and the office's form answers with its error summary. */
describe('circles core in the browser', () => {
	it('a member sees the list, an overview and the members; the office creates a circle', async () => {
		const { context, page } = await newPage(browser, app.baseUrl);
		await signIn(page, 'member@demo.example', DEMO_PASSWORD);
		expect((await page.goto('/circles'))?.status()).toBe(200);
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Expertenkreise');
		expect(await axeViolations(page)).toEqual([]);
		const href = '/circles/antriebstransformation';
		expect(await page.locator(`main h2 a[href="${href}"]`).count()).toBe(1);
		expect((await page.goto(href))?.status()).toBe(200);
		expect(await page.getByRole('heading', { name: 'Sprecher/innen' }).count()).toBe(1);
		expect(await axeViolations(page)).toEqual([]);
		expect((await page.goto(`${href}/members`))?.status()).toBe(200);
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Mitglieder');
		expect(await axeViolations(page)).toEqual([]);
		await context.close();

		const office = await newPage(browser, app.baseUrl);
		await signIn(office.page, 'office@demo.example', DEMO_PASSWORD);
		expect((await office.page.goto('/office/circles'))?.status()).toBe(200);
		expect(await axeViolations(office.page)).toEqual([]);
		const refused = await submitForm(office.page, office.page.getByRole('button', { name: 'Kreis anlegen' }));
		expect(refused.status()).toBe(400);
		expect(await office.page.locator('main [role="alert"]').first().innerText()).toContain('Bitte prüfen');
		expect(await axeViolations(office.page)).toEqual([]);
		await office.page.getByLabel('Name (Deutsch)').fill('Prüfkreis Öko');
		await office.page.getByLabel('Name (Englisch)').fill('Test circle');
		await submitForm(office.page, office.page.getByRole('button', { name: 'Kreis anlegen' }));
		await office.page.waitForURL(/\/office\/circles\/[0-9a-f-]{36}\?created=1$/);
		expect(await office.page.getByLabel('Adresse (Kurzname)').inputValue()).toBe('pruefkreis-oeko');
		expect(await axeViolations(office.page)).toEqual([]);
		expect((await office.page.goto('/circles/pruefkreis-oeko/members'))?.status()).toBe(200);
		expect(await axeViolations(office.page)).toEqual([]);
		await office.context.close();
	});
});
