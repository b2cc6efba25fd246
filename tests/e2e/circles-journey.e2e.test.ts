import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startSmtpServer, waitFor, type TestSmtpServer } from '../helpers/mail.ts';
import { DEMO_PASSWORD, launchBrowser, newPage, signIn, startApp, submitForm, type App } from './harness.ts';

/**
 * The expert circle's journey through the built app, as the demo people would walk it (issue #5):
 * the lead plans a meeting and its agenda, members register for it, the lead writes and approves
 * the minutes with two action items and every member gets them by mail (a real SMTP server), an
 * owner closes their item, a member uploads a file that another downloads, and people outside a
 * circle are refused — also at once after being removed from it. The steps build on each other.
 */
let app: App;
let browser: Browser;
let smtp: TestSmtpServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	smtp = await startSmtpServer();
	[app, browser] = await Promise.all([
		startApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Knotenpunkt <noreply@knotenpunkt.test>' } }),
		launchBrowser()
	]);
});

afterAll(async () => {
	for (const context of contexts) await context.close().catch(() => undefined);
	await browser?.close();
	await app?.stop();
	await smtp?.close();
});

const circle = '/circles/antriebstransformation';
const confidential = '/circles/produktion-digitalisierung';
const suffix = Math.random().toString(36).slice(2, 8);
const meetingTitle = `Sitzung Thermomanagement ${suffix}`;
const itemMember = `Kühlkonzepte vergleichen ${suffix}`;
const itemOther = `Werksbesuch anfragen ${suffix}`;
const pdf = Buffer.from(`%PDF-1.7\n% Thermomanagement ${suffix}\n%%EOF\n`);

