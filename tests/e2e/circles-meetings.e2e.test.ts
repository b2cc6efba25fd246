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

const meetings = '/circles/antriebstransformation/meetings';

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

describe('circle meetings in the browser', () => {
	it('the lead adds to the agenda, writes and approves minutes with two action items; the owner closes one', async () => {
		const suffix = Math.random().toString(36).slice(2, 8);
		const lead = await newPage(browser, app.baseUrl);
		await signIn(lead.page, 'lead@demo.example', DEMO_PASSWORD);
		expect((await lead.page.goto(meetings))?.status()).toBe(200);
		expect(await axeViolations(lead.page)).toEqual([]);
		expect(await lead.page.getByRole('link', { name: 'Sitzung planen' }).getAttribute('href')).toMatch(
			/^\/events\/new\?organiser=circle:[0-9a-f-]{36}$/
		);

		// The next meeting: an agenda item with hostile notes, shown inert.
		await lead.page
			.getByRole('region', { name: 'Kommende Sitzungen' })
			.getByRole('listitem')
			.first()
			.getByRole('link')
			.first()
			.click();
		await lead.page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
		const meetingUrl = new URL(lead.page.url()).pathname;
		const form = lead.page.locator('#new-item');
		await form.getByLabel('Titel').fill(`Marktlage ${suffix}`);
		await form.getByLabel('Dauer in Minuten').fill('20');
		await form.getByLabel('Notizen').fill('<img src=x onerror=alert(1)> **Zahlen**');
		await submitForm(lead.page, form.getByRole('button', { name: 'Punkt hinzufügen' }));
		expect(await lead.page.locator('main [role="status"]').innerText()).toContain(`Marktlage ${suffix}`);
		expect(await lead.page.locator('main img').count()).toBe(0);
		expect(await axeViolations(lead.page)).toEqual([]);

		// Minutes with two action items, one for the member; approved and mailed.
		await lead.page.goto(`${meetingUrl}/minutes`);
		expect(await axeViolations(lead.page)).toEqual([]);
		await lead.page.getByLabel('Protokoll (Markdown)').fill(`## Ergebnisse ${suffix}\n\nAlles **gut**.`);
		await lead.page.getByLabel('Aufgabe 1', { exact: true }).fill(`Studie lesen ${suffix}`);
		await lead.page.locator('#item-0-owner').selectOption({ label: 'Jonas Wernsing' });
		await lead.page.getByLabel('Aufgabe 2', { exact: true }).fill(`Termin finden ${suffix}`);
		await submitForm(lead.page, lead.page.getByRole('button', { name: 'Freigeben und versenden' }));
		expect(await lead.page.locator('main [role="status"]').innerText()).toContain('freigegeben');

		// The member reads the minutes and marks their item done.
		const member = await newPage(browser, app.baseUrl);
		await signIn(member.page, 'member@demo.example', DEMO_PASSWORD);
		expect((await member.page.goto(meetingUrl))?.status()).toBe(200);
		expect(await member.page.locator('#minutes').innerText()).toContain(`Ergebnisse ${suffix}`);
		expect(await axeViolations(member.page)).toEqual([]);
		await member.page.goto(`${meetings.replace('/meetings', '/actions')}?filter=mine`);
		const item = member.page.getByRole('listitem').filter({ hasText: `Studie lesen ${suffix}` });
		await submitForm(member.page, item.getByRole('button', { name: /Als erledigt markieren/ }));
		expect(await member.page.locator('main [role="status"]').innerText()).toContain('Erledigt');
		expect(await axeViolations(member.page)).toEqual([]);
	});
});
