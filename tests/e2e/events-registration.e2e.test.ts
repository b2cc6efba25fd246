import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ical, { type VEvent } from 'node-ical';
import type { Browser, Page } from 'playwright-core';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { networkRoleAssignments, user } from '../../src/lib/server/db/schema/index.ts';
import { createEvent } from '../../src/lib/server/testing/event-factories.ts';
import { startSmtpServer, waitFor, type TestSmtpServer } from '../helpers/mail.ts';
import {
	DEMO_PASSWORD,
	launchBrowser,
	linkIn,
	newPage,
	signIn,
	startApp,
	submitForm,
	type App
} from './harness.ts';

/**
 * Registration through the built app with a real SMTP server: a visitor registers as a guest and
 * confirms through the mailed link; a member registers, gets the .ics and the QR code, cancels,
 * and the member waiting for that seat is promoted and mailed. The events are written into a copy
 * of the seeded data directory before the server starts (PGlite serves one process at a time).
 */
let app: App;
let browser: Browser;
let smtp: TestSmtpServer;
let dataDir: string;
const ids = { publicEvent: '', smallEvent: '' };

beforeAll(async () => {
	dataDir = mkdtempSync(path.join(tmpdir(), 'kp-e2e-registration-'));
	cpSync(inject('seededDataDir'), dataDir, { recursive: true });
	const handle = await openDatabase({ dataDir });
	try {
		const [member] = await handle.db
			.select({ networkId: networkRoleAssignments.networkId })
			.from(networkRoleAssignments)
			.innerJoin(user, eq(user.id, networkRoleAssignments.userId))
			.where(eq(user.email, 'member@demo.example'));
		const networkId = member!.networkId;
		ids.publicEvent = (
			await createEvent(handle.db, networkId, {
				audience: 'public',
				capacity: 20,
				titleDe: 'Offener Praxisabend Gastanmeldung'
			})
		).id;
		ids.smallEvent = (
			await createEvent(handle.db, networkId, {
				audience: 'members',
				capacity: 1,
				titleDe: 'Werksbesichtigung mit einem Platz'
			})
		).id;
	} finally {
		await handle.close();
	}
	smtp = await startSmtpServer();
	[app, browser] = await Promise.all([
		startApp({ dataDir, env: { SMTP_URL: smtp.url, MAIL_FROM: 'Knotenpunkt <noreply@knotenpunkt.test>' } }),
		launchBrowser()
	]);
});

