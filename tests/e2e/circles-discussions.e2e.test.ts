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

const threads = '/circles/antriebstransformation/threads';

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

/** Nothing a post or title could smuggle in runs or loads in the thread's content. */
async function expectInert(page: Page) {
	const main = page.locator('main');
	for (const selector of ['script', 'img', 'iframe', 'svg', 'math', 'style', 'body', '[onerror]', '[onload]'])
		expect(await main.locator(selector).count(), selector).toBe(0);
	expect(
		await main.locator('a[href^="javascript" i], a[href^="vbscript" i], a[href^="data:" i]').count()
	).toBe(0);
}

describe('circle discussions in the browser', () => {
	it('a member starts a thread with hostile content and a mention; it is shown inert; the lead pins it', async () => {
		const { context, page } = await newPage(browser, app.baseUrl);
		const dialogs: string[] = [];
		page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		await signIn(page, 'member@demo.example', DEMO_PASSWORD);
		expect((await page.goto(threads))?.status()).toBe(200);
		await page.getByRole('link', { name: 'Neues Thema' }).click();
		await page.waitForURL(/\/threads\/new$/);
		expect(await axeViolations(page)).toEqual([]);
		// An empty form: answered with the errors listed above the form and beside each field.
		const refused = await submitForm(page, page.getByRole('button', { name: 'Thema veröffentlichen' }));
		expect(refused.status()).toBe(400);
		const summary = page.locator('main [role="alert"]');
		expect(await summary.innerText()).toContain('Der Titel muss mindestens 3 Zeichen lang sein.');
		expect(await summary.innerText()).toContain('Bitte schreiben Sie einen Text.');
		expect(await page.getByLabel('Titel').getAttribute('aria-invalid')).toBe('true');
		expect(await axeViolations(page)).toEqual([]);

		const handle = (await page.locator('#thread-body-mentions code').first().innerText()).trim();
		expect(handle).toMatch(/^@[a-z0-9-]+$/);
		const title = `Test <script>alert(1)</script> <img src=x onerror=alert(2)>`;
		await page.getByLabel('Titel').fill(title);
		await page.getByLabel('Text').fill(`${xssPayloads.join('\n\n')}\n\nBitte ansehen, ${handle}!`);
		await submitForm(page, page.getByRole('button', { name: 'Thema veröffentlichen' }));
		await page.waitForURL(/\/threads\/[0-9a-f-]{36}$/);
		const threadUrl = new URL(page.url()).pathname;

		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(title);
		await expectInert(page);
		expect(await page.locator('main .mention').count()).toBeGreaterThan(0);
		expect(await axeViolations(page)).toEqual([]);

		// A reply lands at its anchor.
		await page.getByLabel('Text').fill('Eine **Antwort**.');
		await submitForm(page, page.getByRole('button', { name: 'Antwort veröffentlichen' }));
		await page.waitForURL(/#post-[0-9a-f-]{36}$/);
		expect(await page.locator('main article strong', { hasText: 'Antwort' }).count()).toBe(1);

		// Editing keeps the earlier wording in the history.
		await page.locator('main article').last().getByRole('link', { name: 'Bearbeiten' }).click();
		await page.waitForURL(/\/edit$/);
		expect(await axeViolations(page)).toEqual([]);
		await page.getByLabel('Text').fill('Eine **geänderte** Antwort.');
		await submitForm(page, page.getByRole('button', { name: 'Änderungen speichern' }));
		await page.waitForURL(/#post-[0-9a-f-]{36}$/);
		await page.locator('main article').last().getByRole('link', { name: 'bearbeitet (Verlauf)' }).click();
		await page.waitForURL(/\/history$/);
		expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Verlauf des Beitrags');
		expect(await page.locator('main').innerText()).toContain('Fassung 1');
		expect(await page.locator('main section').last().innerText()).toContain('Eine Antwort.');
		expect(await axeViolations(page)).toEqual([]);
		expect(dialogs).toEqual([]);
		await context.close();

		const lead = await newPage(browser, app.baseUrl);
		await signIn(lead.page, 'lead@demo.example', DEMO_PASSWORD);
		await lead.page.goto(threadUrl);
		await submitForm(lead.page, lead.page.getByRole('button', { name: 'Thema anheften' }));
		expect(await lead.page.getByRole('button', { name: 'Thema lösen' }).count()).toBe(1);
		await lead.page.goto(threads);
		const first = lead.page.getByTestId('thread-list').locator(':scope > li').first();
		expect(await first.innerText()).toContain('Angeheftet');
		expect(await first.innerText()).toContain('Test <script>');
		await expectInert(lead.page);
		expect(dialogs).toEqual([]);
		await lead.context.close();

		const partner = await newPage(browser, app.baseUrl);
		await signIn(partner.page, 'partner@demo.example', DEMO_PASSWORD);
		expect((await partner.page.goto(threadUrl))?.status()).toBe(403);
		expect(await partner.page.content()).not.toContain('Bitte ansehen');
		await partner.context.close();
	});
});
