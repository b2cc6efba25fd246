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

const documents = '/circles/antriebstransformation/documents';
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`);

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
	// The page's own icons are marked data-icon; any other svg came from what people typed.
	for (const selector of ['script', 'img', 'iframe', 'svg:not([data-icon])', '[onerror]', '[onload]'])
		expect(await main.locator(selector).count(), selector).toBe(0);
}

describe('circle documents in the browser', () => {
	it('a member uploads into a new folder, the lead downloads and adds a version, a partner is refused', async () => {
		const suffix = Math.random().toString(36).slice(2, 8);
		const member = await newPage(browser, app.baseUrl);
		const dialogs: string[] = [];
		member.page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		await signIn(member.page, 'member@demo.example', DEMO_PASSWORD);
		expect((await member.page.goto(documents))?.status()).toBe(200);
		expect(await axeViolations(member.page)).toEqual([]);

		// A folder with a hostile name: stored without markup, shown as text.
		await member.page.getByLabel('Name des Ordners').fill(`<img src=x onerror=alert(1)> Studien ${suffix}`);
		await submitForm(member.page, member.page.getByRole('button', { name: 'Ordner anlegen' }));
		await expectInert(member.page);
		await member.page.getByRole('link', { name: `img src=x onerror=alert(1) Studien ${suffix}` }).click();
		await member.page.waitForURL(/\?folder=[0-9a-f-]{36}$/);

		// A program dressed as a PDF is refused with a field error; a real PDF is taken.
		await member.page.getByLabel('Datei', { exact: true }).setInputFiles({
			name: 'rechnung.pdf',
			mimeType: 'application/pdf',
			buffer: Buffer.from('<html><script>alert(1)</script></html>')
		});
		const refused = await submitForm(member.page, member.page.getByRole('button', { name: 'Hochladen' }));
		expect(refused.status()).toBe(400);
		expect(await member.page.locator('main [role="alert"]').innerText()).toContain('Dateityp');
		const content = pdf(`Bericht ${suffix}`);
		await member.page.getByLabel('Datei', { exact: true }).setInputFiles({
			name: `<script>alert(1)</script>Bericht ${suffix}.pdf`,
			mimeType: 'application/pdf',
			buffer: content
		});
		await submitForm(member.page, member.page.getByRole('button', { name: 'Hochladen' }));
		expect(await member.page.locator('main [role="status"]').innerText()).toContain('hochgeladen');
		const link = member.page.getByRole('link', {
			name: new RegExp(`Versionen von .*Bericht ${suffix}\\.pdf`)
		});
		expect(await link.count()).toBe(1);
		await expectInert(member.page);
		expect(await axeViolations(member.page)).toEqual([]);
		const documentPath = (await link.getAttribute('href'))!;
		expect(dialogs).toEqual([]);

		// Above the server's body limit (21M) the request is refused before the form action runs; the
		// page's script refuses such files before sending (DOCUMENT_UPLOAD_LIMIT_BYTES, 20 MB).
		const big = Buffer.alloc(22 * 1024 * 1024);
		pdf('gross').copy(big);
		const tooLarge = await member.page.request.post(`${documents}?/upload`, {
			headers: { origin: app.baseUrl },
			multipart: { file: { name: 'gross.pdf', mimeType: 'application/pdf', buffer: big } },
			maxRedirects: 0
		});
		expect(tooLarge.status()).toBe(413);
		const posts: string[] = [];
		member.page.on('request', (request) => {
			if (request.method() === 'POST') posts.push(request.url());
		});
		await member.page.getByLabel('Datei', { exact: true }).setInputFiles({
			name: 'gross.pdf',
			mimeType: 'application/pdf',
			buffer: big.subarray(0, 20 * 1024 * 1024 + 1)
		});
		await member.page.getByRole('button', { name: 'Hochladen' }).click();
		expect(await member.page.locator('#upload-file-error').innerText()).toContain('größer als 20 MB');
		expect(posts).toEqual([]);
		await member.context.close();

		// The lead downloads it and uploads a second version; both stay downloadable.
		const lead = await newPage(browser, app.baseUrl);
		await signIn(lead.page, 'lead@demo.example', DEMO_PASSWORD);
		const download = await lead.page.request.get(`${documentPath}/download`);
		expect(download.status()).toBe(200);
		expect(download.headers()['content-type']).toBe('application/pdf');
		expect(download.headers()['content-disposition']).toMatch(/^attachment;/);
		expect(download.headers()['x-content-type-options']).toBe('nosniff');
		expect(Buffer.from(await download.body())).toEqual(content);
		expect((await lead.page.goto(documentPath))?.status()).toBe(200);
		await lead.page.getByLabel('Datei', { exact: true }).setInputFiles({
			name: `Bericht ${suffix} v2.pdf`,
			mimeType: 'application/pdf',
			buffer: pdf('zweite Fassung')
		});
		await lead.page.getByLabel('Notiz (freiwillig)').fill('Zahlen aktualisiert');
		await submitForm(lead.page, lead.page.getByRole('button', { name: 'Neue Version hochladen' }));
		expect(await lead.page.locator('main [role="status"]').innerText()).toContain('Version 2');
		expect(await lead.page.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual([
			expect.stringContaining('Version 2'),
			expect.stringContaining('Version 1')
		]);
		expect(await axeViolations(lead.page)).toEqual([]);
		const first = await lead.page.request.get(`${documentPath}/versions/1/download`);
		expect(Buffer.from(await first.body())).toEqual(content);
		await lead.context.close();

		// A partner outside the circle and an anonymous visitor get nothing.
		const partner = await newPage(browser, app.baseUrl);
		await signIn(partner.page, 'partner@demo.example', DEMO_PASSWORD);
		expect((await partner.page.request.get(`${documentPath}/download`)).status()).toBe(403);
		expect((await partner.page.request.get(`${documentPath}/versions/1/download`)).status()).toBe(403);
		expect((await partner.page.goto(documents))?.status()).toBe(403);
		await partner.context.close();
		const anonymous = await newPage(browser, app.baseUrl);
		const redirected = await anonymous.page.request.get(`${documentPath}/download`, { maxRedirects: 0 });
		expect(redirected.status()).toBe(303);
		expect(redirected.headers()['location']).toMatch(/^\/sign-in\?next=/);
		await anonymous.context.close();
	});
});
