import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newPage, signIn, startApp, submitForm, type App } from './harness.ts';
import { xssPayloads } from '../../src/lib/server/testing/xss.ts';

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

async function expectInert(page: Page) {
	const main = page.locator('main');
	for (const selector of [
		'script',
		'img',
		'iframe',
		'svg:not([data-icon])',
		'math',
		'style',
		'[onerror]',
		'[onload]'
	])
		expect(await main.locator(selector).count(), selector).toBe(0);
}

describe('cooperation profiles, the owner side, in the browser', () => {
	it('an org admin is told every missing field, drafts a profile with hostile text, attaches a file and submits it', async () => {
		const suffix = Math.random().toString(36).slice(2, 8);
		const { page } = await newPage(browser, app.baseUrl);
		const dialogs: string[] = [];
		page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		await signIn(page, 'orgadmin@demo.example', DEMO_PASSWORD);
		expect((await page.goto('/cooperation/new'))?.status()).toBe(200);
		expect(await axeViolations(page)).toEqual([]);

		// Nothing filled in: 400, a summary that links to each field, the typed text kept.
		await page.getByLabel('Titel', { exact: true }).fill('');
		const empty = await submitForm(page, page.getByRole('button', { name: 'Als Entwurf speichern' }));
		expect(empty.status()).toBe(400);
		const summary = page.locator('main [role="alert"][tabindex="-1"]');
		expect(await summary.innerText()).toContain('Bitte geben Sie einen Titel ein.');
		expect(await summary.innerText()).toContain('Bitte geben Sie eine Kurzbeschreibung ein.');
		expect(await page.getByLabel('Titel', { exact: true }).getAttribute('aria-invalid')).toBe('true');

		const title = `${xssPayloads[1]} Prüfstand ${suffix}`;
		await page.getByLabel('Art des Profils').selectOption('technology_request');
		await page.getByLabel('Titel', { exact: true }).fill(title);
		await page.getByLabel('Kurzbeschreibung').fill(xssPayloads.join(' '));
		await page.getByLabel('Beschreibung (Deutsch)').fill(xssPayloads.join('\n\n'));
		await page.getByLabel('Stichwörter').fill('Prüfstand, Brennstoffzelle, prüfstand');
		await page.getByRole('checkbox', { name: 'Wasserstoff / Brennstoffzelle', exact: true }).check();
		await page.getByLabel('Technologiereifegrad (TRL)').selectOption('5');
		await page.getByLabel('Öffentlich, anonym').check();
		expect(await page.locator('main').innerText()).toContain('nur die Art Ihrer Organisation');
		const created = await submitForm(page, page.getByRole('button', { name: 'Als Entwurf speichern' }));
		expect([200, 303]).toContain(created.status());
		await page.waitForURL(/\/cooperation\/[0-9a-f-]{36}\?done=created$/);
		const id = new URL(page.url()).pathname.split('/')[2]!;

		// My profiles: the hostile title and summary are text, nothing runs.
		expect((await page.goto('/cooperation/mine'))?.status()).toBe(200);
		await expectInert(page);
		expect(await page.locator('main').innerText()).toContain(title);
		expect(await axeViolations(page)).toEqual([]);

		// The edit page: a program posing as a PDF is refused, a real PDF is attached and downloads.
		expect((await page.goto(`/cooperation/${id}/edit`))?.status()).toBe(200);
		await expectInert(page);
		expect(await axeViolations(page)).toEqual([]);
		await page.getByLabel('Datei', { exact: true }).setInputFiles({
			name: 'datenblatt.pdf',
			mimeType: 'application/pdf',
			buffer: Buffer.from('<html><script>alert(1)</script></html>')
		});
		const refused = await submitForm(page, page.getByRole('button', { name: 'Hochladen' }));
		expect(refused.status()).toBe(400);
		expect(await page.locator('main').innerText()).toContain('Diesen Dateityp nehmen wir nicht an');
		await page.getByLabel('Datei', { exact: true }).setInputFiles({
			name: `Datenblatt ${suffix}.pdf`,
			mimeType: 'application/pdf',
			buffer: Buffer.from(`%PDF-1.7\n% ${suffix}\n%%EOF\n`)
		});
		await submitForm(page, page.getByRole('button', { name: 'Hochladen' }));
		expect(await page.locator('main [role="status"]').innerText()).toContain('ist angehängt');
		const link = page.getByRole('link', { name: new RegExp(`Datenblatt ${suffix}\\.pdf`) });
		const download = await page.request.get((await link.getAttribute('href'))!);
		expect(download.status()).toBe(200);
		expect(download.headers()['content-disposition']).toContain('attachment');
		expect((await download.body()).toString()).toContain(suffix);

		// Save and submit: the office reviews it; the page goes to the profile with a confirmation.
		await page.getByLabel('Stichwörter').fill('Prüfstand, Brennstoffzelle, Wasserstoff');
		await submitForm(page, page.getByRole('button', { name: 'Speichern und zur Prüfung einreichen' }));
		await page.waitForURL(new RegExp(`/cooperation/${id}\\?done=submit$`));
		expect((await page.goto(`/cooperation/${id}/edit`))?.status()).toBe(200);
		expect(await page.locator('main').innerText()).toContain('Status: In Prüfung');
		expect(await page.getByRole('button', { name: 'Hochladen' }).count()).toBe(0);

		// Withdrawn from the edit page's status buttons, then reopened into a draft.
		await submitForm(page, page.getByRole('button', { name: 'Zurückziehen' }));
		await page.waitForURL(/\?done=withdraw$/);
		expect((await page.goto(`/cooperation/${id}/edit`))?.status()).toBe(200);
		await submitForm(page, page.getByRole('button', { name: 'Zur Überarbeitung öffnen' }));
		await page.waitForURL(new RegExp(`/cooperation/${id}/edit\\?done=reopen$`));
		expect(await page.locator('main [role="status"]').innerText()).toContain('wieder ein Entwurf');
		expect(dialogs).toEqual([]);
	});

	it('a member of the organisation sees its profiles read-only; another organisation gets 404 on a draft', async () => {
		const admin = await newPage(browser, app.baseUrl);
		await signIn(admin.page, 'orgadmin@demo.example', DEMO_PASSWORD);
		await admin.page.goto('/cooperation/new');
		await admin.page.getByLabel('Titel', { exact: true }).fill('Entwurf nur für uns');
		await admin.page.getByLabel('Kurzbeschreibung').fill('Noch geheim.');
		await admin.page.getByLabel('Beschreibung (Deutsch)').fill('Noch geheim.');
		await submitForm(admin.page, admin.page.getByRole('button', { name: 'Als Entwurf speichern' }));
		await admin.page.waitForURL(/\?done=created$/);
		const id = new URL(admin.page.url()).pathname.split('/')[2]!;

		const member = await newPage(browser, app.baseUrl);
		await signIn(member.page, 'member@demo.example', DEMO_PASSWORD);
		expect((await member.page.goto('/cooperation/mine'))?.status()).toBe(200);
		expect(await member.page.locator('main').innerText()).toContain('Entwurf nur für uns');
		expect(await member.page.getByRole('link', { name: '„Entwurf nur für uns“ bearbeiten' }).count()).toBe(0);
		expect((await member.page.goto(`/cooperation/${id}/edit`))?.status()).toBe(403);

		const lead = await newPage(browser, app.baseUrl);
		await signIn(lead.page, 'lead@demo.example', DEMO_PASSWORD);
		expect((await lead.page.goto(`/cooperation/${id}/edit`))?.status()).toBe(404);
		expect((await lead.page.goto('/cooperation/mine'))?.status()).toBe(200);
		expect(await lead.page.locator('main').innerText()).not.toContain('Entwurf nur für uns');
	});
});