afterAll(async () => {
	await browser?.close();
	await app?.stop();
	await smtp?.close();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const mailsTo = (address: string, count: number) =>
	waitFor(
		() => smtp.receivedFor(address),
		(mails) => mails.length >= count,
		`expected ${count} mail(s) to ${address}`,
		20_000
	);

const parseEvents = (text: string) =>
	Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');

async function registerOnEventPage(page: Page, eventId: string) {
	await page.goto(`/events/${eventId}`);
	const panel = page.locator('section[aria-labelledby="registration-heading"]');
	await submitForm(page, panel.getByRole('button', { name: /anmelden|Warteliste/i }));
	return panel;
}

describe('event registration', () => {
	it('a visitor registers as a guest and confirms through the link in the mail', async () => {
		const { context, page } = await newPage(browser, app.baseUrl);
		await page.goto(`/events/${ids.publicEvent}/register`);
		const form = page.locator('main form[action="?/guest"]');
		await form.locator('input[name="name"]').fill('Gisela Gast');
		await form.locator('input[name="email"]').fill('gisela.gast@example.org');
		await form.locator('input[name="organisationName"]').fill('Gast GmbH');
		await submitForm(page, form.getByRole('button', { name: 'Anmeldung absenden' }));
		expect(await page.locator('main [role="status"]').innerText()).toContain('Bitte prüfen Sie Ihr Postfach');

		const [confirmMail] = await mailsTo('gisela.gast@example.org', 1);
		const link = linkIn(confirmMail!.parsed.text!, '/events/confirm/');
		// Opening the link (as a mail scanner would) confirms nothing: the page asks first.
		await page.goto(link);
		await submitForm(page, page.getByRole('button', { name: 'Anmeldung jetzt bestätigen' }));
		expect(await page.locator('main [role="status"]').innerText()).toContain('Ihre Anmeldung ist bestätigt');

		const [, confirmed] = await mailsTo('gisela.gast@example.org', 2);
		expect(confirmed!.parsed.subject).toContain('Anmeldung bestätigt');
		expect(confirmed!.parsed.attachments.some((a) => a.contentType === 'text/calendar')).toBe(true);

		// The link works once.
		await page.goto(link);
		expect(await page.locator('main [role="alert"]').innerText()).toContain('bereits verwendet');
		await context.close();
	});

	it('a member registers, gets the .ics and QR code, cancels, and the waiting member is promoted', async () => {
		const first = await newPage(browser, app.baseUrl);
		await signIn(first.page, 'member@demo.example', DEMO_PASSWORD);
		const panel = await registerOnEventPage(first.page, ids.smallEvent);
		expect(await panel.getByTestId('registration-status').innerText()).toContain('Sie sind angemeldet');

		const [confirmation] = await mailsTo('member@demo.example', 1);
		const mail = confirmation!.parsed;
		const ics = mail.attachments.find((a) => a.contentType === 'text/calendar')!;
		const [vevent] = parseEvents(ics.content.toString('utf8'));
		expect(vevent!.uid).toMatch(new RegExp(`^event-${ids.smallEvent}@`));
		expect(vevent!.summary).toBe('Werksbesichtigung mit einem Platz');
		expect(mail.attachments.filter((a) => a.contentType === 'image/png')).toHaveLength(2);

		// The personal link shows the ticket.
		const personal = linkIn(mail.text!, '/events/registration/');
		const ticketPage = await newPage(browser, app.baseUrl);
		await ticketPage.page.goto(personal);
		expect(await ticketPage.page.getByTestId('registration-status').innerText()).toBe('Angemeldet');
		expect(await ticketPage.page.locator('main img[src^="data:image/png"]').count()).toBe(1);
		await ticketPage.context.close();

		// A second member finds the event full and joins the waiting list.
		const second = await newPage(browser, app.baseUrl);
		await signIn(second.page, 'lead@demo.example', DEMO_PASSWORD);
		const secondPanel = await registerOnEventPage(second.page, ids.smallEvent);
		expect(await secondPanel.getByTestId('registration-status').innerText()).toContain(
			'Warteliste (Platz 1)'
		);
		const [waitlisted] = await mailsTo('lead@demo.example', 1);
		expect(waitlisted!.parsed.subject).toContain('Warteliste');

		// The first cancels on the event page (with the confirmation tick).
		await first.page.goto(`/events/${ids.smallEvent}`);
		const cancelForm = first.page.locator('form[action$="?/cancel"]');
		await cancelForm.locator('input[name="confirm"]').check();
		await submitForm(first.page, cancelForm.getByRole('button', { name: 'Abmelden' }));
		expect(await first.page.locator('main').innerText()).toContain('Sie sind abgemeldet');

		const [, cancelled] = await mailsTo('member@demo.example', 2);
		const cancelIcs = cancelled!.parsed.attachments.find((a) => a.contentType === 'text/calendar')!;
		expect(cancelIcs.content.toString('utf8')).toContain('METHOD:CANCEL');

		const [, promoted] = await mailsTo('lead@demo.example', 2);
		expect(promoted!.parsed.subject).toContain('Ein Platz ist frei geworden');
		expect(promoted!.parsed.attachments.some((a) => a.contentType === 'text/calendar')).toBe(true);
		await second.page.goto(`/events/${ids.smallEvent}`);
		expect(
			await second.page
				.locator('section[aria-labelledby="registration-heading"]')
				.getByTestId('registration-status')
				.innerText()
		).toContain('Sie sind angemeldet');
		await first.context.close();
		await second.context.close();
	});
});