/** A Berlin calendar day `days` from today, as a date input takes it. */
function dayFromToday(days: number) {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
	return new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

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

/** One signed-in browser context per person, kept for the whole journey. */
async function person(email: string): Promise<Page> {
	const { context, page } = await newPage(browser, app.baseUrl);
	contexts.push(context);
	await signIn(page, email, DEMO_PASSWORD);
	return page;
}

/** A button whose accessible name says what it does to whom: "Action: Person". */
const forPerson = (action: string, name: string) => `${action}: ${name}`;

const status = (page: Page) => page.locator('main [role="status"]').first().innerText();

const mailsTo = (address: string, subject: string) =>
	waitFor(
		() => smtp.receivedFor(address).filter((mail) => mail.parsed.subject?.includes(subject)),
		(mails) => mails.length >= 1,
		`expected a mail "${subject}" to ${address}`,
		20_000
	);

let lead: Page;
let member: Page;
let orgadmin: Page;
let office: Page;
let partner: Page;
let meetingPath = '';
let eventId = '';

describe('an expert circle, from planning a meeting to its minutes, files and refusals', () => {
	it('a second member asks to join and the lead admits her; the lead plans a meeting with an agenda', async () => {
		[lead, member, orgadmin, office, partner] = await Promise.all([
			person('lead@demo.example'),
			person('member@demo.example'),
			person('orgadmin@demo.example'),
			person('office@demo.example'),
			person('partner@demo.example')
		]);

		// orgadmin@ (Sabine Hollenberg) is in another circle; this one takes members on request.
		await orgadmin.goto(circle);
		await orgadmin.getByLabel('Nachricht an die Sprecher/innen (optional)').fill('Wir bauen Kühlplatten.');
		await submitForm(orgadmin, orgadmin.getByRole('button', { name: 'Aufnahme anfragen' }));
		expect(await status(orgadmin)).toContain('Anfrage wurde an die Sprecher/innen geschickt');
		expect((await lead.goto(`${circle}/members`))?.status()).toBe(200);
		await submitForm(
			lead,
			lead.getByRole('button', { exact: true, name: forPerson('Aufnehmen', 'Sabine Hollenberg') })
		);
		expect(await status(lead)).toContain('jetzt Mitglied');

		// "Sitzung planen" opens the event form with the circle as organiser and audience.
		expect((await lead.goto(`${circle}/meetings`))?.status()).toBe(200);
		await Promise.all([
			lead.waitForURL(/\/events\/new\?organiser=circle:[0-9a-f-]{36}$/),
			lead.getByRole('link', { name: 'Sitzung planen' }).click()
		]);
		const circleId = new URL(lead.url()).searchParams.get('organiser')!.slice('circle:'.length);
		expect(await lead.locator('select[name="organiser"]').inputValue()).toBe(`circle:${circleId}`);
		expect(await lead.locator('select[name="audience"]').inputValue()).toBe('circle');
		expect(await lead.locator('select[name="audienceCircleId"]').inputValue()).toBe(circleId);
		await lead.getByLabel('Titel (deutsch)').fill(meetingTitle);
		await lead.getByLabel('Format', { exact: true }).selectOption({ label: 'Expertenkreis-Sitzung' });
		await lead.getByLabel('Beginn: Datum').fill(dayFromToday(10));
		await lead.getByLabel('Beginn: Uhrzeit').fill('14:00');
		await lead.getByLabel('Ende: Datum').fill(dayFromToday(10));
		await lead.getByLabel('Ende: Uhrzeit').fill('17:00');
		await lead.getByLabel('Veranstaltungsort').fill('Piesberg Antriebselektronik, Raum Hase');
		await lead.getByLabel('Ort', { exact: true }).fill('Osnabrück');
		await lead.getByLabel('Anzahl Plätze (optional)').fill('20');
		const created = await submitForm(lead, lead.getByRole('button', { name: 'Veranstaltung anlegen' }));
		expect(created.status(), await lead.locator('main').innerText()).toBeLessThan(400);
		await lead.waitForURL(/\/events\/[0-9a-f-]{36}\/edit\?created=/);
		eventId = new URL(lead.url()).pathname.split('/')[2]!;

		// The event page leads to the meeting's agenda in the circle.
		await lead.goto(`/events/${eventId}`);
		await lead.getByRole('link', { name: 'Tagesordnung und Protokoll im Expertenkreis' }).click();
		await lead.waitForURL(new RegExp(`${circle}/meetings/${eventId}$`));

		// The new meeting is listed among the circle's upcoming ones.
		await lead.goto(`${circle}/meetings`);
		const upcoming = lead.getByRole('region', { name: 'Kommende Sitzungen' });
		await upcoming.getByRole('link', { name: meetingTitle }).first().click();
		await lead.waitForURL(new RegExp(`/meetings/${eventId}$`));
		meetingPath = new URL(lead.url()).pathname;
		expect(meetingPath).toBe(`${circle}/meetings/${eventId}`);

		// Two agenda items, the second presented by member@.
		const form = lead.locator('#new-item');
		await form.getByLabel('Titel').fill(`Begrüßung und Protokoll ${suffix}`);
		await form.getByLabel('Dauer in Minuten').fill('10');
		await submitForm(lead, form.getByRole('button', { name: 'Punkt hinzufügen' }));
		expect(await status(lead)).toContain(`Begrüßung und Protokoll ${suffix}`);
		await form.getByLabel('Titel').fill(`Kühlkreisläufe im Vergleich ${suffix}`);
		await form.getByLabel('Vortrag durch (Mitglied)').selectOption({ label: 'Jonas Wernsing' });
		await form.getByLabel('Dauer in Minuten').fill('30');
		await form.getByLabel('Notizen').fill('Mit **Messdaten** aus dem Prüfstand.');
		await submitForm(lead, form.getByRole('button', { name: 'Punkt hinzufügen' }));
		expect(await status(lead)).toContain(`Kühlkreisläufe im Vergleich ${suffix}`);

		const agenda = lead.locator('section[aria-labelledby="agenda-heading"] ol > li');
		expect(await agenda.locator('h3').allInnerTexts()).toEqual([
			`Begrüßung und Protokoll ${suffix}`,
			`Kühlkreisläufe im Vergleich ${suffix}`
		]);
		expect(await agenda.nth(1).innerText()).toContain('Vortrag: Jonas Wernsing');
		expect(await agenda.nth(1).locator('strong').innerText()).toBe('Messdaten');

		// The circle's open action items (from the last meeting) are on the upcoming meeting's page.
		const openItems = lead.locator('section[aria-labelledby="open-items-heading"]');
		expect(await openItems.getByRole('heading', { name: 'Offene Aufgaben' }).count()).toBe(1);
		expect(await openItems.getByRole('listitem').count()).toBeGreaterThan(0);
		expect(await axeViolations(lead)).toEqual([]);
	});

	it('members register for the meeting on the event page', async () => {
		for (const [page, email] of [
			[member, 'member@demo.example'],
			[orgadmin, 'orgadmin@demo.example']
		] as const) {
			expect((await page.goto(`/events/${eventId}`))?.status()).toBe(200);
			const panel = page.locator('section[aria-labelledby="registration-heading"]');
			await submitForm(page, panel.getByRole('button', { name: /anmelden/i }));
			expect(await panel.getByTestId('registration-status').innerText()).toContain('Sie sind angemeldet');
			const [confirmation] = await mailsTo(email, 'Anmeldung');
			expect(confirmation!.parsed.subject).toContain(meetingTitle);
			// The circle's meeting page knows it too.
			await page.goto(meetingPath);
			expect(await page.locator('main').innerText()).toContain('Ihre Anmeldung: Angemeldet');
		}
	});

	it('the lead writes and approves minutes with two action items; every member gets them by mail', async () => {
		expect((await lead.goto(`${meetingPath}/minutes`))?.status()).toBe(200);
		expect(await axeViolations(lead)).toEqual([]);
		await lead
			.getByLabel('Protokoll (Markdown)')
			.fill(`## Ergebnisse ${suffix}\n\n- Kühlplatten sind **gesetzt**\n- Nächster Termin im Herbst`);
		await lead.getByLabel('Aufgabe 1', { exact: true }).fill(itemMember);
		await lead.locator('#item-0-owner').selectOption({ label: 'Jonas Wernsing' });
		await lead.locator('#item-0-due').fill(dayFromToday(20));
		await lead.getByLabel('Aufgabe 2', { exact: true }).fill(itemOther);
		await lead.locator('#item-1-owner').selectOption({ label: 'Sabine Hollenberg' });
		await lead.locator('#item-1-due').fill(dayFromToday(30));
		await submitForm(lead, lead.getByRole('button', { name: 'Vorschau' }).first());
		expect(await lead.locator('section[aria-labelledby="preview-heading"] strong').innerText()).toBe(
			'gesetzt'
		);
		await submitForm(lead, lead.getByRole('button', { name: 'Freigeben und versenden' }));
		const sent = await status(lead);
		expect(sent).toContain('freigegeben');
		expect(await axeViolations(lead)).toEqual([]);

		// One mail per member of the circle, each with the minutes and both action items.
		await lead.goto(`${circle}/members`);
		const memberCount = await lead.locator('section[aria-labelledby="members-heading"] tbody tr').count();
		expect(sent).toContain(`an ${memberCount} Mitglieder`);
		for (const email of ['member@demo.example', 'orgadmin@demo.example', 'lead@demo.example']) {
			const [mail] = await mailsTo(email, `Protokoll: ${meetingTitle}`);
			const text = mail!.parsed.text!;
			expect(text).toContain(`Ergebnisse ${suffix}`);
			expect(text).toContain(`${itemMember} (verantwortlich: Jonas Wernsing`);
			expect(text).toContain(`${itemOther} (verantwortlich: Sabine Hollenberg`);
			expect(text).toContain(`${app.baseUrl}${meetingPath}`);
		}
		await waitFor(
			() => smtp.received.filter((mail) => mail.parsed.subject?.includes(`Protokoll: ${meetingTitle}`)),
			(mails) => mails.length >= memberCount,
			`expected ${memberCount} minutes mails`,
			20_000
		);

		// The members read them on the meeting page; the new items join the circle's open ones.
		expect((await member.goto(meetingPath))?.status()).toBe(200);
		expect(await member.locator('#minutes').innerText()).toContain(`Ergebnisse ${suffix}`);
		expect(await member.locator('section[aria-labelledby="open-items-heading"]').innerText()).toContain(
			itemMember
		);
		expect(await axeViolations(member)).toEqual([]);
	});

	it('an owner marks their action item done; another member cannot', async () => {
		const minutesItems = (page: Page, title: string) =>
			page.locator('#minutes li').filter({ hasText: title });
		// Sabine may change her own item but not Jonas's.
		await orgadmin.goto(meetingPath);
		expect(await minutesItems(orgadmin, itemMember).getByRole('button').count()).toBe(0);
		expect(await minutesItems(orgadmin, itemOther).getByRole('button').count()).toBeGreaterThan(0);

		await member.goto(meetingPath);
		await submitForm(
			member,
			member.getByRole('button', { name: `Als erledigt markieren: ${itemMember}` }).first()
		);
		expect(await status(member)).toContain(`„${itemMember}“ ist jetzt: Erledigt`);
		expect(await minutesItems(member, itemMember).locator('.badge').innerText()).toBe('Erledigt');

		// The circle's list of action items agrees, for everyone.
		await lead.goto(`${circle}/actions?filter=done`);
		expect(
			await lead.getByRole('listitem').filter({ hasText: itemMember }).locator('.badge').innerText()
		).toBe('Erledigt');
		await lead.goto(`${circle}/actions?filter=open`);
		expect(await lead.getByRole('listitem').filter({ hasText: itemMember }).count()).toBe(0);
		expect(await lead.getByRole('listitem').filter({ hasText: itemOther }).count()).toBe(1);
	});

	it('a member uploads a PDF and another member downloads it', async () => {
		expect((await orgadmin.goto(`${circle}/documents`))?.status()).toBe(200);
		await orgadmin.getByLabel('Datei', { exact: true }).setInputFiles({
			name: `Kühlkonzepte ${suffix}.pdf`,
			mimeType: 'application/pdf',
			buffer: pdf
		});
		await submitForm(orgadmin, orgadmin.getByRole('button', { name: 'Hochladen' }));
		expect(await status(orgadmin)).toContain('hochgeladen');

		await member.goto(`${circle}/documents`);
		const download = member.getByRole('link', { name: `„Kühlkonzepte ${suffix}.pdf“ herunterladen` });
		const href = (await download.getAttribute('href'))!;
		expect(href).toMatch(new RegExp(`^${circle}/documents/[0-9a-f-]{36}/download$`));
		const answer = await member.request.get(href);
		expect(answer.status()).toBe(200);
		expect(answer.headers()['content-type']).toBe('application/pdf');
		expect(answer.headers()['content-disposition']).toMatch(/^attachment;/);
		expect(answer.headers()['content-disposition']).toContain('.pdf');
		expect(Buffer.from(await answer.body())).toEqual(pdf);

		// A partner outside the circle may not have it.
		expect((await partner.request.get(href)).status()).toBe(403);
	});

	it('outside a confidential circle everything is refused, and at once for a member who was removed', async () => {
		// The office invites member@ into the confidential circle; he accepts and downloads a file.
		expect((await office.goto(`${confidential}/members?q=Wernsing`))?.status()).toBe(200);
		await submitForm(
			office,
			office.getByRole('button', { exact: true, name: forPerson('Einladen', 'Jonas Wernsing') })
		);
		expect(await status(office)).toContain('Einladung wurde verschickt');
		await member.goto(confidential);
		await submitForm(member, member.getByRole('button', { name: 'Einladung annehmen' }));
		expect(await status(member)).toContain('Mitglied');
		expect((await member.goto(`${confidential}/documents`))?.status()).toBe(200);
		await member.getByRole('link', { name: 'Präsentationen' }).first().click();
		await member.waitForURL(/\?folder=[0-9a-f-]{36}$/);
		const href = (await member.locator('main a[href$="/download"]').first().getAttribute('href'))!;
		expect(href).toMatch(new RegExp(`^${confidential}/documents/[0-9a-f-]{36}/download$`));
		expect((await member.request.get(href)).status()).toBe(200);

		// A partner gets nothing of that circle.
		for (const path of ['documents', 'threads', 'meetings', 'search?q=Wartung', 'members', 'actions']) {
			expect((await partner.goto(`${confidential}/${path}`))?.status(), path).toBe(403);
		}
		expect((await partner.request.get(href)).status()).toBe(403);

		// The office removes member@: the same URL is refused with the next request.
		await office.goto(`${confidential}/members`);
		await submitForm(
			office,
			office.getByRole('button', { exact: true, name: forPerson('Entfernen', 'Jonas Wernsing') })
		);
		expect(await status(office)).toContain('aus dem Kreis entfernt');
		expect((await member.request.get(href)).status()).toBe(403);
		expect((await member.goto(`${confidential}/documents`))?.status()).toBe(403);
		expect((await member.goto(`${confidential}/meetings`))?.status()).toBe(403);
	});
});
